"""Dates and times as police exports write them, turned into local seconds (America/Lima).

Every parser works on the distinct values of a column with pandas string
methods and numpy arithmetic (`normalize_text.per_unique`), never row by row.
Results are local seconds since 1970-01-01 00:00 (naive Lima time, UTC-5 with
no daylight saving), as `tests/factories.local_ts` computes them.
"""

from __future__ import annotations

import time as _time
from dataclasses import dataclass

import numpy as np
import pandas as pd

from stationmap.core.model import LIMA_UTC_OFFSET_HOURS
from stationmap.io.normalize_text import distinct, fold, per_unique

DAY = 86_400
LIMA_OFFSET_SECONDS = LIMA_UTC_OFFSET_HOURS * 3600
EARLIEST_YEAR = 1901          # 1900 is a spreadsheet's "no date"; anything before is a typo
EXCEL_EPOCH_DAYS = -25_569    # 1899-12-30, day 0 of Excel serial dates

# Status of one parsed value.
EMPTY, OK, UNREADABLE, IMPOSSIBLE = 0, 1, -1, -2
# Precision of one parsed date value.
PREC_DATE, PREC_DATETIME, PREC_MONTH = "date", "datetime", "month"

_CLOCK = r"(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:([AaPp])\.?\s*[Mm]\.?)?"
_ISO = (r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+" + _CLOCK + r")?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$")
_SLASH = r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[T\s]+" + _CLOCK + r")?$"
_YEAR_MONTH = r"^(\d{4})[-/](\d{1,2})$"
# '14-nov-2026', '14 de noviembre de 2026', '3/Ene/19 10:30'
_NAMED_MONTH = (r"^(\d{1,2})[\s/.-]+(?:de\s+)?([^\W\d_]{3,10})\.?[\s/.-]+(?:del?\s+)?(\d{4}|\d{2})"
                r"(?:[T\s,]+" + _CLOCK + r")?$")
_EXCEL_SERIAL = r"^(\d{5})(?:\.0+)?$"
_TIME = r"^(?:\d{4}-\d{2}-\d{2}[T\s]+)?" + _CLOCK + r"(?:\s*h(?:rs?|oras)?\.?)?$"
_NUMBER = r"^\d+(?:\.\d+)?$"

MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate((
        ("enero", "ene", "january", "jan"), ("febrero", "feb", "february"),
        ("marzo", "mar", "march"), ("abril", "abr", "april", "apr"), ("mayo", "may"),
        ("junio", "jun", "june"), ("julio", "jul", "july"),
        ("agosto", "ago", "august", "aug"), ("septiembre", "setiembre", "sep", "set", "sept", "september"),
        ("octubre", "oct", "october"), ("noviembre", "nov", "november"),
        ("diciembre", "dic", "december", "dec")), start=1):
    for _name in _names:
        MONTH_NAMES[_name] = _number


@dataclass
class ParsedDates:
    """One date (or date-time) column, parsed."""
    ts: np.ndarray          # int64 local seconds of the value (date 00:00, plus its time if it has one)
    status: np.ndarray      # int8: EMPTY, OK, UNREADABLE, IMPOSSIBLE
    has_time: np.ndarray    # bool: the value carried a time of day
    month_only: np.ndarray  # bool: 'yyyy-mm', precision of a month
    day_first: bool | None  # the order applied to 'a/b/yyyy' values (None: the column had none)
    ambiguous: bool         # nothing in the data told dd/mm from mm/dd


@dataclass
class ParsedTimes:
    seconds: np.ndarray     # int64 seconds after midnight
    status: np.ndarray      # int8: EMPTY, OK, UNREADABLE


def days_from_civil(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of a proleptic Gregorian date, vectorised (H. Hinnant's algorithm)."""
    y = year - (month <= 2)
    era = np.floor_divide(y, 400)
    year_of_era = y - era * 400
    day_of_year = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


def _days_in_month(year: np.ndarray, month: np.ndarray) -> np.ndarray:
    lengths = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    return lengths[np.clip(month, 1, 12) - 1] + ((month == 2) & leap)


def _valid_date(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    return (month >= 1) & (month <= 12) & (day >= 1) & (day <= _days_in_month(year, month))


def _int(frame: pd.DataFrame, column: int | str, default: int = -1) -> np.ndarray:
    return pd.to_numeric(frame[column], errors="coerce").fillna(default).to_numpy(dtype=np.int64)


def _clock_seconds(hour: np.ndarray, minute: np.ndarray, second: np.ndarray,
                   am_pm: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Seconds after midnight and validity of clock parts; 'A'/'P' marks a 12-hour clock."""
    marker = am_pm.fillna("").str.upper().to_numpy(dtype=object)
    twelve = marker != ""
    valid = (minute >= 0) & (minute <= 59) & (second >= 0) & (second <= 59)
    valid &= np.where(twelve, (hour >= 1) & (hour <= 12), (hour >= 0) & (hour <= 23))
    hour24 = np.where(twelve, hour % 12 + np.where(marker == "P", 12, 0), hour)
    return hour24 * 3600 + minute * 60 + second, valid


def _offset_seconds(zone: pd.Series) -> np.ndarray:
    """'Z' -> 0, '+01:00' -> 3600, '-0500' -> -18000; no zone -> Lima's own offset."""
    text = zone.fillna("").str.replace(":", "", regex=False)
    sign = np.where(text.str.startswith("-"), -1, 1)
    hours = pd.to_numeric(text.str[1:3], errors="coerce").fillna(0).to_numpy(dtype=np.int64)
    minutes = pd.to_numeric(text.str[3:5], errors="coerce").fillna(0).to_numpy(dtype=np.int64)
    offset = sign * (hours * 3600 + minutes * 60)
    return np.where(text.to_numpy(dtype=object) == "", LIMA_OFFSET_SECONDS, offset)


def _decide_day_first(first: np.ndarray, second: np.ndarray, preferred: bool | None
                      ) -> tuple[bool, bool]:
    """(day_first, ambiguous): a first part > 12 proves dd/mm, a second part > 12 proves mm/dd."""
    proves_day_first = bool((first > 12).any())
    proves_month_first = bool((second > 12).any())
    if proves_day_first != proves_month_first:
        return proves_day_first, False
    if preferred is not None:
        return preferred, False
    return True, not proves_day_first  # both proofs = a mixed column: Peru's order, rows that fail are rejected


def parse_dates(values: pd.Series, day_first: bool | None = None) -> ParsedDates:
    """Parse a date or date-time column; see the module notes for the forms understood."""
    codes, text = distinct(values)
    n = len(text)
    ts = np.zeros(n, dtype=np.int64)
    status = np.where(text == "", EMPTY, UNREADABLE).astype(np.int8)
    has_time = np.zeros(n, dtype=bool)
    month_only = np.zeros(n, dtype=bool)

    def settle(mask: np.ndarray, year, month, day, seconds, clock_ok, offset=None) -> None:
        ok = mask & _valid_date(year, month, day) & clock_ok
        local = days_from_civil(year, month, day) * DAY + seconds
        if offset is not None:
            local = local - offset + LIMA_OFFSET_SECONDS
        ts[ok] = local[ok]
        status[ok] = OK
        status[mask & ~ok] = IMPOSSIBLE

    iso = text.str.extract(_ISO)
    iso_hit = iso[0].notna().to_numpy()
    if iso_hit.any():
        seconds, clock_ok = _clock_seconds(_int(iso, 3, 0), _int(iso, 4, 0), _int(iso, 5, 0), iso[6])
        settle(iso_hit, _int(iso, 0), _int(iso, 1), _int(iso, 2), seconds, clock_ok, _offset_seconds(iso[7]))
        has_time |= iso_hit & (iso[3].notna().to_numpy() | iso[7].notna().to_numpy())

    slash = text.str.extract(_SLASH)
    slash_hit = slash[0].notna().to_numpy()
    decided, ambiguous = None, False
    if slash_hit.any():
        first, second = _int(slash, 0)[slash_hit], _int(slash, 1)[slash_hit]
        decided, ambiguous = _decide_day_first(first, second, day_first)
        year = _int(slash, 2)
        year = np.where(year < 100, year + 2000, year)
        day, month = (_int(slash, 0), _int(slash, 1)) if decided else (_int(slash, 1), _int(slash, 0))
        seconds, clock_ok = _clock_seconds(_int(slash, 3, 0), _int(slash, 4, 0), _int(slash, 5, 0), slash[6])
        settle(slash_hit, year, month, day, seconds, clock_ok)
        has_time |= slash_hit & slash[3].notna().to_numpy()

    named = text.str.extract(_NAMED_MONTH)
    named_hit = named[0].notna().to_numpy()
    if named_hit.any():
        month = month_numbers(named[1].fillna("")).to_numpy(dtype=np.int64)
        year = _int(named, 2)
        year = np.where(year < 100, year + 2000, year)
        seconds, clock_ok = _clock_seconds(_int(named, 3, 0), _int(named, 4, 0), _int(named, 5, 0), named[6])
        settle(named_hit & (month > 0), year, month, _int(named, 0), seconds, clock_ok)
        status[named_hit & (month <= 0)] = UNREADABLE
        has_time |= named_hit & named[3].notna().to_numpy()

    year_month = text.str.extract(_YEAR_MONTH)
    ym_hit = year_month[0].notna().to_numpy()
    if ym_hit.any():
        settle(ym_hit, _int(year_month, 0), _int(year_month, 1), np.ones(n, dtype=np.int64),
               np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool))
        month_only |= ym_hit

    serial = text.str.extract(_EXCEL_SERIAL)[0]
    serial_days = pd.to_numeric(serial, errors="coerce").to_numpy()
    serial_hit = (serial_days >= 20_000) & (serial_days <= 80_000)
    ts[serial_hit] = (serial_days[serial_hit].astype(np.int64) + EXCEL_EPOCH_DAYS) * DAY
    status[serial_hit] = OK

    return ParsedDates(ts=ts[codes], status=status[codes], has_time=has_time[codes],
                       month_only=month_only[codes], day_first=decided, ambiguous=ambiguous)


def month_numbers(values: pd.Series) -> pd.Series:
    """'Enero', 'ene', 'SETIEMBRE', 'March', '3', '3.0' -> 1..12; anything else -> -1."""
    def parse(uniques: pd.Series) -> pd.Series:
        text = uniques.fillna("").astype(str).str.strip()
        numbers = pd.to_numeric(text, errors="coerce")
        names = pd.Series([MONTH_NAMES.get(fold(v), -1) for v in text], dtype=np.int64)
        whole = numbers.notna() & (numbers % 1 == 0)
        return pd.Series(np.where(whole, numbers.fillna(-1), names), dtype=np.int64)
    return per_unique(values, parse)


def dates_from_parts(year: pd.Series, month: pd.Series, day: pd.Series | None) -> ParsedDates:
    """Separate year / month (/ day) columns; without a day the precision is a month."""
    years = pd.to_numeric(year.str.replace(r"\.0+$", "", regex=True), errors="coerce")
    months = month_numbers(month)
    empty = (year.str.strip() == "") | (month.str.strip() == "")
    if day is not None:
        days_raw = pd.to_numeric(day.str.replace(r"\.0+$", "", regex=True), errors="coerce")
        empty |= day.str.strip() == ""
    else:
        days_raw = pd.Series(1, index=year.index)
    readable = years.notna() & (years % 1 == 0) & (months > 0) & days_raw.notna()
    y = years.fillna(1970).to_numpy(dtype=np.int64)
    m = months.to_numpy(dtype=np.int64)
    d = days_raw.fillna(1).to_numpy(dtype=np.int64)
    valid = readable.to_numpy() & _valid_date(y, np.where(m > 0, m, 1), d) & (m <= 12)
    status = np.where(empty, EMPTY, np.where(valid, OK, np.where(readable, IMPOSSIBLE, UNREADABLE)))
    ts = np.where(valid, days_from_civil(y, np.clip(m, 1, 12), d) * DAY, 0)
    return ParsedDates(ts=ts.astype(np.int64), status=status.astype(np.int8),
                       has_time=np.zeros(len(year), dtype=bool),
                       month_only=np.full(len(year), day is None), day_first=None, ambiguous=False)


def next_month_start(ts: np.ndarray) -> np.ndarray:
    """Local seconds of the first day of the month after the one holding `ts`."""
    days = np.floor_divide(ts, DAY).astype("datetime64[D]")
    months = days.astype("datetime64[M]") + np.timedelta64(1, "M")
    return months.astype("datetime64[D]").astype(np.int64) * DAY


def parse_times(values: pd.Series) -> ParsedTimes:
    """'19:30', '9:05:07', '9:30 PM', '12:00:00 AM', '1899-12-30 19:30:00', '70200.0' (seconds)."""
    codes, text = distinct(values)
    status = np.where(text == "", EMPTY, UNREADABLE).astype(np.int8)
    seconds = np.zeros(len(text), dtype=np.int64)

    clock = text.str.extract(_TIME)
    hit = clock[0].notna().to_numpy()
    found, valid = _clock_seconds(_int(clock, 0, 0), _int(clock, 1, 0), _int(clock, 2, 0), clock[3])
    seconds[hit & valid] = found[hit & valid]
    status[hit & valid] = OK

    numeric = text.str.match(_NUMBER).to_numpy() & ~hit
    if numeric.any():
        numbers = pd.to_numeric(text[numeric]).to_numpy(dtype=float)
        as_seconds = _numeric_time_seconds(numbers, text[numeric])
        ok = ~np.isnan(as_seconds)
        index = np.flatnonzero(numeric)
        seconds[index[ok]] = as_seconds[ok].astype(np.int64)
        status[index[ok]] = OK
    return ParsedTimes(seconds=seconds[codes], status=status[codes])


def _numeric_time_seconds(numbers: np.ndarray, text: pd.Series) -> np.ndarray:
    """A numeric time column is read as a whole: day fractions (Excel), HHMM, or seconds.

    All values below 1 -> fractions of a day (0.8125 = 19:30); any decimal point
    or any value above 2359 -> seconds after midnight (70200.0 = 19:30); whole
    numbers up to 23 -> hours ('21' = 21:00); else HHMM ('1930').
    """
    if (numbers < 1).all():
        return np.round(numbers * DAY)
    if not text.str.contains(".", regex=False).any() and (numbers <= 23).all():
        return numbers * 3600
    if text.str.contains(".", regex=False).any() or (numbers > 2359).any():
        return np.where(numbers < DAY, np.floor(numbers), np.nan)
    hours, minutes = numbers // 100, numbers % 100
    return np.where((hours <= 23) & (minutes <= 59), hours * 3600 + minutes * 60, np.nan)


def latest_allowed_ts(now: float | None = None) -> int:
    """The end of tomorrow in Lima: a later date is a typo, not a report from the future."""
    local_now = int(_time.time() if now is None else now) + LIMA_OFFSET_SECONDS
    return (local_now // DAY + 2) * DAY


def earliest_allowed_ts() -> int:
    return int(days_from_civil(np.array([EARLIEST_YEAR]), np.array([1]), np.array([1]))[0]) * DAY
