"""Which ISO weeks a brief can be made for, and which one to offer first.

Incident times are naive local seconds since 1970-01-01 (core.model), so a
day is a plain division. The data cover the days from the first incident to
the last; a week is covered when all seven of its days are. A brief is made
only for a covered week: a week after the data end (or before they start, or
half in them) would count its missing days as zero crime and report a "real
fall" that is only missing data. An analyst in the middle of a week wants last
week's brief, not a half week.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from stationmap.core.errors import StationMapError

_EPOCH = date(1970, 1, 1)


def week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def data_days(incidents: pd.DataFrame) -> tuple[date, date] | None:
    """(day of the first dated incident, day of the last), or None when no incident has a date."""
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan) if len(incidents) else np.zeros(0)
    ts = ts[np.isfinite(ts)]
    if ts.size == 0:
        return None
    return _EPOCH + timedelta(days=int(ts.min() // 86_400)), _EPOCH + timedelta(days=int(ts.max() // 86_400))


def covered_weeks(first: date, last: date) -> list[str]:
    """ISO weeks whose Monday to Sunday lie within first..last, newest first."""
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    labels = []
    while monday + timedelta(days=6) <= last:
        labels.append(week_label(monday))
        monday += timedelta(days=7)
    return labels[::-1]


def available_weeks(incidents: pd.DataFrame) -> tuple[list[str], str | None]:
    """(every ISO week the data cover whole, newest first; the newest of them, offered first)."""
    days = data_days(incidents)
    weeks = covered_weeks(*days) if days is not None else []
    return weeks, (weeks[0] if weeks else None)


def check_week_covered(incidents: pd.DataFrame, start: date, end: date) -> None:
    """Raise StationMapError unless the data cover every day from `start` to `end`."""
    days = data_days(incidents)
    if days is None:
        raise StationMapError("brief.no_dated_incidents")
    first, last = days
    weeks = covered_weeks(first, last)
    data = {"week": week_label(start), "start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}",
            "first": f"{first:%d/%m/%Y}", "last": f"{last:%d/%m/%Y}"}
    if not weeks:
        raise StationMapError("brief.no_full_week", **data)
    data.update(earliest=weeks[-1], latest=weeks[0])
    if start > last:
        raise StationMapError("brief.week_after_data", **data)
    if end < first:
        raise StationMapError("brief.week_before_data", **data)
    if start < first or end > last:
        raise StationMapError("brief.week_partial", **data)
