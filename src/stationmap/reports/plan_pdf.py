"""The roll-call PDF: a cover, then one A4 page per day and shift; and route cards.

Each shift page is what the officer in charge reads at the roll call: the map
(basemap streets, sectors, numbered critical points), when crime happened in
the last weeks with this shift's hours outlined, and every unit's sector,
visit windows and the reason for it. The basemap is drawn once as a PDF form
and reused on every page, which keeps a 22-page plan small.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import shapely
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from stationmap.analysis.temporal_tables import shift_names, weekday_names
from stationmap.core.messages import current_language, render
from stationmap.maps.vector_features import features as basemap_features
from stationmap.core.timestamps import shown_timestamp
from stationmap.planning.plan import PatrolPlan
from stationmap.reports import pdf_drawing as draw
from stationmap.reports.pdf_layout import MARGIN, PAGE_H, PAGE_W, table, table_across_pages, table_height
from stationmap.reports.plan_tables import clock, kind_count, kind_label, sector_name, text

BASEMAP_FORM = "basemap{height}"
# Map heights (points): the cover's and most shift pages', and a shorter one for a shift whose units'
# table would otherwise run onto a second page (the roll call reads one page per shift).
MAP_HEIGHT, COMPACT_MAP_HEIGHT = 330, 240
HEADER_H = 40   # title and subtitle above the map or a continued table
NOTE_STYLE = ParagraphStyle("note", fontName="Helvetica", fontSize=7.5, leading=9)
WARNING_STYLE = ParagraphStyle("warning", fontName="Helvetica-Bold", fontSize=8.5, leading=10.5,
                               textColor=colors.HexColor("#a50f15"))


def _weekday_label(day, language: str) -> str:
    return f"{weekday_names(language)[day.weekday()]} {day:%d/%m/%Y}"


def _period(plan: PatrolPlan) -> dict:
    return {"start": f"{plan.period_start:%d/%m/%Y}", "end": f"{plan.period_end:%d/%m/%Y}"}


def _paragraph(c: Canvas, words: str, style: ParagraphStyle, top: float) -> float:
    """Draw a wrapped paragraph across the page from `top`; returns the y below it."""
    paragraph = Paragraph(escape(words), style)
    _, height = paragraph.wrapOn(c, PAGE_W - 2 * MARGIN, PAGE_H)
    paragraph.drawOn(c, MARGIN, top - height)
    return top - height


class _PlanDocument:
    def __init__(self, plan: PatrolPlan, path: Path, station: str, basemap, synthetic: bool,
                 language: str) -> None:
        self.plan, self.station, self.synthetic, self.language = plan, station, synthetic, language
        self.canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
        self.canvas.setTitle(text("title_period", language, **_period(plan)))
        self.canvas.setAuthor(plan.author or "StationMap")
        area = shapely.union_all([s.geometry for s in plan.sectors])
        self.lat = area.centroid.y
        self.bounds = area.bounds
        self.map_boxes = {height: (MARGIN, PAGE_H - MARGIN - HEADER_H - height, PAGE_W - 2 * MARGIN, height)
                          for height in (MAP_HEIGHT, COMPACT_MAP_HEIGHT)}
        self.frames = {height: draw.frame_for(self.bounds, *box) for height, box in self.map_boxes.items()}
        self.features = list(basemap_features(basemap, self.bounds)) if basemap is not None else []
        self.page = 0

    def _basemap_forms(self) -> None:
        c = self.canvas
        for height, frame in self.frames.items():
            c.beginForm(BASEMAP_FORM.format(height=height))
            draw.draw_basemap(c, frame, self.features)
            c.endForm()

    def _header(self, title: str, subtitle: str) -> None:
        c = self.canvas
        c.setFont("Helvetica-Bold", 13); c.drawString(MARGIN, PAGE_H - MARGIN - 12, title)
        c.setFont("Helvetica", 8.5); c.drawString(MARGIN, PAGE_H - MARGIN - 26, subtitle)

    def _footer(self) -> None:
        c = self.canvas
        self.page += 1
        c.setFont("Helvetica", 6.5); c.setFillColor(colors.black)
        credit = text("credit", self.language)
        if self.synthetic:
            credit = text("synthetic", self.language) + " " + credit
        c.drawString(MARGIN, MARGIN - 14, credit)
        c.drawRightString(PAGE_W - MARGIN, MARGIN - 14, text("page", self.language, page=self.page))
        c.showPage()

    def _map(self, highlight: set[str] | None = None, height: int = MAP_HEIGHT) -> float:
        """Draw the map `height` points tall under the header; returns the y of its bottom edge."""
        c, frame = self.canvas, self.frames[height]
        c.setStrokeColor(colors.black); c.setLineWidth(0.6)
        c.rect(*self.map_boxes[height], fill=0, stroke=1)
        if self.features:
            c.doForm(BASEMAP_FORM.format(height=height))
        draw.draw_sectors(c, frame, self.plan.sectors, highlight, points=self.plan.critical_points)
        draw.draw_points(c, frame, self.plan.critical_points)
        draw.draw_scale_and_north(c, frame, self.lat)
        return self.map_boxes[height][1]

    def cover(self) -> None:
        """Map, shifts, warnings, every critical point (over as many pages as they need) and the method."""
        plan, c, lang = self.plan, self.canvas, self.language
        version = (text("version_by", lang, version=plan.version, author=plan.author) if plan.author
                   else text("version", lang, version=plan.version))
        title = text("title_station", lang, station=self.station)
        subtitle = text("cover_subtitle", lang, version=version, created=shown_timestamp(plan.created_at),
                        **_period(plan))
        self._header(title, subtitle)
        map_bottom = self._map()
        rows = [[text(k, lang) for k in ("col_shift", "col_hours", "col_units_per_day", "col_at_station",
                                         "col_visits_period")]]
        for shift, label in zip(plan.shifts.shifts, shift_names(plan.shifts, lang)):
            kinds = ", ".join(kind_count(k, n, lang) for k, n in plan.spec.per_shift.get(shift.key, {}).items()
                              if n > 0) or "—"
            visits = sum(len(v) for (d, s, u), v in plan.visits.items() if s == shift.key)
            rows.append([label, f"{shift.start_hour:02d}:00–{shift.end_hour:02d}:00", kinds,
                         plan.spec.at_station.get(shift.key, 0), visits])
        top = map_bottom - 12
        top -= table(c, rows, [60, 60, 200, 60, 143], MARGIN, top, 120) + 10
        for warning in plan.warning_texts(lang):   # before the list, where the commander cannot miss it
            top = _paragraph(c, f"{render('plan.warn.heading', language=lang)}: {warning}", WARNING_STYLE, top) - 4

        def next_page() -> float:   # more critical points than the cover holds: the list goes on
            self._footer()
            self._header(text("continued", lang, title=title), subtitle)
            return PAGE_H - MARGIN - HEADER_H

        top = table_across_pages(c, self._points_rows(), [34, 120, 60, 44, 185, 80], MARGIN, top - 4,
                                 MARGIN, next_page) - 8
        note = text("note", lang, weeks=plan.risk.lookback_weeks, vmin=10, vmax=15, gap=120,
                    pro=100 * plan.spec.proactive_share)
        paragraph = Paragraph(escape(note), NOTE_STYLE)
        _, h = paragraph.wrapOn(c, PAGE_W - 2 * MARGIN, 80)
        if top - h < MARGIN:
            top = next_page()
        paragraph.drawOn(c, MARGIN, top - h)
        self._footer()

    def _points_rows(self) -> list[list]:
        lang, plan = self.language, self.plan
        rows = [[text(k, lang) for k in ("col_point_short", "col_street", "col_sector", "col_incidents",
                                         "col_crimes", "col_peak")]]
        for point, owner in zip(plan.critical_points, plan.point_sector):
            rows.append([point.code, point.street, sector_name(plan, owner, lang), point.incidents,
                         point.crimes_text(), point.peak_text()])
        return rows

    def shift_page(self, day, shift, label: str) -> None:
        plan, c, lang = self.plan, self.canvas, self.language
        allocation = plan.allocations[(day, shift.key)]
        title = f"{label} · {_weekday_label(day, lang)} · {shift.start_hour:02d}:00–{shift.end_hour:02d}:00"
        subtitle = text("page_subtitle", lang, station=self.station, **_period(plan))
        rows = [[text(k, lang) for k in ("col_unit", "col_type", "col_sector", "col_visits", "col_reason")]]
        for a in allocation.assignments:
            visits = plan.visits.get((day, shift.key, a.unit.id), [])
            # Start times only, then the visit length once (a unit's visits are all as long): the
            # whole shift's units stay on the roll call's one page. End times are on the route cards.
            windows = ", ".join(f"{v.place} {clock(plan, shift.key, v.start_minute)}" for v in visits)
            lengths = sorted({v.minutes for v in visits})
            if lengths:
                windows += f" ({'/'.join(map(str, lengths))} min)"
            rows.append([a.unit.id, kind_label(a.unit.kind, lang), a.sector or text("station", lang),
                         windows or "—", a.reason_in(lang)])
        widths = [40, 62, 52, 200, 169]
        # Under the map come 8 pt, the chart's 96 pt, then the table down to the bottom margin.
        room = self.map_boxes[MAP_HEIGHT][1] - 8 - 96 - MARGIN
        height = MAP_HEIGHT if table_height(c, rows, widths) <= room else COMPACT_MAP_HEIGHT
        self._header(title, subtitle)
        top = self._map({a.sector for a in allocation.assignments if a.sector}, height) - 8
        c.setFont("Helvetica-Bold", 8)
        c.drawString(MARGIN, top - 8, text("chart_caption", lang))
        draw.draw_hour_weekday(c, MARGIN, top - 86, PAGE_W - 2 * MARGIN, 72, plan.hour_weekday,
                               weekday_names(lang), shift.hours_of_day())
        top -= 96

        def next_page() -> float:   # more units or visits than even the shorter map leaves room for
            self._footer()
            self._header(text("continued", lang, title=title), subtitle)
            return PAGE_H - MARGIN - HEADER_H

        table_across_pages(c, rows, widths, MARGIN, top, MARGIN, next_page)
        self._footer()

    def save(self) -> None:
        if self.features:
            self._basemap_forms()
        self.cover()
        names = shift_names(self.plan.shifts, self.language)
        for day in self.plan.days:
            for shift, label in zip(self.plan.shifts.shifts, names):
                self.shift_page(day, shift, label)
        self.canvas.save()


def write_plan_pdf(plan: PatrolPlan, path: str | Path, *, station: str, basemap=None,
                   synthetic: bool = False, language: str | None = None) -> Path:
    path = Path(path)
    _PlanDocument(plan, path, station, basemap, synthetic, language or current_language()).save()
    return path


def _card_rows(plan: PatrolPlan, day, shift_key: str, unit_id: str, lang: str) -> tuple[list, list]:
    """A card's two tables: its places (where to find them offline) and its visits in time order."""
    points = {p.code: p for p in plan.critical_points}
    visits = plan.visits.get((day, shift_key, unit_id), [])
    places = list(dict.fromkeys(v.place for v in visits))
    where = [[text(k, lang) for k in ("col_point_short", "col_street", "col_lat", "col_lon", "col_peak")]]
    # Coordinates in decimal degrees, 5 decimals (about 1 m): "Calle 1" alone repeats across Trujillo,
    # and a phone's GPS finds the place with no network.
    where += [[code, points[code].street or "—", f"{points[code].lat:.5f}", f"{points[code].lon:.5f}",
               points[code].peak_text()] for code in places]
    when = [[text(k, lang) for k in ("col_time", "col_point_short", "col_street", "col_minutes")]]
    for v in sorted(visits, key=lambda v: v.start_minute):
        when.append([f"{clock(plan, shift_key, v.start_minute)}–{clock(plan, shift_key, v.start_minute + v.minutes)}",
                     v.place, points[v.place].street or "—", v.minutes])
    if len(when) == 1:
        when.append(["—", "—", text("route_no_visits", lang), "—"])
    return where, when


CARD_PLACE_WIDTHS = [40, 243, 65, 65, 110]
CARD_VISIT_WIDTHS = [70, 40, 363, 50]
CARD_GAP = 14   # between two cards: the cut line sits in the middle


def write_route_cards(plan: PatrolPlan, path: str | Path, *, station: str, language: str | None = None) -> Path:
    """One card per unit and shift, what the officer carries in the patrol car, cards one under the
    other (as many as fit on a page, a dashed cut line between them): its places with coordinates
    and peak hours, its visits in time order, the reason for its sector."""
    lang = language or current_language()
    path = Path(path)
    c = Canvas(str(path), pagesize=A4, pageCompression=1)
    c.setTitle(text("route_cards", lang))
    names = dict(zip((s.key for s in plan.shifts.shifts), shift_names(plan.shifts, lang)))
    top, on_page = PAGE_H - MARGIN, 0
    for (day, shift_key), allocation in plan.allocations.items():
        shift = next(s for s in plan.shifts.shifts if s.key == shift_key)
        for a in allocation.assignments:
            if a.sector is None:
                continue
            where, when = _card_rows(plan, day, shift_key, a.unit.id, lang)
            reason = Paragraph(escape(a.reason_in(lang)), NOTE_STYLE)
            _, reason_h = reason.wrapOn(c, PAGE_W - 2 * MARGIN, PAGE_H)
            # Route advice only when there is a route: a card with one place has nothing to vary.
            advice = len(where) > 2
            height = (30 + (table_height(c, where, CARD_PLACE_WIDTHS) + 6 if len(where) > 1 else 0)
                      + table_height(c, when, CARD_VISIT_WIDTHS) + 6 + reason_h + (12 if advice else 0))
            if on_page and top - CARD_GAP - height < MARGIN:
                c.showPage()
                top, on_page = PAGE_H - MARGIN, 0
            if on_page:
                c.setDash([4, 3]); c.setStrokeGray(0.6)
                c.line(MARGIN, top - CARD_GAP / 2, PAGE_W - MARGIN, top - CARD_GAP / 2)
                c.setDash([]); c.setStrokeGray(0)
                top -= CARD_GAP
            c.setFillColor(colors.black)
            c.setFont("Helvetica-Bold", 12)
            c.drawString(MARGIN, top - 12, f"{a.unit.id} · {kind_label(a.unit.kind, lang)} · {a.sector}")
            c.setFont("Helvetica", 9)
            c.drawString(MARGIN, top - 25, text("route_shift", lang, day=_weekday_label(day, lang),
                                                shift=names[shift_key], station=station,
                                                hours=f"{shift.start_hour:02d}:00–{shift.end_hour:02d}:00"))
            y = top - 30
            if len(where) > 1:
                y -= table(c, where, CARD_PLACE_WIDTHS, MARGIN, y, PAGE_H) + 6
            y -= table(c, when, CARD_VISIT_WIDTHS, MARGIN, y, PAGE_H) + 6
            reason.drawOn(c, MARGIN, y - reason_h)
            y -= reason_h
            if advice:
                c.setFont("Helvetica-Oblique", 8)
                c.drawString(MARGIN, y - 9, text("route_advice", lang))
                y -= 12
            top, on_page = y, on_page + 1
    c.showPage()
    c.save()
    return path
