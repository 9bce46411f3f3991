"""Hour x weekday matrices of incidents, with aoristic time (DESIGN.md section 5).

An incident known only to lie in a window [start, end) spreads its weight over
the hours the window touches, in proportion to the time it spends in each
(08:00-16:00 gives 1/8 to each hour; 21:30-22:30 gives 1/2 to 21h and 22h).
Incidents whose time of day is unknown are *not* put at midnight: they stay out
of the matrix and are counted, so the chart can say how many it leaves out.

A filter change must redraw in a few milliseconds for 1,000,000 incidents, so
`TemporalIndex` works out once per data set where each incident's weight goes
(`CellSpans`), and a summary is then only weighted `numpy.bincount` calls over
those precomputed codes. Any window, however long, costs a constant number of
entries: its partial first and last hours are direct entries, and the whole
hours between are a run of equal values written as a difference array (+c at
the run's first hour, -c after its last) that a cumulative sum expands.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from stationmap.analysis.temporal_cells import HOURS_PER_WEEK, hour_of_week
from stationmap.core.errors import StationMapError

if TYPE_CHECKING:
    import pandas as pd

METHODS = ("aoristic", "start", "midpoint")
LONG_WINDOW_SECONDS = 8 * 3600
_SECONDS_PER_HOUR = 3600
_SECONDS_PER_DAY = 86_400
# Bin that collects incidents placed elsewhere (unknown time, or spread over several cells).
_ELSEWHERE = HOURS_PER_WEEK


@dataclass(frozen=True)
class TemporalSummary:
    """A 7 x 24 matrix (rows Monday..Sunday, columns hours 0..23) and what it leaves out."""

    matrix: np.ndarray
    method: str
    n_total: int          # incidents selected (mask), whatever their time
    n_unknown_time: int   # of those, left out because their time of day is unknown
    n_long_window: int    # of those, windows longer than 8 h (spread thin by aoristic)

    @property
    def row_totals(self) -> np.ndarray:
        """Per weekday, Monday first."""
        return self.matrix.sum(axis=1)

    @property
    def column_totals(self) -> np.ndarray:
        """Per hour of day, 0..23."""
        return self.matrix.sum(axis=0)

    by_weekday = row_totals
    by_hour = column_totals

    @property
    def total(self) -> float:
        return float(self.matrix.sum())

    def share(self, count: int) -> float:
        """`count` as a percentage of the selected incidents (0 when none are selected)."""
        return 100.0 * count / self.n_total if self.n_total else 0.0


@dataclass(frozen=True)
class CellSpans:
    """Where each incident's weight goes under one time method; built once per data set.

    `single_code[i]` is the hour of the week (0..167) holding all of incident i's
    weight, or 168 when it goes elsewhere. Incidents spread over several hours
    (`multi`) give `first_frac` to `first_bin`, `last_frac` to `last_bin`,
    `run_value` to each of `run_length` hours from `run_bin` (wrapping past
    Sunday), and `uniform_value` to every hour of the week for their whole weeks.
    """

    single_code: np.ndarray
    multi: np.ndarray
    first_bin: np.ndarray
    first_frac: np.ndarray
    last_bin: np.ndarray
    last_frac: np.ndarray
    run_bin: np.ndarray
    run_length: np.ndarray
    run_value: np.ndarray
    uniform_value: np.ndarray

    def matrix(self, incident_weights: np.ndarray | None) -> np.ndarray:
        """Hours-of-week weights (168) for per-incident weights (None = 1 each)."""
        week = np.bincount(self.single_code, weights=incident_weights,
                           minlength=HOURS_PER_WEEK + 1)[:HOURS_PER_WEEK]
        if self.multi.size == 0:
            return week
        w = np.ones(self.multi.size) if incident_weights is None else incident_weights[self.multi]
        week = week + np.bincount(self.first_bin, weights=w * self.first_frac,
                                  minlength=HOURS_PER_WEEK)
        week += np.bincount(self.last_bin, weights=w * self.last_frac, minlength=HOURS_PER_WEEK)
        runs = self.run_length > 0
        step = (w * self.run_value)[runs]
        starts = self.run_bin[runs]
        # Over two weeks so a run may wrap past Sunday 23:00; folded back below.
        diff = np.bincount(starts, weights=step, minlength=2 * HOURS_PER_WEEK + 1)
        diff -= np.bincount(starts + self.run_length[runs], weights=step,
                            minlength=2 * HOURS_PER_WEEK + 1)
        run = np.cumsum(diff[:2 * HOURS_PER_WEEK])
        week += run[:HOURS_PER_WEEK] + run[HOURS_PER_WEEK:]
        week += float((w * self.uniform_value).sum())  # np.dot of bool by float is very slow
        return week


def _single_spans(n: int, rows: np.ndarray, hours: np.ndarray) -> CellSpans:
    code = np.full(n, _ELSEWHERE, dtype=np.intp)
    code[rows] = hour_of_week(hours * _SECONDS_PER_HOUR)
    empty_i = np.zeros(0, dtype=np.intp)
    empty_f = np.zeros(0)
    return CellSpans(code, empty_i, empty_i, empty_f, empty_i, empty_f,
                     empty_i, empty_i, empty_f, empty_f)


def _aoristic_spans(n: int, rows: np.ndarray, start: np.ndarray, end: np.ndarray) -> CellSpans:
    first_hour = start // _SECONDS_PER_HOUR
    # End is exclusive: a window ending at 16:00 last touches the 15h hour.
    last_hour = np.where(end > start, (end - 1) // _SECONDS_PER_HOUR, first_hour)
    single = first_hour == last_hour
    spans = _single_spans(n, rows[single], first_hour[single])
    is_multi = ~single
    s, e = start[is_multi], end[is_multi]
    h0, h1 = first_hour[is_multi], last_hour[is_multi]
    duration = (e - s).astype(np.float64)
    inner_hours = h1 - h0 - 1
    whole_weeks, run_length = np.divmod(inner_hours, HOURS_PER_WEEK)
    per_hour = _SECONDS_PER_HOUR / duration
    return CellSpans(
        single_code=spans.single_code,
        multi=rows[is_multi].astype(np.intp),
        first_bin=hour_of_week(h0 * _SECONDS_PER_HOUR),
        first_frac=((h0 + 1) * _SECONDS_PER_HOUR - s) / duration,
        last_bin=hour_of_week(h1 * _SECONDS_PER_HOUR),
        last_frac=(e - h1 * _SECONDS_PER_HOUR) / duration,
        run_bin=hour_of_week((h0 + 1) * _SECONDS_PER_HOUR),
        run_length=run_length.astype(np.intp),
        run_value=per_hour,
        uniform_value=whole_weeks * per_hour,
    )


def month_only_dates(incidents: "pd.DataFrame") -> np.ndarray:
    """Per incident, whether its date is known only to the month (date_precision "month": UK street-level
    data, monthly registers). The trend spreads those over their month; the table and popups show "06/2017"."""
    if "date_precision" not in incidents.columns:
        return np.zeros(len(incidents), dtype=bool)
    return incidents["date_precision"].astype(str).to_numpy() == "month"


class TemporalIndex:
    """The time columns of one incident table, ready for fast repeated summaries."""

    def __init__(self, incidents: "pd.DataFrame") -> None:
        self.n = len(incidents)
        start = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
        end = incidents["end_ts"].to_numpy(dtype="float64", na_value=np.nan)
        known = incidents["time_known"].to_numpy(dtype="float64", na_value=0) > 0
        self.start_known = ~np.isnan(start)
        self.time_known = known & self.start_known
        self.rows = np.flatnonzero(self.time_known)
        self._start = start[self.rows].astype(np.int64)
        ends = end[self.rows]
        # A missing or earlier end means an exact time: the window collapses to its start.
        ends = np.where(np.isnan(ends), self._start, ends).astype(np.int64)
        self._end = np.maximum(ends, self._start)
        self.long_window = np.zeros(self.n, dtype=bool)
        self.long_window[self.rows] = (self._end - self._start) > LONG_WINDOW_SECONDS
        self.start_seconds = start
        # Local day number of each start (date-based series: the weekly trend); the date is
        # known even when the time of day is not. Rows without a date get day_first.
        days = np.floor_divide(np.nan_to_num(start, nan=0.0), _SECONDS_PER_DAY).astype(np.int64)
        # A date known only to its month (UK street-level data, monthly registers) is spread evenly
        # over that month's days, as aoristic analysis spreads a time window over its hours: a log of
        # months then makes a level weekly trend within each month, not a spike on its first day.
        self.month_only = month_only_dates(incidents) & self.start_known
        months = start[self.month_only].astype("datetime64[s]").astype("datetime64[M]")
        month_first = months.astype("datetime64[D]").astype(np.int64)
        next_months = months + np.timedelta64(1, "M")
        self._month_days = (next_months.astype("datetime64[D]") - months.astype("datetime64[D]")).astype(np.intp)
        self.day_first = (int(min(days[self.start_known].min(), month_first.min() if month_first.size else np.inf))
                          if self.start_known.any() else 0)
        self.day_offset = np.where(self.start_known, days - self.day_first, 0).astype(np.intp)
        self._month_first = (month_first - self.day_first).astype(np.intp)
        self.day_count = max(int(self.day_offset.max()) + 1 if self.n else 1,
                             int((self._month_first + self._month_days).max()) if self._month_days.size else 0)
        self._spans: dict[str, CellSpans] = {}

    def spans(self, method: str) -> CellSpans:
        if method not in METHODS:
            raise StationMapError("temporal.method.unknown", method=method)
        if method not in self._spans:
            self._spans[method] = self._build(method)
        return self._spans[method]

    def _build(self, method: str) -> CellSpans:
        if method == "aoristic":
            return _aoristic_spans(self.n, self.rows, self._start, self._end)
        if method == "start":
            moment = self._start
        else:
            moment = self._start + (self._end - self._start) // 2
        return _single_spans(self.n, self.rows, moment // _SECONDS_PER_HOUR)

    def daily_counts(self, mask: np.ndarray | None = None,
                     weights: np.ndarray | None = None) -> np.ndarray:
        """Incidents (or weights) per local day, from day number `day_first` on."""
        selected = self.start_known if mask is None else self.start_known & np.asarray(mask, bool)
        day_weights = selected if weights is None else selected * np.asarray(weights, np.float64)
        day_weights = np.asarray(day_weights, dtype=np.float64)
        daily = np.bincount(self.day_offset, weights=np.where(self.month_only, 0.0, day_weights),
                            minlength=self.day_count)
        if self._month_days.size:
            per_day = day_weights[self.month_only] / self._month_days
            change = np.zeros(self.day_count + 1)
            np.add.at(change, self._month_first, per_day)
            np.add.at(change, self._month_first + self._month_days, -per_day)
            daily += np.cumsum(change)[:-1]
        return daily

    def summary(self, mask: np.ndarray | None = None, method: str = "aoristic",
                weights: np.ndarray | None = None) -> TemporalSummary:
        spans = self.spans(method)
        incident_weights = _incident_weights(self.n, mask, weights)
        week = spans.matrix(incident_weights)
        if mask is None:
            n_total = self.n
            n_unknown = self.n - self.rows.size
            n_long = int(np.count_nonzero(self.long_window))
        else:
            n_total = int(np.count_nonzero(mask))
            n_unknown = n_total - int(np.count_nonzero(mask & self.time_known))
            n_long = int(np.count_nonzero(mask & self.long_window))
        return TemporalSummary(week.reshape(7, 24), method, n_total, n_unknown, n_long)


def _incident_weights(n: int, mask: np.ndarray | None,
                      weights: np.ndarray | None) -> np.ndarray | None:
    if weights is not None:
        weights = np.asarray(weights, dtype=np.float64)
        if weights.shape != (n,):
            raise StationMapError("temporal.weights.length", got=weights.size, expected=n)
    if mask is None:
        return weights
    selected = np.asarray(mask, dtype=bool)
    # A boolean mask goes to bincount as it is: numpy reads it as 0/1 weights faster
    # than it can first copy it to float64.
    return selected if weights is None else selected * weights


def hour_weekday_matrix(incidents: "pd.DataFrame | TemporalIndex", mask: np.ndarray | None = None,
                        method: str = "aoristic",
                        weights: np.ndarray | None = None) -> TemporalSummary:
    """The 7 x 24 summary of the incidents selected by `mask` (None = all).

    Pass a `TemporalIndex` instead of the table when summarising the same data
    repeatedly (every filter change): the per-incident work is then done once.
    """
    index = incidents if isinstance(incidents, TemporalIndex) else TemporalIndex(incidents)
    return index.summary(mask, method, weights)
