"""The "Estadísticas agregadas" dock: SIDPOL-style counts per district and month.

A regional analyst picks a month (and optionally a modalidad): every district's
count is judged against the three months before and the same month a year
earlier with the brief's exact change test (`analysis.aggregated.compare_month`),
in plain words. Below, the monthly trend of the total or of one district, on a
time axis where a month without denuncias is a 0. The district choropleth itself
lives in the map (MapPanel.set_project); the owner brings it forward when this
panel's dock appears. An import that brings counts into the open project reaches
the panel through the window's `counts_changed` extension point.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from stationmap.core.messages import current_language

VERDICT_COLOURS = {"up": "#b2182b", "down": "#2166ac"}
TREND_PEN = pg.mkPen("#21918c", width=2)
MONTH_PEN = pg.mkPen("#b2182b", width=1.5, style=Qt.PenStyle.DashLine)
DISTRICT, UBIGEO, CURRENT, VS_PREVIOUS, VS_LAST_YEAR = range(5)


# The district column's widest, in average characters ("LOS BAÑOS DEL INCA" fits).
DISTRICT_CHARS = 20
# Below this panel width the trend chart goes under the district table instead of beside it.
SIDE_BY_SIDE_MIN_WIDTH = 960


def _years(year: int, month: int) -> float:
    """A month's place on the trend's time axis, in years: consecutive months are 1/12 apart."""
    return int(year) + (int(month) - 1) / 12


def _month_key(year: int, month: int) -> str:
    """Combo data as text: Qt compares strings in findData, not Python tuples."""
    return f"{int(year)}-{int(month):02d}"


class AggregatedPanel(QWidget):
    refreshed = Signal()  # after the table and the chart show the current choices (tests)
    # What the table shows, as counts (ubigeo, year, month, count; a listed district's 0 included) and
    # the modalidad's name ("" for all): the map colours its districts by them.
    counts_shown = Signal(object, str)
    district_selected = Signal(str)   # the UBIGEO of the table's selected row; "" when none is

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = pd.DataFrame()
        self.changes: list[Any] = []
        self.empty_label = QLabel(self.tr(
            "Este proyecto no tiene conteos agregados (denuncias por distrito y mes, como los datos abiertos "
            "del SIDPOL). Impórtelos con Importar → Importar archivos…"), self)
        self.empty_label.setWordWrap(True)
        self.month = QComboBox(self)
        self.category = QComboBox(self)
        self.series = QComboBox(self)
        # Month and modalidad on one line: every line given to the choices is one district fewer in the
        # table, which had room for two and a half rows in the bottom dock of a 1366 x 768 laptop.
        form = QHBoxLayout()
        for label, combo in ((self.tr("Mes:"), self.month), (self.tr("Modalidad:"), self.category)):
            form.addWidget(QLabel(label, self))
            form.addWidget(combo, 1)
        self.month.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Distrito"), self.tr("UBIGEO"), self.tr("Denuncias"),
            self.tr("Frente a los\n3 meses previos"), self.tr("Frente al mismo\nmes un año antes")])
        self.table.horizontalHeaderItem(VS_PREVIOUS).setToolTip(
            self.tr("El mes elegido frente al promedio de los tres meses anteriores"))
        self.table.horizontalHeaderItem(VS_LAST_YEAR).setToolTip(
            self.tr("El mes elegido frente al mismo mes del año anterior"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (UBIGEO, CURRENT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # As wide as its names up to DISTRICT_CHARS (see _fit_districts): a longer name wraps in its row.
        header.setSectionResizeMode(DISTRICT, QHeaderView.ResizeMode.Interactive)
        for column in (VS_PREVIOUS, VS_LAST_YEAR):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Wrapped sentences: rows follow their text whenever the columns change width (~130 districts).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.trend = pg.PlotWidget(self, background="w")
        self.trend.plotItem.getViewBox().setMouseEnabled(True, False)
        self.trend.plotItem.getViewBox().setMenuEnabled(False)
        trend_form = QHBoxLayout()
        trend_form.addWidget(QLabel(self.tr("Tendencia de:"), self))
        trend_form.addWidget(self.series, 1)

        # Choices and the district table on the left, the monthly trend on the right.
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.table, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(trend_form)
        right_layout.addWidget(self.trend, 1)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        # Neither side vanishes when the other is given all the room (see _arrange).
        self.splitter.setChildrenCollapsible(False)
        self._arrange(Qt.Orientation.Horizontal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.splitter, 1)
        self._content = [self.month, self.category, self.table, self.series, self.trend]

        self.month.currentIndexChanged.connect(self._refresh)
        self.category.currentIndexChanged.connect(self._refresh)
        self.series.currentIndexChanged.connect(self._draw_trend)
        self.table.itemSelectionChanged.connect(self._follow_selection)
        self.set_counts(pd.DataFrame())

    # --- data -----------------------------------------------------------------------------
    def set_counts(self, counts: pd.DataFrame | None) -> None:
        """The project's count table (store Project.counts()); empty or None shows how to get one."""
        self.counts = counts if counts is not None else pd.DataFrame()
        has_counts = len(self.counts) > 0
        self.empty_label.setVisible(not has_counts)
        for widget in self._content:
            widget.setEnabled(has_counts)
        widgets = (self.month, self.category, self.series)
        for combo in widgets:
            combo.blockSignals(True)
            combo.clear()
        if has_counts:
            months = (self.counts[["year", "month"]].astype(int).drop_duplicates()
                      .sort_values(["year", "month"], ascending=False))
            for year, month in months.itertuples(index=False):
                self.month.addItem(f"{month:02d}/{year}", _month_key(year, month))
            self.category.addItem(self.tr("Todas las modalidades"), None)
            for name in sorted(self.counts["category"].dropna().astype(str).unique()):
                self.category.addItem(name, name)
            self.series.addItem(self.tr("Total"), None)
            districts = self.counts.drop_duplicates("ubigeo").sort_values("district")
            for ubigeo, district in districts[["ubigeo", "district"]].itertuples(index=False):
                self.series.addItem(f"{district} ({ubigeo})", str(ubigeo))
        for combo in widgets:
            combo.blockSignals(False)
        self._refresh()

    def select_month(self, year: int, month: int) -> None:
        index = self.month.findData(_month_key(year, month))
        if index >= 0:
            self.month.setCurrentIndex(index)

    def _chosen_month(self) -> tuple[int, int] | None:
        key = self.month.currentData()
        if not key:
            return None
        year, month = key.split("-")
        return int(year), int(month)

    # --- drawing --------------------------------------------------------------------------
    def _filtered(self) -> pd.DataFrame:
        category = self.category.currentData()
        return self.counts if category is None else self.counts[self.counts["category"] == category]

    def _refresh(self) -> None:
        from stationmap.analysis.aggregated import compare_month

        chosen = self._chosen_month()
        self.changes = (compare_month(self.counts, *chosen, category=self.category.currentData())
                        if chosen is not None else [])
        locale = QLocale()
        language = current_language()
        no_reference = self.tr("Sin datos anteriores para comparar")
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            count = QTableWidgetItem(locale.toString(int(change.current)))
            count.setData(Qt.ItemDataRole.UserRole, change.current)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            district = QTableWidgetItem(change.district)
            district.setToolTip(change.district)
            self.table.setItem(row, DISTRICT, district)
            self.table.setItem(row, UBIGEO, QTableWidgetItem(change.ubigeo))
            self.table.setItem(row, CURRENT, count)
            for column, comparison in ((VS_PREVIOUS, change.vs_previous), (VS_LAST_YEAR, change.vs_last_year)):
                item = QTableWidgetItem(no_reference if comparison is None else self._verdict(comparison, locale))
                item.setToolTip(no_reference if comparison is None else comparison.sentence(language))
                if comparison is not None and comparison.verdict in VERDICT_COLOURS:
                    item.setForeground(QBrush(QColor(VERDICT_COLOURS[comparison.verdict])))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self._fit_districts()
        self._draw_trend()
        year, month = chosen or (0, 0)
        self.counts_shown.emit(pd.DataFrame({"ubigeo": [c.ubigeo for c in self.changes], "year": year, "month": month,
                                             "count": [c.current for c in self.changes]}),
                               self.category.currentData() or "")

    def _fit_districts(self) -> None:
        """The district column as wide as its names, but no wider than DISTRICT_CHARS characters: one
        long name (of 130) took the width that kept the verdicts on one line at 700 pixels."""
        self.table.resizeColumnToContents(DISTRICT)
        most = self.table.fontMetrics().averageCharWidth() * DISTRICT_CHARS
        if self.table.columnWidth(DISTRICT) > most:
            self.table.setColumnWidth(DISTRICT, most)

    def _verdict(self, change: Any, locale: QLocale) -> str:
        """Short plain words for a table cell; the tooltip carries the full sentence."""
        # "Sube"/"Baja" only when the change test says so; anything else is "Normal", whatever its percent.
        words = {"up": self.tr("Sube"), "down": self.tr("Baja"), "normal": self.tr("Normal")}[change.verdict]
        # The usual is written as the counts beside it are, a whole number of denuncias: the mean of three
        # months ("353.3") beside whole counts ("400", "habitual 584") read as a more exact figure. The
        # tooltip's sentence keeps the exact mean.
        usual = self.tr("habitual %1").replace("%1", locale.toString(int(round(change.expected))))
        percent = "" if change.percent is None else f" ({change.percent:+.0f}\u00a0%)"
        # One line, so that a row is one line tall where the column has room (the table is wrapped and its
        # rows follow their text, so a narrow column still shows the usual, on a second line).
        return f"{words}{percent} · {usual}"

    def select_district(self, ubigeo: str) -> None:
        """Show one district: its row of the table selected (if it has one this month) and its trend."""
        rows = [row for row in range(self.table.rowCount()) if self.table.item(row, UBIGEO).text() == ubigeo]
        if rows:
            self.table.selectRow(rows[0])
            self.table.scrollToItem(self.table.item(rows[0], UBIGEO))
        else:
            self.table.clearSelection()
        index = self.series.findData(ubigeo)
        if index >= 0:
            self.series.setCurrentIndex(index)

    def _follow_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        ubigeo = self.table.item(rows[0].row(), UBIGEO).text() if rows else ""
        if ubigeo:
            index = self.series.findData(ubigeo)
            if index >= 0:
                self.series.setCurrentIndex(index)
        self.district_selected.emit(ubigeo)

    def _draw_trend(self) -> None:
        from stationmap.analysis.aggregated import month_span, monthly_series

        plot = self.trend.plotItem
        plot.clear()
        data = self._filtered()
        ubigeo = self.series.currentData()
        if ubigeo is not None:
            data = data[data["ubigeo"].astype(str) == ubigeo]
        if len(data) == 0:
            self.refreshed.emit()
            return
        # Every month of the project's counts, a month without denuncias as 0, on a time axis (x in
        # years): a district's 18 months with denuncias drawn side by side looked like 18 months in a row.
        series = monthly_series(data, months=month_span(self.counts))["count"]
        periods = list(series.index)
        x = np.array([_years(p.year, p.month) for p in periods])
        plot.plot(x, series.to_numpy(dtype=float), pen=TREND_PEN, symbol="o", symbolSize=4,
                  symbolBrush="#21918c", symbolPen=None)
        if len(periods) > 24:   # years at each January: month labels would run into each other
            ticks = [(_years(p.year, 1), str(p.year)) for p in periods if p.month == 1]
        else:
            step = max(1, len(periods) // 6)
            ticks = [(_years(p.year, p.month), f"{p.month:02d}/{p.year}") for p in periods][::step]
        self.trend.getAxis("bottom").setTicks([ticks, []])
        chosen = self._chosen_month()
        if chosen is not None:
            plot.addItem(pg.InfiniteLine(_years(*chosen), angle=90, pen=MONTH_PEN))
        plot.setTitle(self.tr("%1 — %2, por mes").replace("%1", self.series.currentText())
                      .replace("%2", self.category.currentText()), size="9pt", color="#202020")
        self.refreshed.emit()

    def sizeHint(self) -> QSize:
        # The dock's first width: enough for the tables' words, the user may narrow it.
        return QSize(960, 320)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        # Narrower than SIDE_BY_SIDE_MIN_WIDTH (the bottom dock beside the map on a laptop is about
        # 700 pixels), the trend goes under the table: side by side, the two columns of sentences
        # were squeezed to 30 pixels and cut to a letter a line.
        super().resizeEvent(event)
        wanted = (Qt.Orientation.Horizontal if event.size().width() >= SIDE_BY_SIDE_MIN_WIDTH
                  else Qt.Orientation.Vertical)
        if self.splitter.orientation() != wanted:
            self._arrange(wanted)

    def _arrange(self, orientation: Qt.Orientation) -> None:
        """The trend beside the table (Horizontal) or under it (Vertical)."""
        side_by_side = orientation == Qt.Orientation.Horizontal
        self.splitter.setOrientation(orientation)
        # Under the table the trend may be lower (its years and counts still read at 110 pixels),
        # so that the table keeps rows to show in a bottom dock of about 330.
        self.trend.setMinimumSize(260, 160 if side_by_side else 110)
        # Shares, which the splitter scales to the room it has: the table first. Under the table the
        # trend starts at its least height and the table takes the rest (at 3:2 it kept two and a
        # half rows at 1366 x 768); the user may drag the handle.
        self.splitter.setSizes([680, 400] if side_by_side else [3000, 1])
