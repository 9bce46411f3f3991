"""Which ISO weeks a brief can be made for, and which one to offer first.

Incident times are naive local seconds since 1970-01-01 (core.model), so a
day is a plain division. A week is complete when the data reach its Sunday;
an analyst in the middle of a week wants last week's brief, not a half week.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

_EPOCH = date(1970, 1, 1)


def week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def available_weeks(incidents: pd.DataFrame) -> tuple[list[str], str | None]:
    """(every ISO week from the first incident to the last, newest first; the last complete one)."""
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan) if len(incidents) else np.zeros(0)
    ts = ts[np.isfinite(ts)]
    if ts.size == 0:
        return [], None
    first = _EPOCH + timedelta(days=int(ts.min() // 86_400))
    last = _EPOCH + timedelta(days=int(ts.max() // 86_400))
    monday = first - timedelta(days=first.weekday())
    labels = []
    while monday <= last:
        labels.append(week_label(monday))
        monday += timedelta(days=7)
    labels.reverse()
    last_sunday = last - timedelta(days=(last.weekday() + 1) % 7)
    complete = week_label(last_sunday) if last_sunday >= first else labels[0]
    return labels, complete
