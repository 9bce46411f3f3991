"""The "Horas y días" panel: heat chart, companion charts, method choice, linked to the filter.

The panel reads the shared filter and redraws, skipping its own cell selection
(`skip_cells=True`) so the chart keeps showing the whole week around the cells
the user picked, which it outlines. Incoming filter changes are coalesced by a
short single-shot timer, so dragging a date slider or a lasso elsewhere costs
one redraw per pause, not one per mouse move.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QMenu, QPushButton,
                               QTabWidget, QToolButton, QVBoxLayout, QWidget)

from stationmap.analysis.filtering import filter_mask
from stationmap.analysis.temporal import METHODS, TemporalIndex, TemporalSummary
from stationmap.analysis.temporal_cells import cells_mask
from stationmap.analysis.temporal_series import WeeklyTrend, weekly_trend
from stationmap.core.filters import IncidentFilter
from stationmap.core.messages import render
from stationmap.core.numbers import count_text
from stationmap.core.shifts import DEFAULT_SHIFTS, ShiftPlan
from stationmap.ui.charts.cell_selection import combine
from stationmap.ui.charts.companions import HourBars, TrendChart, WeekdayBars
from stationmap.ui.charts.heat_chart import HeatChart
from stationmap.ui.filter_state import FilterState

DEBOUNCE_MS = 30
_EPOCH_DAY = date(1970, 1, 1)


class TemporalPanel(QWidget):
    redrawn = Signal()  # after the charts show the current filter (tests, benchmarks)

    def __init__(self, filter_state: FilterState, parent: QWidget | None = None,
                 shifts: ShiftPlan = DEFAULT_SHIFTS, language: str | None = None) -> None:
        super().__init__(parent)
        self._state = filter_state
        self._language = language
        self._incidents = pd.DataFrame()
        self._index: TemporalIndex | None = None
        self.summary: TemporalSummary | None = None
        self.trend: WeeklyTrend | None = None

        self.method = QComboBox(self)
        for method in METHODS:
            self.method.addItem(self._t(f"temporal.ui.method.{method}"), method)
        self.clear_button = QPushButton(self._t("temporal.ui.clear"), self)
        self.unknown_label = QLabel(self)
        self.long_label = QLabel(self)
        self.export_button = QToolButton(self)
        self.export_button.setText(self._t("temporal.ui.export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.heat = HeatChart(self, shifts=shifts, language=language)
        self.by_hour = HourBars(self, language=language)
        self.by_weekday = WeekdayBars(self, language=language)
        self.trend_chart = TrendChart(self, language=language)
        # Instead of charts of zeros when there is nothing to count (a new project, or counts only).
        self.no_incidents_label = QLabel(self._t("temporal.ui.no_incidents"), self)
        self.no_incidents_label.setWordWrap(True)
        self.no_incidents_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build_layout()
        self._build_export_menu()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.redraw)
        filter_state.changed.connect(self._schedule_redraw)
        self.method.currentIndexChanged.connect(self._schedule_redraw)
        self.heat.cellsPicked.connect(self._cells_picked)
        self.clear_button.clicked.connect(self.clear_cells)

    def _t(self, code: str, **data) -> str:
        return render(code, data, self._language)

    def _build_layout(self) -> None:
        """Method bar, the two shares on one line, then one chart per tab.

        Side by side, the companions got under 200 px beside the heat chart when the dock
        sits under the table of a 1280-pixel window, and their labels ran together; a tab
        each gives every chart the panel's full size at any window size.
        """
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self._t("temporal.ui.method"), self))
        bar.addWidget(self.method)
        bar.addWidget(self.clear_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        shares = QHBoxLayout()
        for label in (self.unknown_label, self.long_label):
            label.setWordWrap(True)
            shares.addWidget(label, 1)
        self._bars = bars = QWidget(self)
        bars_row = QHBoxLayout(bars)
        bars_row.setContentsMargins(0, 0, 0, 0)
        bars_row.addWidget(self.by_hour, 3)
        bars_row.addWidget(self.by_weekday, 2)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.heat, self._t("temporal.ui.heat_chart"))
        self.tabs.addTab(bars, f"{self._t('temporal.ui.by_hour')} · {self._t('temporal.ui.by_weekday')}")
        self.tabs.addTab(self.trend_chart, self._t("temporal.ui.trend"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(shares)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.no_incidents_label, 1)

    def _build_export_menu(self) -> None:
        menu = QMenu(self)
        charts = (("temporal.ui.heat_chart", self.heat, "heat"),
                  ("temporal.ui.by_hour", self.by_hour, "by_hour"),
                  ("temporal.ui.by_weekday", self.by_weekday, "by_weekday"),
                  ("temporal.ui.trend", self.trend_chart, "trend"),
                  ("temporal.ui.shifts", None, "shifts"))
        for code, chart, key in charts:
            name = self._t(code)
            if chart is not None:
                menu.addAction(self._t("temporal.ui.export_chart", chart=name),
                               lambda c=chart: self._ask_and_export_chart(c))
            menu.addAction(self._t("temporal.ui.export_table", chart=name),
                           lambda k=key, n=name: self._ask_and_export_table(k, n))
        self.export_button.setMenu(menu)

    # --- data and filter ----------------------------------------------------------------
    def set_incidents(self, incidents: pd.DataFrame) -> None:
        """Show a new incident table (a project was opened or an import finished)."""
        self._incidents = incidents
        self._index = TemporalIndex(incidents) if len(incidents) else None
        self.redraw()

    def current_method(self) -> str:
        return self.method.currentData()

    def _schedule_redraw(self, *_: object) -> None:
        self._debounce.start()

    def redraw(self) -> None:
        self._debounce.stop()
        flt = self._state.filter()
        if self._index is None:
            self.summary, self.trend = None, None
        else:
            # The costly parts of the filter (categories, text, map selection) are applied
            # once; the chart adds the dates, the trend adds the selected cells instead.
            undated = filter_mask(self._incidents, replace(flt, date_from=None, date_to=None),
                                  skip_cells=True)
            mask = undated
            if flt.date_from is not None or flt.date_to is not None:
                mask = undated & filter_mask(self._incidents, IncidentFilter(
                    date_from=flt.date_from, date_to=flt.date_to))
            self.summary = self._index.summary(mask, self.current_method())
            trend_mask = undated
            if flt.cells is not None:
                trend_mask = undated & cells_mask(self._incidents, flt.cells)
            self.trend = self._weekly_trend(flt, mask, trend_mask)
        counted = self._index is not None
        self.no_incidents_label.setVisible(not counted)
        for widget in (self.tabs, self.unknown_label, self.long_label):
            widget.setVisible(counted)
        for widget in (self.method, self.clear_button, self.export_button):
            widget.setEnabled(counted)
        self._disable_hour_charts_without_hours()
        self.heat.set_summary(self.summary, flt.cells)
        self.by_hour.set_summary(self.summary)
        self.by_weekday.set_summary(self.summary)
        self.trend_chart.set_trend(self.trend)
        self._show_shares()
        self.redrawn.emit()

    def _disable_hour_charts_without_hours(self) -> None:
        """Incidents shown but none with a time of day (a log of dates or months only): the hour
        charts would be one flat colour, so their tabs are disabled and the weekly trend shown."""
        hourless = (self.summary is not None and self.summary.n_total > 0
                    and self.summary.n_unknown_time == self.summary.n_total)
        reason = self._t("temporal.ui.no_known_hours") if hourless else ""
        for index in (self.tabs.indexOf(self.heat), self.tabs.indexOf(self._bars)):
            self.tabs.setTabEnabled(index, not hourless)
            self.tabs.setTabToolTip(index, reason)
        if hourless and self.tabs.currentWidget() is not self.trend_chart:
            self.tabs.setCurrentWidget(self.trend_chart)

    def _weekly_trend(self, flt: IncidentFilter, mask: np.ndarray,
                      trend_mask: np.ndarray) -> WeeklyTrend | None:
        """Weeks of the filter's period (or of the data shown), the selected cells included."""
        first, last = flt.date_from, flt.date_to
        if first is None or last is None:
            shown = np.flatnonzero(self._index.daily_counts(mask))
            if shown.size == 0:
                return None
            first = first or _day_date(self._index.day_first + int(shown[0]))
            last = last or _day_date(self._index.day_first + int(shown[-1]))
        if last < first:
            return None
        return weekly_trend(self._index, first, last, mask=trend_mask)

    def _show_shares(self) -> None:
        s = self.summary
        if s is None:
            self.unknown_label.clear()
            self.long_label.clear()
            return
        self.unknown_label.setText(self._t("temporal.ui.unknown_share", count=count_text(s.n_unknown_time),
                                           total=count_text(s.n_total), share=s.share(s.n_unknown_time)))
        self.long_label.setText(self._t("temporal.ui.long_share", count=count_text(s.n_long_window),
                                        share=s.share(s.n_long_window)))

    # --- selection ----------------------------------------------------------------------
    def _cells_picked(self, cells: frozenset, additive: bool) -> None:
        self._state.update(cells=combine(self._state.filter().cells, cells, additive))

    def clear_cells(self) -> None:
        self._state.update(cells=None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc reaches here from the charts, which leave keys they do not use to their parent.
        if event.key() == Qt.Key.Key_Escape:
            self.clear_cells()
            event.accept()
        else:
            super().keyPressEvent(event)

    # --- export -------------------------------------------------------------------------
    def export_table(self, key: str, path: str | Path) -> Path:
        """Write the table behind one chart ("heat", "by_hour", "by_weekday", "trend", "shifts")."""
        from stationmap.analysis import temporal_tables as tables
        from stationmap.io.table_export import export_table

        if key == "trend":
            table = tables.trend_table(self.trend or WeeklyTrend([], np.zeros(0), np.zeros(0),
                                                                  np.zeros(0)), self._language)
        else:
            summary = self.summary or _empty_summary(self.current_method())
            table = {"heat": lambda: tables.matrix_table(summary, self._language),
                     "by_hour": lambda: tables.by_hour_table(summary, self._language),
                     "by_weekday": lambda: tables.by_weekday_table(summary, self._language),
                     "shifts": lambda: tables.shift_table(summary, self.heat.shifts,
                                                          self._language)}[key]()
        return export_table(table, path, sheet_name=key)

    def _ask_and_export_chart(self, chart: QWidget) -> None:
        from stationmap.ui.charts.export import save_chart

        path, _ = QFileDialog.getSaveFileName(self, self._t("temporal.ui.export"), "",
                                              "PNG (*.png);;SVG (*.svg)")
        if path:
            self._reporting_errors(lambda: save_chart(chart, path))

    def _ask_and_export_table(self, key: str, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, name, "", "Excel (*.xlsx);;CSV (*.csv)")
        if path:
            self._reporting_errors(lambda: self.export_table(key, path))

    def _reporting_errors(self, action) -> None:
        from stationmap.core.errors import StationMapError
        from stationmap.ui.error_display import show_error

        try:
            action()
        except (StationMapError, OSError) as error:
            show_error(self, error)


def _day_date(day_number: int) -> date:
    return _EPOCH_DAY + timedelta(days=day_number)


def _empty_summary(method: str) -> TemporalSummary:
    return TemporalSummary(np.zeros((7, 24)), method, 0, 0, 0)
