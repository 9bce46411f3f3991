"""Series derived from the time columns: totals per shift, and the weekly trend.

Shift totals fold an hour x weekday matrix into shift x weekday, giving hours
after midnight to the shift that started the day before (the Friday night
shift owns Saturday 00-06). Step 5 allocates patrols against these figures.

The weekly trend counts incidents per week (Monday to Sunday) of the selected
period by their date, which is known even when the time of day is not, next to
two references: the same number of weeks just before, and the same weeks one
year earlier (52 weeks back, so weekdays line up).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from stationmap.analysis.temporal import TemporalIndex, TemporalSummary
from stationmap.core.errors import StationMapError
from stationmap.core.shifts import DEFAULT_SHIFTS, ShiftPlan

_EPOCH = date(1970, 1, 1)
WEEKS_PER_YEAR_BACK = 52


def shift_totals(summary: TemporalSummary, plan: ShiftPlan = DEFAULT_SHIFTS) -> np.ndarray:
    """(number of shifts) x 7 array: weight per shift and the weekday it starts on."""
    owner = np.array(plan.shift_of_hour())
    offset = np.array(plan.day_offset_of_hour())
    out = np.zeros((len(plan.shifts), 7))
    weekdays = np.arange(7)[:, None]
    start_day = (weekdays - offset[None, :]) % 7
    np.add.at(out, (np.broadcast_to(owner, (7, 24)), start_day), summary.matrix)
    return out


@dataclass(frozen=True)
class WeeklyTrend:
    week_starts: list[date]       # Monday of each week of the selected period
    current: np.ndarray           # incidents per week, days inside the period only
    previous: np.ndarray          # the same days, len(week_starts) weeks earlier; NaN before the data
    last_year: np.ndarray         # the same days, 52 weeks earlier; NaN before the data

    @property
    def previous_start(self) -> date:
        return self.week_starts[0] - timedelta(weeks=len(self.week_starts))


def _day_number(day: date) -> int:
    return (day - _EPOCH).days


def weekly_trend(index: TemporalIndex, period_start: date, period_end: date,
                 mask: np.ndarray | None = None,
                 weights: np.ndarray | None = None) -> WeeklyTrend:
    """Weekly counts over [period_start, period_end] (inclusive) and their references.

    `mask` must not hold the date filter itself, or the references would be empty:
    build it with the filter's dates cleared.
    """
    if period_end < period_start:
        raise StationMapError("temporal.period.empty", start=period_start.strftime("%d/%m/%Y"),
                              end=period_end.strftime("%d/%m/%Y"))
    first_monday = period_start - timedelta(days=period_start.weekday())
    n_weeks = (period_end - first_monday).days // 7 + 1
    daily = index.daily_counts(mask, weights)
    monday = _day_number(first_monday) - index.day_first
    first_day = _day_number(period_start) - index.day_first
    last_day = _day_number(period_end) - index.day_first

    def counts(days_back: int) -> np.ndarray:
        """Per week, the days of the period moved `days_back` days earlier."""
        per_day = np.zeros(7 * n_weeks)
        offsets = np.arange(first_day - monday, last_day - monday + 1)
        source = monday + offsets - days_back
        present = (source >= 0) & (source < daily.size)
        per_day[offsets[present]] = daily[source[present]]
        return per_day.reshape(n_weeks, 7).sum(axis=1)

    def reference(days_back: int) -> np.ndarray:
        """counts(days_back), NaN for a week some of whose days lie before the project's first
        incident: nothing is known of those days, and a 0 would read as "no crime last year"."""
        missing = np.zeros(7 * n_weeks, dtype=bool)
        offsets = np.arange(first_day - monday, last_day - monday + 1)
        missing[offsets] = monday + offsets - days_back < 0
        return np.where(missing.reshape(n_weeks, 7).any(axis=1), np.nan, counts(days_back))

    return WeeklyTrend(
        week_starts=[first_monday + timedelta(weeks=k) for k in range(n_weeks)],
        current=counts(0),
        previous=reference(7 * n_weeks),
        last_year=reference(7 * WEEKS_PER_YEAR_BACK),
    )
