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

from stationmap.analysis.quality import SHARE_LABELS
from stationmap.analysis.temporal_tables import weekday_names
from stationmap.reports.brief_content import KERNEL_NAMES, WeeklyBrief
from stationmap.reports.participatory import suppressed_sector_counts
from stationmap.reports.plan_tables import plan_tables
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

MAP_BLOCK = """
<div class="toggles">
<input type="checkbox" id="t-basemap" checked><label for="t-basemap">Calles</label>
{% if density %}<input type="checkbox" id="t-density" checked><label for="t-density">Densidad</label>{% endif %}
<input type="checkbox" id="t-sectors" checked><label for="t-sectors">Sectores</label>
<input type="checkbox" id="t-points" checked><label for="t-points">Puntos críticos</label>
<figure>{{ svg | safe }}</figure>
</div>"""

PLAN = _ENV.from_string("""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title>
<style>{{ css | safe }}</style></head><body>
<h1>{{ title }}</h1><p class="sub">{{ station }} · del {{ start }} al {{ end }} · versión {{ version }}
{% if author %}· {{ author }}{% endif %} · generado {{ created }}</p>
{% if synthetic %}<p class="note"><b>Incidentes sintéticos</b> (estación de ejemplo).</p>{% endif %}
""" + MAP_BLOCK + """
<h2>Cuándo ocurren (últimas semanas, aorístico)</h2>{{ heat | safe }}
{% for name, table in tables %}<h2>{{ name }}</h2>
<details {% if loop.index <= 1 %}open{% endif %}><summary>{{ table.shape[0] }} filas</summary><div class="scroll">
<table><tr>{% for c in table.columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for row in table.itertuples(index=False) %}<tr>{% for v in row %}<td>{{ v }}</td>{% endfor %}</tr>{% endfor %}
</table></div></details>{% endfor %}
<p class="note">{{ credit }}</p></body></html>""")

BRIEF = _ENV.from_string("""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title>
<style>{{ css | safe }}</style></head><body>
<h1>{{ title }}</h1><p class="sub">{{ station }} · semana {{ label }} (del {{ start }} al {{ end }})</p>
{% if synthetic %}<p class="note"><b>Incidentes sintéticos</b> (estación de ejemplo).</p>{% endif %}
{% if participatory %}
<p>Conteos por sector de la semana. Para proteger a las víctimas, las cifras menores que {{ threshold }}
se muestran como «&lt; {{ threshold }}». No se muestran lugares exactos ni detalles de los hechos.</p>
<table><tr>{% for c in counts.columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for row in counts.itertuples(index=False) %}<tr>{% for v in row %}<td>{{ v }}</td>{% endfor %}</tr>{% endfor %}</table>
{% else %}
<h2>Qué cambió</h2>
<table><tr><th>Delito</th><th>Semana</th><th>Frente a las 4 semanas previas</th>{% if has_last_year %}<th>Misma semana del año anterior</th>{% endif %}</tr>
{% for line in categories %}<tr><td>{{ line.category }}</td><td>{{ line.current }}</td>
<td class="{{ line.vs_previous.verdict if line.vs_previous else '' }}">{{ line.vs_previous.sentence() if line.vs_previous else 'sin datos' }}</td>
{% if has_last_year %}<td class="{{ line.vs_last_year.verdict if line.vs_last_year else '' }}">{{ line.vs_last_year.sentence() if line.vs_last_year else 'sin datos' }}</td>{% endif %}</tr>{% endfor %}</table>
<p class="note">Un cambio se marca solo si una prueba exacta de Poisson (5 %) lo distingue de la variación normal.
{% if not has_last_year %}Los datos del proyecto no llegan a la misma semana del año anterior: no hay comparación anual.{% endif %}</p>
<h2>Dónde</h2>""" + MAP_BLOCK + """
{% if density %}<p class="note">Densidad de la semana: núcleo {{ kernel_name }}, ancho de banda
{{ density.bandwidth_m | round | int }} m, celda {{ density.cell_m | round | int }} m.</p>{% endif %}
<table><tr><th>Punto</th><th>Calle</th><th>Incidentes (4 semanas)</th><th>Horas pico</th><th></th></tr>
{% for p in points %}<tr><td>{{ p.code }}</td><td>{{ p.street }}</td><td>{{ p.incidents }}</td>
<td>{% for h in p.peak_hours %}{{ '%02d:00' % h }}{% if not loop.last %}, {% endif %}{% endfor %}</td><td class="new">{{ 'NUEVO' if p.code in new_points else '' }}</td></tr>{% endfor %}</table>
<table><tr><th>Sector</th><th>Semana</th><th>Promedio previo</th><th>Cambio</th></tr>
{% for s in sectors_table %}<tr><td>{{ s.sector }}</td><td>{{ s.current }}</td><td>{{ '%.1f' % s.previous_mean }}</td>
<td>{{ s.change.sentence() }}</td></tr>{% endfor %}</table>
<h2>Cuándo</h2><p>Esta semana:</p>{{ heat_now | safe }}<p>Semana habitual (promedio de las 4 anteriores):</p>{{ heat_ref | safe }}
<p class="note">Cada cuadro se sombrea según su propia celda más oscura: {{ '%.1f' % peak_now }} incidentes en una hora
esta semana, {{ '%.1f' % peak_ref }} en la semana habitual. Un hecho con hora incierta se reparte entre las horas
posibles (método aorístico).</p>
<ul>{% for m in movements %}<li>{{ m }}</li>{% else %}<li>Sin desplazamientos horarios notables.</li>{% endfor %}</ul>
<h2>Calidad de los datos</h2><table>{% for key, value in shares %}<tr><td>{{ key }}</td><td>{{ '%.1f' % value }} %</td></tr>{% endfor %}
<tr><td>Duplicados encontrados al importar</td><td>{{ quality.duplicates_found }}</td></tr>
<tr><td>Filas rechazadas al importar</td><td>{{ quality.rows_rejected }}</td></tr></table>
{% if quality.rejected_by_reason %}<table><tr><th>Motivo de rechazo (ejemplo)</th><th>Filas</th></tr>
{% for code, rows in quality.rejected_by_reason.items() %}<tr><td>{{ quality.reason_examples.get(code, code) }}</td><td>{{ rows }}</td></tr>{% endfor %}</table>{% endif %}
{% endif %}
<p class="note">Delitos denunciados: no todo delito se denuncia. Calles: © OpenStreetMap contributors (ODbL).</p>
</body></html>""")


def write_plan_html(plan, path: str | Path, *, station: str, features=(), synthetic: bool = False) -> Path:
    area = shapely.union_all([s.geometry for s in plan.sectors]).bounds
    svg = map_svg(area, features=features, sectors=plan.sectors, points=plan.critical_points)
    html = PLAN.render(
        title="Plan de patrullaje", css=CSS, station=station, start=f"{plan.period_start:%d/%m/%Y}",
        end=f"{plan.period_end:%d/%m/%Y}", version=plan.version, author=plan.author,
        created=plan.created_at.replace("T", " "), synthetic=synthetic, svg=svg, density=None,
        heat=heat_svg(plan.hour_weekday, weekday_names()), tables=list(plan_tables(plan).items()),
        credit="Calles: © OpenStreetMap contributors (ODbL). Elaborado con StationMap.")
    Path(path).write_text(html, encoding="utf-8")
    return Path(path)


def write_brief_html(brief: WeeklyBrief, path: str | Path, *, sectors, features=(), density=None,
                     participatory: bool = False, incidents=None, threshold: int = 3) -> Path:
    area = shapely.union_all([s.geometry for s in sectors]).bounds
    context = dict(css=CSS, station=brief.station, label=brief.label, start=f"{brief.start:%d/%m/%Y}",
                   end=f"{brief.end:%d/%m/%Y}", synthetic=brief.synthetic, participatory=participatory,
                   title="Informe para la comunidad" if participatory else "Informe semanal")
    if participatory:
        context.update(threshold=threshold,
                       counts=suppressed_sector_counts(incidents[brief.period_mask], sectors, threshold))
    else:
        context.update(
            categories=brief.categories, has_last_year=brief.has_last_year, points=brief.critical_points,
            new_points=brief.new_points,
            kernel_name=KERNEL_NAMES.get(density.kernel, density.kernel) if density is not None else "",
            sectors_table=brief.sectors, density=density, movements=brief.movements, quality=brief.quality,
            shares=[(SHARE_LABELS[k], v) for k, v in brief.quality.shares.items()],
            svg=map_svg(area, features=features, sectors=sectors, points=brief.critical_points,
                        new_points=brief.new_points, density=density),
            peak_now=float(brief.matrix_current.max()), peak_ref=float(brief.matrix_reference.max()),
            heat_now=heat_svg(brief.matrix_current, weekday_names()),
            heat_ref=heat_svg(brief.matrix_reference, weekday_names()))
    Path(path).write_text(BRIEF.render(**context), encoding="utf-8")
    return Path(path)

