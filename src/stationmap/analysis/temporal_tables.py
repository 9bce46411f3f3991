"""The tables behind each time chart, with headers in the user's language.

These frames are what "export table" writes (io.table_export) and what the
plan and the weekly brief print, so their headers are words, not field names.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from stationmap.analysis.temporal import TemporalSummary
from stationmap.analysis.temporal_series import WeeklyTrend, shift_totals
from stationmap.core.messages import render
from stationmap.core.shifts import DEFAULT_SHIFTS, ShiftPlan

_DECIMALS = 2


def weekday_names(language: str | None = None) -> list[str]:
    return [render(f"temporal.weekday.{d}", language=language) for d in range(7)]


def shift_name(key: str, language: str | None = None, fallback: str = "") -> str:
    """A shift's name in `language`; a station's own shift, with no name in the catalog, keeps
    `fallback` (the label it was planned with) or else its key."""
    from stationmap.core.messages import catalog

    code = f"temporal.shift.{key}"
    return render(code, language=language) if code in catalog() else (fallback or key)


def shift_names(plan: ShiftPlan, language: str | None = None) -> list[str]:
    return [shift_name(shift.key, language) for shift in plan.shifts]


def matrix_table(summary: TemporalSummary, language: str | None = None) -> pd.DataFrame:
    """Weekdays down, hours across ("00".."23"), with a total column and a total row."""
    total = render("temporal.ui.total", language=language)
    frame = pd.DataFrame(summary.matrix.round(_DECIMALS), columns=[f"{h:02d}" for h in range(24)])
    frame[total] = summary.row_totals.round(_DECIMALS)
    frame.loc[len(frame)] = np.append(summary.column_totals, summary.total).round(_DECIMALS)
    frame.insert(0, render("temporal.ui.weekday", language=language),
                 weekday_names(language) + [total])
    return frame


def by_hour_table(summary: TemporalSummary, language: str | None = None) -> pd.DataFrame:
    return pd.DataFrame({
        render("temporal.ui.hour", language=language): [f"{h:02d}:00" for h in range(24)],
        render("temporal.ui.incidents", language=language): summary.column_totals.round(_DECIMALS),
    })


def by_weekday_table(summary: TemporalSummary, language: str | None = None) -> pd.DataFrame:
    return pd.DataFrame({
        render("temporal.ui.weekday", language=language): weekday_names(language),
        render("temporal.ui.incidents", language=language): summary.row_totals.round(_DECIMALS),
    })


def shift_table(summary: TemporalSummary, plan: ShiftPlan = DEFAULT_SHIFTS,
                language: str | None = None) -> pd.DataFrame:
    """Shifts down (with their hours), the weekday each starts on across, and totals."""
    totals = shift_totals(summary, plan)
    total = render("temporal.ui.total", language=language)
    labels = [f"{name} {s.start_hour:02d}–{s.end_hour:02d}"
              for name, s in zip(shift_names(plan, language), plan.shifts)]
    frame = pd.DataFrame(totals.round(_DECIMALS), columns=weekday_names(language))
    frame[total] = totals.sum(axis=1).round(_DECIMALS)
    frame.insert(0, render("temporal.ui.shift", language=language), labels)
    return frame


def trend_table(trend: WeeklyTrend, language: str | None = None) -> pd.DataFrame:
    return pd.DataFrame({
        render("temporal.ui.week_start", language=language):
            [d.strftime("%d/%m/%Y") for d in trend.week_starts],
        render("temporal.ui.week", language=language):
            [f"{d.isocalendar().year}-S{d.isocalendar().week:02d}" for d in trend.week_starts],
        render("temporal.ui.current", language=language): trend.current.round(_DECIMALS),
        render("temporal.ui.previous", language=language): trend.previous.round(_DECIMALS),
        render("temporal.ui.last_year", language=language): trend.last_year.round(_DECIMALS),
    })
