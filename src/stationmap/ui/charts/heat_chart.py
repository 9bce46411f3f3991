"""The hour x weekday heat chart: 7 rows (Monday first) x 24 hours, with totals and shifts.

Cell (weekday, hour) is the view rectangle x = hour..hour+1, y = weekday..weekday+1 (y grows downwards so
Monday is on top). Row totals sit right of the cells, column totals below, and
the shifts' boundaries and totals above. The chart only draws and reports what
the user picked (`cellsPicked`); the panel decides what that does to the filter.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QWidget

from stationmap.analysis.temporal import TemporalSummary
from stationmap.analysis.temporal_series import shift_totals
from stationmap.core.messages import render
from stationmap.core.numbers import count_text, totals_texts
from stationmap.core.shifts import DEFAULT_SHIFTS, ShiftPlan
from stationmap.ui.charts.cell_selection import Cell, block_cells

# viridis: sequential, perceptually uniform, readable with the common colour-vision deficiencies.
PALETTE = "viridis"
SHIFT_PEN = pg.mkPen("#ffffff", width=2, style=Qt.PenStyle.DashLine)
SELECTION_PEN = pg.mkPen("#ff2d55", width=3)
TEXT_COLOR = "#202020"
_TOTALS_X = 24.25      # left edge of the row-total column
_TOTALS_Y = 7.1        # top of the column-total rows
_ODD_TOTALS_Y = 7.55   # odd hours' totals sit a little lower, so neighbours never touch
_MIDNIGHT_TOTAL_X = 0.2   # left edge of hour 00's total: clear of the axis line and its ticks
_SHIFT_LABEL_Y = -0.1  # bottom edge of the shift labels above the cells


class _CellGrid(pg.GraphicsObject):
    """The 7 x 24 cells as filled rectangles in view units (x = hour, y = weekday).

    Rectangles rather than an ImageItem so the SVG export keeps crisp vector cells
    (an embedded 24 x 7 image is blurred by every viewer that scales it). It also
    turns pyqtgraph's mouse events into cells for the chart.
    """

    def __init__(self, chart: "HeatChart") -> None:
        super().__init__()
        self._chart = chart
        self._anchor: Cell | None = None
        self._colors: list[QColor] = []
        self.setAcceptHoverEvents(True)

    def set_colors(self, colors: list[QColor]) -> None:
        self._colors = colors
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, 24, 7)

    def paint(self, painter: QPainter, *_: object) -> None:
        for code, color in enumerate(self._colors):
            # An outline in the cell's own colour hides the seams SVG viewers show between fills.
            outline = QPen(color)
            outline.setCosmetic(True)
            painter.setPen(outline)
            painter.setBrush(color)
            painter.drawRect(QRectF(code % 24, code // 24, 1, 1))

    def mouseClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        event.accept()
        cell = _cell_at(event.pos())
        if cell is not None:
            additive = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._chart.cellsPicked.emit(frozenset({cell}), additive)

    def mouseDragEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        if event.isStart():
            self._anchor = _cell_at(event.buttonDownPos())
        current = _cell_at(event.pos(), clamp=True)
        if self._anchor is None or current is None:
            return
        block = block_cells(self._anchor, current)
        if event.isFinish():
            self._chart.show_pending(None)
            additive = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._chart.cellsPicked.emit(block, additive)
            self._anchor = None
        else:
            self._chart.show_pending(block)

    def hoverEvent(self, event) -> None:
        cell = None if event.isExit() else _cell_at(event.pos())
        self.setToolTip(self._chart.cell_text(*cell) if cell else "")


def _cell_at(pos: QPointF, clamp: bool = False) -> Cell | None:
    hour, weekday = int(np.floor(pos.x())), int(np.floor(pos.y()))
    if clamp:
        return min(max(weekday, 0), 6), min(max(hour, 0), 23)
    return (weekday, hour) if 0 <= weekday < 7 and 0 <= hour < 24 else None


def _outline(cells: frozenset[Cell]) -> QPainterPath:
    """Outer edges of a set of cells (edges between two selected cells are left out)."""
    path = QPainterPath()
    for day, hour in cells:
        sides = (((day - 1, hour), (hour, day), (hour + 1, day)),
                 ((day + 1, hour), (hour, day + 1), (hour + 1, day + 1)),
                 ((day, hour - 1), (hour, day), (hour, day + 1)),
                 ((day, hour + 1), (hour + 1, day), (hour + 1, day + 1)))
        for neighbour, start, end in sides:
            if neighbour not in cells:
                path.moveTo(*start)
                path.lineTo(*end)
    return path


class HeatChart(pg.GraphicsLayoutWidget):
    cellsPicked = Signal(object, bool)  # frozenset of (weekday, hour); True when adding (shift)

    def __init__(self, parent: QWidget | None = None, shifts: ShiftPlan = DEFAULT_SHIFTS,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.shifts = shifts
        self.language = language
        self.summary: TemporalSummary | None = None
        self.plot = self.addPlot(row=0, col=0)
        view = self.plot.getViewBox()
        view.setMouseEnabled(False, False)
        view.setMenuEnabled(False)
        view.invertY(True)
        self.plot.hideButtons()
        self.plot.setXRange(0, 26.6, padding=0)   # room for a total like "142,082" right of the cells
        self.plot.setYRange(-1.0, 8.3, padding=0)
        self.setMinimumSize(520, 240)  # below this the totals and shift labels overlap
        self.cells = _CellGrid(self)
        self.plot.addItem(self.cells)
        self.colormap = pg.colormap.get(PALETTE)
        self.colorbar = pg.ColorBarItem(values=(0, 1), colorMap=self.colormap,
                                        interactive=False, width=14, colorMapMenu=False)
        self.addItem(self.colorbar, row=0, col=1)
        self._small = QFont()
        self._small.setPointSize(7)
        self._row_totals = [self._text(_TOTALS_X, d + 0.5, (0, 0.5)) for d in range(7)]
        # Totals of four digits or more are wider than a cell: staggered on two lines, each has two cells' room.
        # Midnight's total starts near the left edge instead: centred, a long one would be cut there;
        # right on the edge, the axis' tick joined it and "509" read as "-509".
        self._column_totals = [self._text(_MIDNIGHT_TOTAL_X, _TOTALS_Y, (0, 0))] + [
            self._text(h + 0.5, _ODD_TOTALS_Y if h % 2 else _TOTALS_Y, (0.5, 0)) for h in range(1, 24)]
        self._grand_total = self._text(_TOTALS_X, _TOTALS_Y, (0, 0))
        self._shift_labels = [self._text(0, _SHIFT_LABEL_Y, (0.5, 1)) for _ in shifts.shifts]
        for hour in shifts.boundaries:
            line = pg.PlotDataItem([hour, hour], [-0.7, 7], pen=SHIFT_PEN)
            line.setZValue(5)
            self.plot.addItem(line)
        self._selection = self._path_item(SELECTION_PEN, z=10)
        self._pending = self._path_item(pg.mkPen("#ff2d55", width=2, style=Qt.PenStyle.DotLine), z=11)
        self._set_axes()
        self.set_summary(None)

    def _text(self, x: float, y: float, anchor: tuple[float, float]) -> pg.TextItem:
        item = pg.TextItem("", color=TEXT_COLOR, anchor=anchor)
        item.setFont(self._small)
        item.setPos(x, y)
        self.plot.addItem(item)
        return item

    def _path_item(self, pen, z: float) -> QGraphicsPathItem:
        item = QGraphicsPathItem()
        item.setPen(pen)
        item.setZValue(z)
        self.plot.addItem(item)
        return item

    def _set_axes(self) -> None:
        total = render("temporal.ui.total", language=self.language)
        days = [(d + 0.5, render(f"temporal.weekday.{d}", language=self.language)) for d in range(7)]
        self.plot.getAxis("left").setTicks([days + [(_TOTALS_Y + 0.35, total)], []])
        # No tick marks: pyqtgraph draws them into the plot, where the "Total" row's ran into hour 00's
        # total and "509" read as "-509"; beside named rows and columns of cells they say nothing.
        for side in ("left", "bottom"):
            self.plot.getAxis(side).setStyle(tickLength=0)
        hours = [(h + 0.5, f"{h:02d}") for h in range(0, 24, 2)]
        self.plot.getAxis("bottom").setTicks([hours, []])
        self._row_header = self._text(_TOTALS_X, -0.1, (0, 1))
        self._row_header.setText(total)

    def cell_text(self, weekday: int, hour: int) -> str:
        """The tooltip of a cell: weekday, hour range and its figure (core.numbers.count_text)."""
        value = 0.0 if self.summary is None else float(self.summary.matrix[weekday, hour])
        return render("temporal.ui.tooltip", {
            "weekday": render(f"temporal.weekday.{weekday}", language=self.language),
            "hour": hour, "hour_end": (hour + 1) % 24,
            "value": count_text(value)}, self.language)

    def set_summary(self, summary: TemporalSummary | None,
                    selected: frozenset[Cell] | None = None) -> None:
        self.summary = summary
        matrix = np.zeros((7, 24)) if summary is None else summary.matrix
        peak = float(matrix.max()) or 1.0
        self.cells.set_colors(self.colormap.map(matrix.ravel() / peak, mode=pg.ColorMap.QCOLOR))
        self.colorbar.setLevels(low=0.0, high=peak)
        # Every total of the chart in one format (core.numbers.totals_texts), the shifts' included.
        shift_sums = np.zeros(len(self.shifts.shifts)) if summary is None else \
            shift_totals(summary, self.shifts).sum(axis=1)
        items = [*self._row_totals, *self._column_totals, self._grand_total]
        values = [*matrix.sum(axis=1), *matrix.sum(axis=0), matrix.sum()]
        texts = totals_texts([*values, *shift_sums])
        for item, text in zip(items, texts):
            item.setText(text)
        self._draw_shift_totals(texts[len(items):])
        self._selection.setPath(_outline(selected or frozenset()))

    def _draw_shift_totals(self, totals: list[str]) -> None:
        for label, shift, total in zip(self._shift_labels, self.shifts.shifts, totals):
            label.setText(render("temporal.ui.shift_total", {
                "name": render(f"temporal.shift.{shift.key}", language=self.language),
                "start": shift.start_hour, "end": shift.end_hour,
                "total": total}, self.language))
            label.setPos(_label_centre(shift.hours_of_day()), _SHIFT_LABEL_Y)

    def show_pending(self, cells: frozenset[Cell] | None) -> None:
        """Outline the block being dragged, before it is committed."""
        self._pending.setPath(_outline(cells or frozenset()))

    def cell_scene_centre(self, weekday: int, hour: int) -> QPointF:
        """Scene position of a cell's centre (for tests and keyboard access)."""
        return self.plot.getViewBox().mapViewToScene(QPointF(hour + 0.5, weekday + 0.5))


def _label_centre(hours: list[int]) -> float:
    """Centre of the longest run of consecutive hours (noche 22-06 labels over 00-06)."""
    runs: list[list[int]] = [[hours[0]]]
    for hour in hours[1:]:
        if hour == runs[-1][-1] + 1:
            runs[-1].append(hour)
        else:
            runs.append([hour])
    longest = max(runs, key=len)
    return (longest[0] + longest[-1] + 1) / 2
