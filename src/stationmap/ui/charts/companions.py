"""Companion charts of the heat chart: incidents by hour, by weekday, and per week."""

from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from stationmap.analysis.temporal import TemporalSummary
from stationmap.analysis.temporal_series import WeeklyTrend
from stationmap.core.messages import render

BAR_COLOR = "#3b528b"          # a viridis blue, matching the heat chart
CURRENT_PEN = pg.mkPen("#21918c", width=2)
PREVIOUS_PEN = pg.mkPen((120, 120, 120, 140), width=1.5, style=Qt.PenStyle.DashLine)
LAST_YEAR_PEN = pg.mkPen((200, 140, 40, 130), width=1.5)


class _StaticPlot(pg.PlotWidget):
    """A plot the user reads, not pans: no mouse zoom, no context menu."""

    def __init__(self, title_code: str, language: str | None, parent: QWidget | None) -> None:
        super().__init__(parent, background="w")
        self.language = language
        self.plotItem.setTitle(render(title_code, language=language), size="9pt", color="#202020")
        self.plotItem.getViewBox().setMouseEnabled(False, False)
        self.plotItem.getViewBox().setMenuEnabled(False)
        self.plotItem.hideButtons()


class HourBars(_StaticPlot):
    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__("temporal.ui.by_hour", language, parent)
        self.bars = pg.BarGraphItem(x=np.arange(24), height=np.zeros(24), width=0.8, brush=BAR_COLOR)
        self.addItem(self.bars)
        self.getAxis("bottom").setTicks([[(h, f"{h:02d}") for h in range(0, 24, 3)], []])
        self.setXRange(-0.6, 23.6, padding=0)

    def set_summary(self, summary: TemporalSummary | None) -> None:
        heights = np.zeros(24) if summary is None else summary.column_totals
        self.bars.setOpts(height=heights)
        self.setYRange(0, max(float(heights.max()), 1.0) * 1.05, padding=0)


class WeekdayBars(_StaticPlot):
    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__("temporal.ui.by_weekday", language, parent)
        self.bars = pg.BarGraphItem(x=np.arange(7), height=np.zeros(7), width=0.7, brush=BAR_COLOR)
        self.addItem(self.bars)
        names = [render(f"temporal.weekday.{d}", language=language) for d in range(7)]
        self.getAxis("bottom").setTicks([list(enumerate(names)), []])
        self.setXRange(-0.6, 6.6, padding=0)

    def set_summary(self, summary: TemporalSummary | None) -> None:
        heights = np.zeros(7) if summary is None else summary.row_totals
        self.bars.setOpts(height=heights)
        self.setYRange(0, max(float(heights.max()), 1.0) * 1.05, padding=0)


class TrendChart(_StaticPlot):
    """Weekly counts of the selected period, with the references drawn faint behind."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__("temporal.ui.trend", language, parent)
        # The key goes in the title, in each line's colour: a legend box would hide data.
        key = " · ".join(f'<span style="color:{color}">{render(code, language=language)}</span>'
                         for code, color in (("temporal.ui.key.current", "#21918c"),
                                             ("temporal.ui.key.previous", "#787878"),
                                             ("temporal.ui.key.last_year", "#c88c28")))
        self.plotItem.setTitle(f"{render('temporal.ui.trend', language=language)}<br>"
                               f'<span style="font-size:7pt">{key}</span>',
                               size="9pt", color="#202020")
        self.last_year = self.plot([], [], pen=LAST_YEAR_PEN)
        self.previous = self.plot([], [], pen=PREVIOUS_PEN)
        self.current = self.plot([], [], pen=CURRENT_PEN, symbol="o", symbolSize=4,
                                 symbolBrush="#21918c", symbolPen=None)

    def set_trend(self, trend: WeeklyTrend | None) -> None:
        if trend is None or not trend.week_starts:
            for curve in (self.current, self.previous, self.last_year):
                curve.setData([], [])
            return
        x = np.arange(len(trend.week_starts))
        self.current.setData(x, trend.current)
        # Weeks before the data are NaN in the references: a gap in the line, not a fall to 0.
        self.previous.setData(x, trend.previous, connect="finite")
        self.last_year.setData(x, trend.last_year, connect="finite")
        self.getAxis("bottom").setTicks([_week_ticks(trend.week_starts), []])
        peak = max(float(np.nan_to_num(np.stack([trend.current, trend.previous, trend.last_year])).max()), 1.0)
        self.setYRange(0, peak * 1.15, padding=0)
        self.setXRange(-0.3, len(x) - 0.7, padding=0)


# Beyond this many weeks the ticks lie months apart: the day says nothing, the year everything.
_WEEKS_FOR_MONTH_TICKS = 53


def _week_ticks(week_starts: list[date], max_ticks: int = 5) -> list[tuple[int, str]]:
    """Ticks as short as the axis allows: "17/04" within one year, "17/04/16" when the ticks
    cross a new year, "04/2016" (month and year, as the app writes months) beyond a year,
    where "17/04, 06/08, 25/11, 15/03" 68 weeks apart would read as four months."""
    step = max(1, int(np.ceil(len(week_starts) / max_ticks)))
    shown = list(range(0, len(week_starts), step))
    if len(week_starts) > _WEEKS_FOR_MONTH_TICKS:
        pattern = "%m/%Y"
    elif len({week_starts[k].year for k in shown}) > 1 or week_starts[0].year != week_starts[-1].year:
        pattern = "%d/%m/%y"
    else:
        pattern = "%d/%m"
    return [(k, week_starts[k].strftime(pattern)) for k in shown]
