"""Risk per sector x shift x weekday: what the allocation shares units by.

Risk is the severity-weighted, recency-weighted number of incidents of the
last `lookback_weeks` before the plan starts, spread over the hours of each
incident's window (aoristic, DESIGN.md section 5) and folded into the station's
shifts. Incidents of unknown time of day still say *where* crime happens: their
weight is spread evenly over the 168 hours of the week rather than dropped, so
a sector full of "hora desconocida" reports is not starved of patrols.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from stationmap.analysis.hotspots import SECONDS_PER_WEEK, recency_weights
from stationmap.analysis.temporal import TemporalIndex
from stationmap.analysis.temporal_series import shift_totals
from stationmap.core.shifts import DEFAULT_SHIFTS, ShiftPlan

DEFAULT_LOOKBACK_WEEKS = 8
DEFAULT_HALF_LIFE_WEEKS = 4.0


@dataclass(frozen=True)
class RiskTable:
    """`values[g, s, d]`: risk of group g (sector or place) in shift s starting on weekday d."""

    groups: list[str]
    shifts: ShiftPlan
    values: np.ndarray
    lookback_weeks: int
    incidents_used: int

    def per_shift(self) -> np.ndarray:
        """Risk of each group in each shift over the whole week, shape (groups, shifts)."""
        return self.values.sum(axis=2)

    def frame(self) -> pd.DataFrame:
        rows = []
        for g, name in enumerate(self.groups):
            for s, shift in enumerate(self.shifts.shifts):
                for d in range(7):
                    rows.append({"grupo": name, "turno": shift.key, "dia": d,
                                 "riesgo": float(self.values[g, s, d])})
        return pd.DataFrame(rows)


def risk_by_group(incidents: pd.DataFrame, group: np.ndarray, names: list[str], plan_start_ts: int, *,
                  shifts: ShiftPlan = DEFAULT_SHIFTS, lookback_weeks: int = DEFAULT_LOOKBACK_WEEKS,
                  half_life_weeks: float | None = DEFAULT_HALF_LIFE_WEEKS) -> RiskTable:
    """Risk of each group (index into `names`, -1 = none) from the incidents before `plan_start_ts`."""
    start = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    window = (start >= plan_start_ts - lookback_weeks * SECONDS_PER_WEEK) & (start < plan_start_ts)
    weight = incidents["weight"].to_numpy(dtype="float64", na_value=1.0)
    if half_life_weeks:
        weight = weight * recency_weights(np.nan_to_num(start), plan_start_ts, half_life_weeks)
    index = TemporalIndex(incidents)
    values = np.zeros((len(names), len(shifts.shifts), 7))
    used = 0
    for g in range(len(names)):
        mask = window & (group == g)
        used += int(mask.sum())
        timed = index.summary(mask, "aoristic", weight)
        values[g] = shift_totals(timed, shifts)
        # Unknown time of day: the place still counts, evenly over the week's hours.
        untimed = mask & ~index.time_known & index.start_known
        if untimed.any():
            per_hour = weight[untimed].sum() / 168.0
            hours = np.array([s.hours for s in shifts.shifts], dtype=float)
            values[g] += per_hour * hours[:, None]
    return RiskTable(list(names), shifts, values, lookback_weeks, used)
