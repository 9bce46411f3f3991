"""The roll-call PDF: a cover, then one A4 page per day and shift; and route cards.

Each shift page is what the officer in charge reads at the roll call: the map
(basemap streets, sectors, numbered critical points), when crime happened in
the last weeks with this shift's hours outlined, and every unit's sector,
visit windows and the reason for it. The basemap is drawn once as a PDF form
and reused on every page, which keeps a 22-page plan small.
"""

from __future__ import annotations

from pathlib import Path

import shapely
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from stationmap.analysis.temporal_tables import shift_names, weekday_names
from stationmap.maps.vector_features import features as basemap_features
from stationmap.core.timestamps import shown_timestamp
from stationmap.planning.plan import PatrolPlan
from stationmap.reports import pdf_drawing as draw
from stationmap.reports.pdf_layout import MARGIN, PAGE_H, PAGE_W, table, table_across_pages, table_height
from stationmap.reports.plan_tables import KIND_LABEL, clock, critical_points_table

BASEMAP_FORM = "basemap{height}"
# Map heights (points): the cover's and most shift pages', and a shorter one for a shift whose units'
# table would otherwise run onto a second page (the roll call reads one page per shift).
MAP_HEIGHT, COMPACT_MAP_HEIGHT = 330, 240
NOTE = ("Riesgo: denuncias ponderadas por gravedad y recencia de las últimas {weeks} semanas, repartidas "
        "por hora (método aorístico). Visitas de {vmin}-{vmax} min, repetidas al menos cada {gap} min, "
        "en orden aleatorio; {pro:.0f} % del turno para patrullaje preventivo, el resto para atender llamadas. "
        "Los mapas muestran delitos denunciados, no todos los delitos.")


def _weekday_label(day) -> str:
    return f"{weekday_names()[day.weekday()]} {day:%d/%m/%Y}"


class _PlanDocument:
    def __init__(self, plan: PatrolPlan, path: Path, station: str, basemap, synthetic: bool) -> None:
        self.plan, self.station, self.synthetic = plan, station, synthetic
        self.canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
        self.canvas.setTitle(f"Plan de patrullaje {plan.period_start:%d/%m/%Y}-{plan.period_end:%d/%m/%Y}")
        self.canvas.setAuthor(plan.author or "StationMap")
        area = shapely.union_all([s.geometry for s in plan.sectors])
        self.lat = area.centroid.y
        self.bounds = area.bounds
        self.map_boxes = {height: (MARGIN, PAGE_H - MARGIN - 40 - height, PAGE_W - 2 * MARGIN, height)
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
        credit = "Calles: © OpenStreetMap contributors (ODbL). Elaborado con StationMap."
        if self.synthetic:
            credit = "Incidentes SINTÉTICOS (estación de ejemplo). " + credit
        c.drawString(MARGIN, MARGIN - 14, credit)
        c.drawRightString(PAGE_W - MARGIN, MARGIN - 14, f"Página {self.page}")
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
        plan, c = self.plan, self.canvas
        version = f"versión {plan.version}" + (f", elaborado por {plan.author}" if plan.author else "")
        self._header(f"Plan de patrullaje — {self.station}",
                     f"Del {plan.period_start:%d/%m/%Y} al {plan.period_end:%d/%m/%Y} · {version} · "
                     f"generado {shown_timestamp(plan.created_at)}")
        map_bottom = self._map()
        names = shift_names(plan.shifts)
        rows = [["Turno", "Horario", "Unidades por día", "En comisaría", "Visitas a puntos críticos (periodo)"]]
        for shift, label in zip(plan.shifts.shifts, names):
            kinds = ", ".join(f"{n} {KIND_LABEL.get(k, k).lower()}" for k, n in plan.spec.per_shift.get(shift.key, {}).items())
            visits = sum(len(v) for (d, s, u), v in plan.visits.items() if s == shift.key)
            rows.append([label, f"{shift.start_hour:02d}:00–{shift.end_hour:02d}:00", kinds,
                         plan.spec.at_station.get(shift.key, 0), visits])
        top = map_bottom - 12
        top -= table(c, rows, [60, 60, 200, 60, 143], MARGIN, top, 120) + 10
        points = critical_points_table(plan)
        rows = [["Punto", "Calle", "Sector", "Incidentes", "Delitos principales", "Horas pico"]]
        rows += points[["Código", "Calle", "Sector", "Incidentes", "Delitos principales", "Horas pico"]].astype(str).values.tolist()
        top -= table(c, rows[:16], [34, 120, 60, 44, 185, 80], MARGIN, top, 260) + 8
        note = NOTE.format(weeks=plan.risk.lookback_weeks, vmin=10, vmax=15, gap=120,
                           pro=100 * plan.spec.proactive_share)
        paragraph = Paragraph(note, ParagraphStyle("note", fontName="Helvetica", fontSize=7.5, leading=9))
        _, h = paragraph.wrapOn(c, PAGE_W - 2 * MARGIN, 80)
        paragraph.drawOn(c, MARGIN, max(MARGIN, top - h))
        self._footer()

    def shift_page(self, day, shift, label: str) -> None:
        plan, c = self.plan, self.canvas
        allocation = plan.allocations[(day, shift.key)]
        title = f"{label} · {_weekday_label(day)} · {shift.start_hour:02d}:00–{shift.end_hour:02d}:00"
        subtitle = f"{self.station} · plan del {plan.period_start:%d/%m/%Y} al {plan.period_end:%d/%m/%Y}"
        rows = [["Unidad", "Tipo", "Sector", "Visitas a puntos críticos", "Motivo"]]
        for a in allocation.assignments:
            visits = plan.visits.get((day, shift.key, a.unit.id), [])
            windows = ", ".join(f"{v.place} {clock(plan, shift.key, v.start_minute)}–"
                                f"{clock(plan, shift.key, v.start_minute + v.minutes)}" for v in visits)
            rows.append([a.unit.id, KIND_LABEL.get(a.unit.kind, a.unit.kind), a.sector or "Comisaría",
                         windows or "—", a.reason])
        widths = [40, 62, 52, 200, 169]
        # Under the map come 8 pt, the chart's 96 pt, then the table down to the bottom margin.
        room = self.map_boxes[MAP_HEIGHT][1] - 8 - 96 - MARGIN
        height = MAP_HEIGHT if table_height(c, rows, widths) <= room else COMPACT_MAP_HEIGHT
        self._header(title, subtitle)
        top = self._map({a.sector for a in allocation.assignments if a.sector}, height) - 8
        c.setFont("Helvetica-Bold", 8)
        c.drawString(MARGIN, top - 8, "Cuándo ocurren (últimas semanas, aorístico; más oscuro = más incidentes); "
                                      "horas de este turno marcadas")
        draw.draw_hour_weekday(c, MARGIN, top - 86, PAGE_W - 2 * MARGIN, 72, plan.hour_weekday,
                               weekday_names(), shift.hours_of_day())
        top -= 96

        def next_page() -> float:   # more units or visits than even the shorter map leaves room for
            self._footer()
            self._header(f"{title} (continuación)", subtitle)
            return PAGE_H - MARGIN - 40

        table_across_pages(c, rows, widths, MARGIN, top, MARGIN, next_page)
        self._footer()

    def save(self) -> None:
        if self.features:
            self._basemap_forms()
        self.cover()
        names = shift_names(self.plan.shifts)
        for day in self.plan.days:
            for shift, label in zip(self.plan.shifts.shifts, names):
                self.shift_page(day, shift, label)
        self.canvas.save()


def write_plan_pdf(plan: PatrolPlan, path: str | Path, *, station: str, basemap=None,
                   synthetic: bool = False) -> Path:
    path = Path(path)
    _PlanDocument(plan, path, station, basemap, synthetic).save()
    return path


def write_route_cards(plan: PatrolPlan, path: str | Path, *, station: str) -> Path:
    """Half an A4 page per unit and shift: what the officer carries in the patrol car."""
    path = Path(path)
    c = Canvas(str(path), pagesize=A4, pageCompression=1)
    c.setTitle("Tarjetas de ruta")
    names = dict(zip((s.key for s in plan.shifts.shifts), shift_names(plan.shifts)))
    half = PAGE_H / 2
    slot = 0
    for (day, shift_key), allocation in plan.allocations.items():
        shift = next(s for s in plan.shifts.shifts if s.key == shift_key)
        for a in allocation.assignments:
            if a.sector is None:
                continue
            top = PAGE_H - MARGIN if slot % 2 == 0 else half - 12
            c.setFont("Helvetica-Bold", 12)
            c.drawString(MARGIN, top - 12, f"{a.unit.id} · {KIND_LABEL.get(a.unit.kind, a.unit.kind)} · {a.sector}")
            c.setFont("Helvetica", 9)
            c.drawString(MARGIN, top - 26, f"{_weekday_label(day)} · Turno {names[shift_key]} "
                                            f"{shift.start_hour:02d}:00–{shift.end_hour:02d}:00 · {station}")
            rows = [["Hora", "Punto", "Calle", "Minutos"]]
            points = {p.code: p for p in plan.critical_points}
            for v in plan.visits.get((day, shift_key, a.unit.id), []):
                rows.append([f"{clock(plan, shift_key, v.start_minute)}–{clock(plan, shift_key, v.start_minute + v.minutes)}",
                             v.place, points[v.place].street or "—", v.minutes])
            if len(rows) == 1:
                rows.append(["—", "—", "Patrullaje del sector y atención de llamadas", "—"])
            height = table(c, rows, [70, 40, 300, 50], MARGIN, top - 36, half - 90)
            c.setFont("Helvetica-Oblique", 8)
            c.drawString(MARGIN, top - 48 - height, a.reason[:130])
            c.drawString(MARGIN, top - 60 - height, "Permanezca 10-15 min en cada punto; varíe el recorrido.")
            if slot % 2 == 0:
                c.setDash([4, 3]); c.setStrokeGray(0.6); c.line(MARGIN, half, PAGE_W - MARGIN, half); c.setDash([])
            else:
                c.showPage()
            slot += 1
    if slot % 2 == 1 or slot == 0:
        c.showPage()
    c.save()
    return path
