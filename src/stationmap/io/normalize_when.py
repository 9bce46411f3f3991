"""When each incident happened: date, time and end columns combined into a start/end window.

Rules (DESIGN.md section 5):
- a time of exactly 00:00 with no other evidence (no end time) means "time unknown";
- date only: the window is the whole day, [00:00, next day 00:00), time_known 0;
- 'yyyy-mm' only: the window is the whole month, precision "month";
- an end time earlier than the start on the same day crosses midnight; an end
  date before the start date is a mistake, and the row is rejected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from stationmap.core.errors import MappingError
from stationmap.core.model import Warning_
from stationmap.io import datetimes as dt
from stationmap.io.normalize_text import blank_text, count_warning

# What `When.precision_codes` index.
PRECISION_LABELS = (dt.PREC_DATETIME, dt.PREC_DATE, dt.PREC_MONTH)
# Rejection codes, in the order they are checked (the first one found is reported).
REJECT_CODES = ("rows.date_missing", "rows.date_unreadable", "rows.date_impossible", "rows.date_too_old",
                "rows.date_in_future", "rows.window_reversed")


@dataclass
class When:
    start_ts: np.ndarray
    end_ts: np.ndarray
    time_known: np.ndarray          # int8 0/1
    precision_codes: np.ndarray     # int8 index into PRECISION_LABELS
    reject: np.ndarray              # int8: 0 kept, else 1 + index into REJECT_CODES
    reject_on_end: np.ndarray       # bool: the rejection is about the end columns
    date_raw: pd.Series             # raw start-date text, quoted in rejections
    time_raw: pd.Series | None      # raw start-time text, quoted beside the date when an end is before it
    date_column: str
    end_raw: pd.Series              # raw end date/time text
    end_column: str
    day_first: bool | None
    ambiguous: bool
    warnings: list[Warning_] = field(default_factory=list)

    @property
    def precision(self) -> np.ndarray:
        """"datetime", "date" or "month" for every row, as an object array."""
        return np.asarray(PRECISION_LABELS, dtype=object)[self.precision_codes]


def _text(frame: pd.DataFrame, fields: dict[str, str], name: str) -> pd.Series | None:
    column = fields.get(name)
    return frame[column] if column else None


def parse_start_dates(frame: pd.DataFrame, fields: dict[str, str], day_first: bool | None,
                      file: str) -> tuple[dt.ParsedDates, pd.Series, str]:
    """The date column (or year/month/day columns): parsed dates, raw text, column label."""
    for name in ("datetime", "date"):
        values = _text(frame, fields, name)
        if values is not None:
            return dt.parse_dates(values, day_first), values, fields[name]
    year, month = _text(frame, fields, "year"), _text(frame, fields, "month")
    if year is not None and month is not None:
        day = _text(frame, fields, "day")
        label = "/".join(fields[n] for n in ("day", "month", "year") if n in fields)
        raw = (year + "-" + month + ("-" + day if day is not None else ""))
        return dt.dates_from_parts(year, month, day), raw.str.strip("-"), label
    raise MappingError("mapping.no_date", file=file, columns=", ".join(map(str, frame.columns)))


def combine(frame: pd.DataFrame, fields: dict[str, str], day_first: bool | None, file: str,
            lines: np.ndarray, *, now: float | None = None) -> When:
    dates, date_raw, date_column = parse_start_dates(frame, fields, day_first, file)
    n = len(frame)
    warnings: list[Warning_] = []
    day_start = np.floor_divide(dates.ts, dt.DAY) * dt.DAY

    # Time of day: the time column, else a time written inside the date value.
    time_ok = dates.has_time.copy()
    time_sec = dates.ts - day_start
    time_unreadable = np.zeros(n, dtype=bool)
    time_values = _text(frame, fields, "time")
    if time_values is not None:
        times = dt.parse_times(time_values)
        use_column = times.status == dt.OK
        time_ok = np.where(use_column, True, time_ok & (times.status == dt.EMPTY))
        time_sec = np.where(use_column, times.seconds, np.where(time_ok, time_sec, 0))
        time_unreadable = times.status == dt.UNREADABLE
    elif "datetime" not in fields and not dates.has_time.any() and n:
        warnings.append(Warning_(file, "rows.time_none", {}))

    end_values, end_time_values = _text(frame, fields, "date_end"), _text(frame, fields, "time_end")
    if end_values is None and end_time_values is None:
        # No end columns, the usual register: the window is the moment, or the whole day. Skipping the
        # end arithmetic below saves a dozen million-row arrays (0.05-0.1 s of a million-row import).
        time_known = time_ok & (time_sec != 0)
        start = day_start + np.where(time_known, time_sec, 0)
        end = np.where(time_known, start, day_start + dt.DAY)
        end_status, end_raw = None, blank_text(frame.index)
    else:
        start, end, time_known, end_status, end_raw = _window_with_end(
            frame, fields, dates, day_first, day_start, time_ok, time_sec, end_values, end_time_values)
    if dates.month_only.any():  # calendar arithmetic is slow: only for the rows that need it
        end[dates.month_only] = dt.next_month_start(day_start[dates.month_only])

    precision = np.where(dates.month_only, PRECISION_LABELS.index(dt.PREC_MONTH),
                         np.where(time_known, PRECISION_LABELS.index(dt.PREC_DATETIME),
                                  PRECISION_LABELS.index(dt.PREC_DATE))).astype(np.int8)

    reject, on_end = _rejections(dates, start, end, end_status, now)
    kept = reject == 0  # warnings speak of imported rows only; rejected ones have their own reason
    count_warning(warnings, file, "rows.time_unreadable", kept & time_unreadable, lines)
    count_warning(warnings, file, "rows.time_midnight_unknown", kept & time_ok & ~time_known, lines)
    if dates.ambiguous:
        warnings.append(Warning_(file, "rows.day_first_assumed", {}))
    return When(start_ts=start.astype(np.int64, copy=False), end_ts=end.astype(np.int64, copy=False),
                time_known=time_known.astype(np.int8), precision_codes=precision, reject=reject,
                reject_on_end=on_end, date_raw=date_raw, time_raw=time_values, date_column=date_column,
                end_raw=end_raw,
                end_column=" ".join(fields[f] for f in ("date_end", "time_end") if f in fields),
                day_first=dates.day_first if dates.day_first is not None else day_first,
                ambiguous=dates.ambiguous, warnings=warnings)


def _window_with_end(frame: pd.DataFrame, fields: dict[str, str], dates: dt.ParsedDates, day_first: bool | None,
                     day_start: np.ndarray, time_ok: np.ndarray, time_sec: np.ndarray,
                     end_values: pd.Series | None, end_time_values: pd.Series | None):
    """(start, end, time_known, end_status, end_raw) of rows with an end date and/or end time column."""
    n = len(frame)
    end_day = day_start.copy()
    end_given = np.zeros(n, dtype=bool)
    end_status = np.full(n, dt.OK, dtype=np.int8)
    end_raw = blank_text(frame.index)
    if end_values is not None:
        ends = dt.parse_dates(end_values, dates.day_first if dates.day_first is not None else day_first)
        end_given = ends.status != dt.EMPTY
        end_status = np.where(end_given, ends.status, dt.OK).astype(np.int8)
        end_day = np.where(end_given & (ends.status == dt.OK), np.floor_divide(ends.ts, dt.DAY) * dt.DAY, day_start)
        end_raw = end_values
    end_time_ok = np.zeros(n, dtype=bool)
    end_time_sec = np.zeros(n, dtype=np.int64)
    if end_time_values is not None:
        end_times = dt.parse_times(end_time_values)
        end_time_ok = end_times.status == dt.OK
        end_time_sec = end_times.seconds
        end_raw = end_raw.str.cat(end_time_values, sep=" ").str.strip()

    time_known = time_ok & ((time_sec != 0) | (end_time_ok & (end_time_sec != 0)))
    start = day_start + np.where(time_known, time_sec, 0)

    end = np.where(time_known, start, day_start + dt.DAY)
    end = np.where(end_given & ~end_time_ok, end_day + dt.DAY, end)
    timed_end = end_time_ok & time_known
    end = np.where(timed_end, end_day + end_time_sec, end)
    crosses_midnight = timed_end & ~end_given & (end < start)
    end = np.where(crosses_midnight, end + dt.DAY, end)
    return start, end, time_known, end_status, end_raw


def _rejections(dates: dt.ParsedDates, start: np.ndarray, end: np.ndarray, end_status: np.ndarray | None,
                now: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Per row: 0 or 1 + the index of the first REJECT_CODES that applies; and whether it is about the end."""
    ok = dates.status == dt.OK
    checks = (
        (dates.status == dt.EMPTY, "rows.date_missing", False),
        (dates.status == dt.UNREADABLE, "rows.date_unreadable", False),
        (dates.status == dt.IMPOSSIBLE, "rows.date_impossible", False),
        (ok & (start < dt.earliest_allowed_ts()), "rows.date_too_old", False),
        (ok & (start > dt.latest_allowed_ts(now)), "rows.date_in_future", False),
    ) + (() if end_status is None else (  # without end columns the end is never before the start
        (end_status == dt.UNREADABLE, "rows.date_unreadable", True),
        (end_status == dt.IMPOSSIBLE, "rows.date_impossible", True),
        (ok & (end < start), "rows.window_reversed", True),
    ))
    reject = np.zeros(len(start), dtype=np.int8)
    on_end = np.zeros(len(start), dtype=bool)
    for mask, code, about_end in checks:
        fresh = mask & (reject == 0)
        reject[fresh] = REJECT_CODES.index(code) + 1
        on_end |= fresh & about_end
    return reject, on_end
