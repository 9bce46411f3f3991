"""Which incidents fall in a set of hour x weekday cells.

An incident with a known exact time belongs to the cell of its start. An
incident known only as a window belongs to every cell the window touches
(aoristic reading: it may have happened in any of them). Incidents with an
unknown time of day belong to no cell.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

HOURS_PER_WEEK = 168
# 1970-01-01 was a Thursday: weekday index 3 with Monday = 0.
_EPOCH_WEEKDAY = 3


def hour_of_week(seconds: np.ndarray) -> np.ndarray:
    """Monday-00:00-based hour of the week (0..167) of local-second timestamps."""
    hours = np.floor_divide(seconds, 3600).astype(np.int64)
    return (hours + _EPOCH_WEEKDAY * 24) % HOURS_PER_WEEK


def cells_mask(incidents: pd.DataFrame, cells: frozenset[tuple[int, int]]) -> np.ndarray:
    selected = np.zeros(HOURS_PER_WEEK, dtype=bool)
    for weekday, hour in cells:
        selected[weekday * 24 + hour] = True
    start = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    end = incidents["end_ts"].to_numpy(dtype="float64", na_value=np.nan)
    known = incidents["time_known"].to_numpy(dtype="float64", na_value=0) > 0
    valid = known & ~np.isnan(start)
    end = np.where(np.isnan(end), start, end)
    out = np.zeros(len(incidents), dtype=bool)
    if not valid.any():
        return out
    s = start[valid].astype(np.int64)
    e = np.maximum(end[valid].astype(np.int64), s)
    first = hour_of_week(s)
    # Hours the window touches; its end is exclusive (08:00-16:00 is hours 8..15),
    # capped at a week since a longer window touches every cell.
    last = np.where(e > s, (e - 1) // 3600, s // 3600)
    span = np.minimum(last - s // 3600, HOURS_PER_WEEK - 1)
    # Cumulative count over a doubled week answers "any selected hour in [first, first+span]".
    csum = np.concatenate([[0], np.cumsum(np.concatenate([selected, selected]))])
    hit = (csum[first + span + 1] - csum[first]) > 0
    out[np.flatnonzero(valid)] = hit
    return out
