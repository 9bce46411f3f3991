"""The weekly brief as an A4 PDF, and its participatory variant for community meetings.

Page 1 says what changed and whether it is real; page 2 where (density of the
week, sectors, critical points with the new ones marked); page 3 when (this
week against the usual week, and what moved); page 4 how far the data can be
trusted. The participatory variant prints only counts per sector, with small
numbers suppressed, and no points or incident details.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import numpy as np
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from stationmap.analysis.temporal_tables import weekday_names
from stationmap.core.numbers import mean_text, percent_text
from stationmap.maps.basemap.tiling import lonlat_to_mercator
from stationmap.reports import pdf_drawing as draw
from stationmap.reports.brief_content import RECENT_QUALITY_WEEKS, WeeklyBrief, recent_quality_weeks, shared_peak
from stationmap.reports.brief_text import BriefText
from stationmap.reports.participatory import suppressed_sector_counts
from stationmap.reports.pdf_layout import MARGIN, PAGE_H, PAGE_W, paragraphs, table

def _change_cells(change, t: BriefText) -> list[str]:
    if change is None:
        return [t("no_data"), "—"]
    percent = "" if change.percent is None else f" ({change.percent:+.0f} %)"
    return [f"{change.expected:.1f}{percent}", t(change.verdict)]


class _BriefDocument:
    def __init__(self, brief: WeeklyBrief, path: Path, sectors, basemap_features, density, language) -> None:
        self.brief, self.sectors, self.features, self.density = brief, sectors, basemap_features, density
        self.t = t = BriefText(language)
        self.c = Canvas(str(path), pagesize=A4, pageCompression=1)
        self.c.setTitle(f"{t('title')} {brief.label} — {brief.station}")
        self.page = 0

    def header(self, title: str) -> None:
        b, c = self.brief, self.c
        c.setFont("Helvetica-Bold", 13)
        c.drawString(MARGIN, PAGE_H - MARGIN - 12, title)
        c.setFont("Helvetica", 8.5)
        c.drawString(MARGIN, PAGE_H - MARGIN - 26, self.t("subtitle", station=b.station, label=b.label,
                                                          start=f"{b.start:%d/%m/%Y}", end=f"{b.end:%d/%m/%Y}"))

    def footer(self) -> None:
        self.page += 1
        c = self.c
        c.setFont("Helvetica", 6.5)
        note = self.t("footer")
        if self.brief.synthetic:
            note = self.t("synthetic") + " " + note
        c.drawString(MARGIN, MARGIN - 14, note)
        c.drawRightString(PAGE_W - MARGIN, MARGIN - 14, self.t("page", n=self.page))
        c.showPage()

    def paragraph_lines(self, lines: list[str], top: float, size: float = 9) -> float:
        return paragraphs(self.c, lines, top, size)

    def summary_page(self) -> None:
        b, t = self.brief, self.t
        self.header(t("title"))
        total = b.categories[0]
        sentence = total.vs_previous.sentence(t.language) if total.vs_previous else total.current
        key = [f"<b>{t('week_total')}:</b> {sentence}"]
        key += [f"<b>{line.category}:</b> {line.vs_previous.sentence(t.language)}" for line in b.categories[1:]
                if line.vs_previous is not None and line.vs_previous.verdict != "normal"]
        top = self.paragraph_lines(key, PAGE_H - MARGIN - 44)
        # Without last year's week in the data, two columns of "sin datos" would only hide the table.
        rows = [[t("crime"), t("week"), t("previous_4"), t("real_change")]
                + ([t("last_year"), t("real_change")] if b.has_last_year else [])]
        for line in b.categories:
            name = t("week_total") if line is total else line.category
            rows.append([name, line.current, *_change_cells(line.vs_previous, t)]
                        + (_change_cells(line.vs_last_year, t) if b.has_last_year else []))
        widths = [150, 45, 90, 70] + ([90, 78] if b.has_last_year else [])
        top -= table(self.c, rows, widths, MARGIN, top - 6, 400) + 14
        notes = [t("change_note")]
        if not b.has_last_year:
            notes.append(t("no_last_year"))
        self.paragraph_lines(notes, top, 7.5)
        self.footer()

    def map_page(self) -> None:
        b, c, t = self.brief, self.c, self.t
        self.header(t("where"))
        box = (MARGIN, PAGE_H - MARGIN - 40 - 380, PAGE_W - 2 * MARGIN, 380)
        import shapely

        frame = draw.frame_for(shapely.union_all([s.geometry for s in self.sectors]).bounds, *box)
        c.rect(*box, fill=0, stroke=1)
        draw.draw_basemap(c, frame, self.features)
        if self.density is not None:
            west, south, east, north = self.density.image_bounds_lonlat
            (x0, x1), (y0, y1) = lonlat_to_mercator(np.array([west, east]), np.array([south, north]))
            px, py = frame.page(np.array([x0, x1]), np.array([y0, y1]))
            c.saveState()
            clip = c.beginPath(); clip.rect(*box); c.clipPath(clip, stroke=0, fill=0)
            c.drawImage(ImageReader(BytesIO(self.density.to_png("ylorrd", opacity=0.85))), px[0], py[0],
                        px[1] - px[0], py[1] - py[0], mask="auto")
            c.restoreState()
        draw.draw_sectors(c, frame, self.sectors, points=b.critical_points)
        draw.draw_points(c, frame, b.critical_points)
        draw.draw_scale_and_north(c, frame, float(np.mean([s.geometry.centroid.y for s in self.sectors])))
        top = box[1] - 8
        if self.density is not None:
            c.setFont("Helvetica", 7)
            c.drawString(MARGIN, top - 6, t("density_note", kernel=t(self.density.kernel),
                                            bandwidth=f"{self.density.bandwidth_m:.0f}",
                                            cell=f"{self.density.cell_m:.0f}"))
            top -= 14
        if b.provisional_sectors:
            top = self.paragraph_lines([t("provisional_sectors", count=b.provisional_sectors)], top, 7)
        # Points are ranked by weight (severity-weighted incidents), which the column and note say.
        rows = [[t("point"), t("street"), t("weight"), t("incidents_4w"), t("peak_hours"), t("new")]]
        rows += [[p.code, p.street or "—", mean_text(p.weight), p.incidents, p.peak_text(),
                  t("NEW") if p.code in b.new_points else ""] for p in b.critical_points[:8]]
        height = table(c, rows, [40, 170, 60, 70, 110, 50], MARGIN, top, 200)
        top = self.paragraph_lines([t("weight_note")], top - height - 4, 7)
        rows = [[t("sector"), t("week"), t("previous_mean"), t("real_change")]]
        rows += [[s.sector, s.current, mean_text(s.previous_mean) if s.change else t("no_data"),
                  t(s.change.verdict) if s.change else "—"] for s in b.sectors]
        table(c, rows, [120, 60, 90, 90], MARGIN, top - 6, 200)
        self.footer()

    def time_page(self) -> None:
        b, c, t = self.brief, self.c, self.t
        self.header(t("when"))
        days = weekday_names(t.language)
        charts = ((t("this_week"), b.matrix_current, PAGE_H - MARGIN - 50),
                  (t("usual_week"), b.matrix_reference, PAGE_H - MARGIN - 195))
        # One grey scale for both charts, so that the same shade is the same count in each.
        peak = shared_peak(b)
        for title, matrix, top in charts:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(MARGIN, top, title)
            draw.draw_hour_weekday(c, MARGIN, top - 110, PAGE_W - 2 * MARGIN, 100, matrix, days, peak=peak)
        top = self.paragraph_lines([t("heat_note", value=mean_text(peak))], charts[-1][2] - 116, 7)
        lines = [movement.sentence(t) for movement in b.movements] or [t("no_movement")]
        self.paragraph_lines([f"<b>{t('what_moved')}</b>"] + lines, min(top - 8, PAGE_H - MARGIN - 345))
        self.footer()

    def quality_page(self) -> None:
        q, c, t = self.brief.quality, self.c, self.t
        self.header(t("quality"))
        # Which incidents each figure covers: the indicators are the week's (its row in the weekly table
        # below says the same), the duplicate and rejected rows are every import's.
        top = self.paragraph_lines([t("quality_scope", label=self.brief.label, n=q.incidents,
                                      weeks=RECENT_QUALITY_WEEKS)], PAGE_H - MARGIN - 44, 8)
        rows = [[t("indicator_week", label=self.brief.label, n=q.incidents), t("value")]]
        rows += [[t(k), percent_text(v, 1)] for k, v in q.shares.items()]
        top -= table(c, rows, [300, 100], MARGIN, top - 4, 300) + 10
        rows = [[t("indicator_imports"), t("rows")], [t("duplicates"), q.duplicates_found],
                [t("rejected"), q.rows_rejected]]
        top -= table(c, rows, [300, 100], MARGIN, top, 300) + 12
        if q.rejected_by_reason:
            rows = [[t("reason"), t("rows")]]
            rows += [[q.reason_examples.get(k, k), v] for k, v in q.rejected_by_reason.items()]
            top -= table(c, rows, [400, 60], MARGIN, top, 200) + 12
        rows = [[t("week"), t("incidents"), t("with_coordinates_short"), t("known_time_short"),
                 t("unspecified_short")]]
        rows += [[f"{week:%d/%m/%Y}", incidents, percent_text(located), percent_text(timed),
                  percent_text(unspecified)]
                 for week, incidents, located, timed, unspecified in recent_quality_weeks(q)]
        table(c, rows, [90, 70, 90, 90, 90], MARGIN, top, 250)
        self.footer()


def write_brief_pdf(brief: WeeklyBrief, path: str | Path, *, sectors, basemap_features=(), density=None,
                    language: str | None = None) -> Path:
    path = Path(path)
    doc = _BriefDocument(brief, path, sectors, list(basemap_features), density, language)
    doc.summary_page(); doc.map_page(); doc.time_page(); doc.quality_page()
    doc.c.save()
    return path


def write_participatory_pdf(brief: WeeklyBrief, incidents, sectors, path: str | Path, *,
                            threshold: int = 3, language: str | None = None) -> Path:
    """Counts per sector and category only; any count below `threshold` printed as '< threshold'."""
    path = Path(path)
    t = BriefText(language)
    c = Canvas(str(path), pagesize=A4, pageCompression=1)
    c.setTitle(f"{t('community_title')} {brief.label}")
    c.setFont("Helvetica-Bold", 13)
    c.drawString(MARGIN, PAGE_H - MARGIN - 12, t("community_title"))
    c.setFont("Helvetica", 8.5)
    c.drawString(MARGIN, PAGE_H - MARGIN - 26, t("community_subtitle", station=brief.station,
                                                  start=f"{brief.start:%d/%m/%Y}", end=f"{brief.end:%d/%m/%Y}"))
    counts = suppressed_sector_counts(incidents[brief.period_mask], sectors, threshold, language=t.language)
    rows = [list(counts.columns)] + counts.astype(str).values.tolist()
    widths = [90] + [max(40, (PAGE_W - 2 * MARGIN - 90) / max(len(counts.columns) - 1, 1))] * (len(counts.columns) - 1)
    height = table(c, rows, widths, MARGIN, PAGE_H - MARGIN - 44, 600)
    notes = [t("community_intro"), t("suppression", threshold=threshold) + " " + t("suppression_total")]
    if brief.provisional_sectors:
        notes.append(t("provisional_sectors_public", count=brief.provisional_sectors))
    paragraphs(c, notes, PAGE_H - MARGIN - 56 - height, 7.5)
    # Every document made from the sample says so, this one included.
    c.setFont("Helvetica", 6.5)
    c.drawString(MARGIN, MARGIN - 14, (t("synthetic") + " " if brief.synthetic else "") + t("footer_short"))
    c.showPage()
    c.save()
    return path
