"""The plan and the weekly brief as single self-contained HTML files.

One file, no script, no external reference: inline CSS, inline SVG maps and
charts, tables. It opens on any laptop or phone browser with no network, and
layers are switched on and off with CSS-only checkboxes. All text from data is
escaped by Jinja2's autoescape.
"""

from __future__ import annotations

from pathlib import Path

import shapely
from jinja2 import Environment, select_autoescape

from stationmap.analysis.temporal_tables import weekday_names
from stationmap.core.numbers import mean_text, percent_text
from stationmap.core.timestamps import shown_timestamp
from stationmap.reports.brief_content import WeeklyBrief, recent_quality_weeks, shared_peak
from stationmap.reports.brief_text import BriefText
from stationmap.reports.participatory import suppressed_sector_counts
from stationmap.core.messages import current_language, render
from stationmap.reports.plan_tables import plan_tables
from stationmap.reports.plan_tables import text as plan_text
from stationmap.reports.svg import heat_svg, map_svg

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0 auto;max-width:1100px;
padding:12px;color:#111;line-height:1.35}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.2rem 0 .4rem;border-bottom:1px solid #ccc}
.sub{color:#444;font-size:.9rem}.note{font-size:.8rem;color:#444}
table{border-collapse:collapse;width:100%;font-size:.82rem;margin:.3rem 0}
th,td{border:1px solid #bbb;padding:2px 5px;text-align:left;vertical-align:top}th{background:#e8e8e8}
.scroll{overflow-x:auto}svg.map{width:100%;height:auto;border:1px solid #999;background:#fafafa}
svg.heat{width:100%;max-width:700px;height:auto}.axis{font-size:11px;fill:#333}
.sector-label{font:bold 15px sans-serif;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:4px}
.point-label{font:bold 10px sans-serif;fill:#fff;text-anchor:middle}
.toggles label{margin-right:1rem;font-size:.9rem}
#t-basemap:not(:checked)~figure .layer-basemap,#t-density:not(:checked)~figure .layer-density,
#t-sectors:not(:checked)~figure .layer-sectors,#t-points:not(:checked)~figure .layer-points{display:none}
.up{color:#b2182b;font-weight:bold}.down{color:#2166ac;font-weight:bold}.new{color:#b2182b;font-weight:bold}
details{margin:.3rem 0}summary{cursor:pointer;font-weight:600}
@media print{.toggles{display:none}details{display:block}}
"""

_ENV = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
_ENV.filters["mean"] = mean_text   # means and weights as the PDF writes them (core.numbers)
_ENV.filters["percent"] = percent_text   # "98 %" as the PDF writes it, never split from its "%"

MAP_BLOCK = """
<div class="toggles">
<input type="checkbox" id="t-basemap" checked><label for="t-basemap">{{ t('streets') }}</label>
{% if density %}<input type="checkbox" id="t-density" checked><label for="t-density">{{ t('density') }}</label>{% endif %}
<input type="checkbox" id="t-sectors" checked><label for="t-sectors">{{ t('sectors') }}</label>
<input type="checkbox" id="t-points" checked><label for="t-points">{{ t('critical_points') }}</label>
<figure>{{ svg | safe }}</figure>
</div>"""

PLAN = _ENV.from_string("""<!DOCTYPE html><html lang="{{ t.language }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title>
<style>{{ css | safe }}</style></head><body>
<h1>{{ title }}</h1><p class="sub">{{ p('html_subtitle', station=station, start=start, end=end, version=version) }}
{% if author %}· {{ author }}{% endif %} · {{ p('html_made', created=created) }}</p>
{% if synthetic %}<p class="note"><b>{{ p('html_synthetic') }}</b> {{ p('html_sample') }}</p>{% endif %}
{% if warnings %}<h2>{{ warnings_heading }}</h2><ul class="up">{% for w in warnings %}<li>{{ w }}</li>{% endfor %}</ul>{% endif %}
""" + MAP_BLOCK + """
<h2>{{ p('chart_title') }}</h2>{{ heat | safe }}
{% for name, table in tables %}<h2>{{ name }}</h2>
<details {% if loop.index <= 1 %}open{% endif %}><summary>{{ p('rows', count=table.shape[0]) }}</summary><div class="scroll">
<table><tr>{% for c in table.columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for row in table.itertuples(index=False) %}<tr>{% for v in row %}<td>{{ v }}</td>{% endfor %}</tr>{% endfor %}
</table></div></details>{% endfor %}
<p class="note">{{ credit }}</p></body></html>""")

BRIEF = _ENV.from_string("""<!DOCTYPE html><html lang="{{ t.language }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title>
<style>{{ css | safe }}</style></head><body>
<h1>{{ title }}</h1><p class="sub">{% if participatory %}{{ t('community_subtitle', station=station, start=start, end=end) }}
{% else %}{{ t('subtitle', station=station, label=label, start=start, end=end) }}{% endif %}</p>
{% if synthetic %}<p class="note"><b>{{ t('synthetic') }}</b></p>{% endif %}
{% if participatory %}
<p>{{ t('community_intro') }} {{ t('suppression', threshold=threshold) }} {{ t('suppression_total') }}</p>
<table><tr>{% for c in counts.columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for row in counts.itertuples(index=False) %}<tr>{% for v in row %}<td>{{ v }}</td>{% endfor %}</tr>{% endfor %}</table>
{% if provisional_sectors %}<p class="note">{{ t('provisional_sectors_public', count=provisional_sectors) }}</p>{% endif %}
{% else %}
<h2>{{ t('what_changed') }}</h2>
<table><tr><th>{{ t('crime') }}</th><th>{{ t('week') }}</th><th>{{ t('vs_previous') }}</th>
{% if has_last_year %}<th>{{ t('last_year') }}</th>{% endif %}</tr>
{% for line in categories %}<tr><td>{{ t('week_total') if loop.first else line.category }}</td><td>{{ line.current }}</td>
<td class="{{ line.vs_previous.verdict if line.vs_previous else '' }}">{{ line.vs_previous.sentence(t.language) if line.vs_previous else t('no_data') }}</td>
{% if has_last_year %}<td class="{{ line.vs_last_year.verdict if line.vs_last_year else '' }}">{{ line.vs_last_year.sentence(t.language) if line.vs_last_year else t('no_data') }}</td>{% endif %}</tr>{% endfor %}</table>
<p class="note">{{ t('change_marked') }} {% if not has_last_year %}{{ t('no_last_year') }}{% endif %}</p>
<h2>{{ t('where') }}</h2>""" + MAP_BLOCK + """
{% if density %}<p class="note">{{ t('density_html', kernel=t(density.kernel), bandwidth=density.bandwidth_m | round | int,
cell=density.cell_m | round | int) }}</p>{% endif %}
{% if provisional_sectors %}<p class="note">{{ t('provisional_sectors', count=provisional_sectors) }}</p>{% endif %}
<table><tr><th>{{ t('point') }}</th><th>{{ t('street') }}</th><th>{{ t('weight') }}</th><th>{{ t('incidents_4w') }}</th><th>{{ t('peak_hours') }}</th><th></th></tr>
{% for p in points %}<tr><td>{{ p.code }}</td><td>{{ p.street }}</td><td>{{ p.weight | mean }}</td><td>{{ p.incidents }}</td>
<td>{{ p.peak_text() }}</td><td class="new">{{ t('NEW') if p.code in new_points else '' }}</td></tr>{% endfor %}</table>
{% if points %}<p class="note">{{ t('weight_note') }}</p>{% endif %}
<table><tr><th>{{ t('sector') }}</th><th>{{ t('week') }}</th><th>{{ t('previous_mean') }}</th><th>{{ t('change') }}</th></tr>
{% for s in sectors_table %}<tr><td>{{ s.sector }}</td><td>{{ s.current }}</td>
<td>{{ s.previous_mean | mean if s.change else t('no_data') }}</td>
<td class="{{ s.change.verdict if s.change else '' }}">{{ s.change.sentence(t.language) if s.change else '—' }}</td></tr>{% endfor %}</table>
<h2>{{ t('when') }}</h2><p>{{ t('this_week') }}:</p>{{ heat_now | safe }}
<p>{{ t('usual_week') }}:</p>{{ heat_ref | safe }}
<p class="note">{{ t('heat_note_html', value=peak | mean) }}</p>
<h3>{{ t('what_moved') }}</h3>
<ul>{% for m in movements %}<li>{{ m.sentence(t) }}</li>{% else %}<li>{{ t('no_movement') }}</li>{% endfor %}</ul>
<h2>{{ t('quality') }}</h2><p class="note">{{ t('quality_scope', label=label, n=quality.incidents, weeks=quality_weeks | length) }}</p>
<table><tr><th>{{ t('indicator_week', label=label, n=quality.incidents) }}</th><th>{{ t('value') }}</th></tr>{% for key, value in shares %}<tr><td>{{ t(key) }}</td><td>{{ value | percent(1) }}</td></tr>{% endfor %}
</table><table><tr><th>{{ t('indicator_imports') }}</th><th>{{ t('rows') }}</th></tr>
<tr><td>{{ t('duplicates_short') }}</td><td>{{ quality.duplicates_found }}</td></tr>
<tr><td>{{ t('rejected_short') }}</td><td>{{ quality.rows_rejected }}</td></tr></table>
{% if quality.rejected_by_reason %}<table><tr><th>{{ t('reason') }}</th><th>{{ t('rows') }}</th></tr>
{% for code, rows in quality.rejected_by_reason.items() %}<tr><td>{{ quality.reason_examples.get(code, code) }}</td><td>{{ rows }}</td></tr>{% endfor %}</table>{% endif %}
<table><tr><th>{{ t('week') }}</th><th>{{ t('incidents') }}</th><th>{{ t('with_coordinates_short') }}</th>
<th>{{ t('known_time_short') }}</th><th>{{ t('unspecified_short') }}</th></tr>
{% for week, incidents, located, timed, unspecified in quality_weeks %}<tr><td>{{ week.strftime('%d/%m/%Y') }}</td>
<td>{{ incidents }}</td><td>{{ located | percent }}</td><td>{{ timed | percent }}</td><td>{{ unspecified | percent }}</td></tr>{% endfor %}</table>
{% endif %}
<p class="note">{{ t('footer_short') if participatory else t('footer') }}</p>
</body></html>""")


def write_plan_html(plan, path: str | Path, *, station: str, features=(), synthetic: bool = False,
                    language: str | None = None) -> Path:
    area = shapely.union_all([s.geometry for s in plan.sectors]).bounds
    t = BriefText(language or current_language())
    svg = map_svg(area, features=features, sectors=plan.sectors, points=plan.critical_points,
                  unit=t("incidents").lower())
    p = lambda key, **data: plan_text(key, t.language, **data)  # noqa: E731 - the plan's own wording
    html = PLAN.render(
        title=p("title"), css=CSS, station=station, start=f"{plan.period_start:%d/%m/%Y}",
        end=f"{plan.period_end:%d/%m/%Y}", version=plan.version, author=plan.author,
        created=shown_timestamp(plan.created_at), synthetic=synthetic, svg=svg, density=None, t=t, p=p,
        warnings=plan.warning_texts(t.language), warnings_heading=render("plan.warn.heading", language=t.language),
        heat=heat_svg(plan.hour_weekday, weekday_names(t.language), unit=t("incidents").lower()),
        tables=list(plan_tables(plan, t.language).items()), credit=p("credit"))
    Path(path).write_text(html, encoding="utf-8")
    return Path(path)


def write_brief_html(brief: WeeklyBrief, path: str | Path, *, sectors, features=(), density=None,
                     participatory: bool = False, incidents=None, threshold: int = 3,
                     language: str | None = None) -> Path:
    area = shapely.union_all([s.geometry for s in sectors]).bounds
    t = BriefText(language)
    context = dict(css=CSS, t=t, station=brief.station, label=brief.label, start=f"{brief.start:%d/%m/%Y}",
                   end=f"{brief.end:%d/%m/%Y}", synthetic=brief.synthetic, participatory=participatory,
                   title=t("community_title") if participatory else t("title"),
                   provisional_sectors=brief.provisional_sectors)
    if participatory:
        context.update(threshold=threshold, counts=suppressed_sector_counts(
            incidents[brief.period_mask], sectors, threshold, language=t.language))
    else:
        context.update(
            categories=brief.categories, has_last_year=brief.has_last_year, points=brief.critical_points,
            new_points=brief.new_points,
            sectors_table=brief.sectors, density=density, movements=brief.movements, quality=brief.quality,
            shares=list(brief.quality.shares.items()), quality_weeks=recent_quality_weeks(brief.quality),
            svg=map_svg(area, features=features, sectors=sectors, points=brief.critical_points,
                        new_points=brief.new_points, density=density),
            # One colour scale for both charts: the same colour is the same count in each.
            peak=shared_peak(brief),
            heat_now=heat_svg(brief.matrix_current, weekday_names(t.language), unit=t("incidents").lower(),
                              unit_one=t("incident"), peak=shared_peak(brief)),
            heat_ref=heat_svg(brief.matrix_reference, weekday_names(t.language), unit=t("incidents").lower(),
                              unit_one=t("incident"), peak=shared_peak(brief)))
    Path(path).write_text(BRIEF.render(**context), encoding="utf-8")
    return Path(path)

