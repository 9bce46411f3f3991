"""Dates and times in the forms police exports use, with answers worked out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from factories import local_ts

from stationmap.io import datetimes as dt


def texts(*values: str) -> pd.Series:
    return pd.Series(list(values), dtype="str")


def test_day_first_is_proved_by_a_first_part_above_twelve():
    parsed = dt.parse_dates(texts("04/01/2019", "24/12/2018"))
    assert parsed.day_first is True and not parsed.ambiguous
    assert parsed.ts.tolist() == [local_ts("2019-01-04 00:00"), local_ts("2018-12-24 00:00")]


def test_month_first_is_proved_by_a_second_part_above_twelve():
    parsed = dt.parse_dates(texts("1/4/2019", "12/24/2018"))
    assert parsed.day_first is False and not parsed.ambiguous
    assert parsed.ts[0] == local_ts("2019-01-04 00:00")


def test_undecided_order_takes_the_mappings_choice_or_peru_and_says_so():
    values = texts("03/04/2026", "05/06/2026")
    assumed = dt.parse_dates(values)
    assert assumed.day_first is True and assumed.ambiguous
    assert assumed.ts[0] == local_ts("2026-04-03 00:00")
    told = dt.parse_dates(values, day_first=False)
    assert told.day_first is False and not told.ambiguous
    assert told.ts[0] == local_ts("2026-03-04 00:00")


def test_iso_with_offset_is_converted_to_lima_time():
    parsed = dt.parse_dates(texts("2019-01-04T10:00:00+00:00", "2019-01-04T10:00:00Z",
                                  "2019-01-04 10:00:00-05:00", "2019-01-04T10:00"))
    assert parsed.ts.tolist() == [local_ts("2019-01-04 05:00"), local_ts("2019-01-04 05:00"),
                                  local_ts("2019-01-04 10:00"), local_ts("2019-01-04 10:00")]
    assert parsed.has_time.all()


def test_excel_origin_text_and_serial_numbers():
    parsed = dt.parse_dates(texts("2019-01-04 00:00:00", "43469"))
    assert parsed.ts.tolist() == [local_ts("2019-01-04 00:00")] * 2


def test_year_month_only_is_month_precision():
    parsed = dt.parse_dates(texts("2016-05", "2016-12"))
    assert parsed.month_only.all()
    assert parsed.ts[0] == local_ts("2016-05-01 00:00")
    assert dt.next_month_start(parsed.ts).tolist() == [local_ts("2016-06-01 00:00"), local_ts("2017-01-01 00:00")]


def test_impossible_unreadable_and_empty_dates_are_told_apart():
    parsed = dt.parse_dates(texts("31/02/2026", "2026-13-01", "29/02/2024", "mañana", ""))
    assert parsed.status.tolist() == [dt.IMPOSSIBLE, dt.IMPOSSIBLE, dt.OK, dt.UNREADABLE, dt.EMPTY]


def test_times_in_every_form():
    parsed = dt.parse_times(texts("19:30", "9:05:07", "9:30 PM", "12:00:00 AM", "12:15 p. m.",
                                  "1899-12-30 19:30:00", "", "25:00", "luego"))
    assert parsed.seconds[:6].tolist() == [70200, 32707, 77400, 0, 44100, 70200]
    assert parsed.status.tolist() == [dt.OK] * 6 + [dt.EMPTY, dt.UNREADABLE, dt.UNREADABLE]


def test_seconds_after_midnight_written_as_floats():
    parsed = dt.parse_times(texts("70200.0", "51780.0", "0.0", "1200.0"))
    assert parsed.seconds.tolist() == [70200, 51780, 0, 1200]  # 19:30, 14:23, 00:00, 00:20


def test_numeric_hhmm_and_day_fractions():
    assert dt.parse_times(texts("1930", "0815", "5")).seconds.tolist() == [70200, 29700, 300]
    assert dt.parse_times(texts("21", "5", "0")).seconds.tolist() == [75600, 18000, 0]   # hours only
    assert dt.parse_times(texts("0.8125", "0.5")).seconds.tolist() == [70200, 43200]


@pytest.mark.parametrize("name, number", [("Enero", 1), ("ene.", 1), ("SETIEMBRE", 9), ("Septiembre", 9),
                                          ("dic", 12), ("March", 3), ("3", 3), ("3.0", 3), ("trece", -1)])
def test_month_names(name, number):
    assert dt.month_numbers(texts(name)).tolist() == [number]


def test_year_month_day_columns_with_floats_and_names():
    parsed = dt.dates_from_parts(texts("2019.0", "2019", "2019"), texts("Enero", "2", "febrero"),
                                 texts("4.0", "30", ""))
    assert parsed.status.tolist() == [dt.OK, dt.IMPOSSIBLE, dt.EMPTY]
    assert parsed.ts[0] == local_ts("2019-01-04 00:00")
    month_only = dt.dates_from_parts(texts("2018"), texts("7"), None)
    assert month_only.month_only.all() and month_only.ts[0] == local_ts("2018-07-01 00:00")


def test_days_from_civil_agrees_with_numpy():
    years = np.array([1901, 1970, 2000, 2024, 2026])
    months = np.array([1, 1, 2, 2, 12])
    days = np.array([1, 1, 29, 29, 31])
    expected = np.array(["1901-01-01", "1970-01-01", "2000-02-29", "2024-02-29", "2026-12-31"],
                        dtype="datetime64[D]").astype(np.int64)
    assert dt.days_from_civil(years, months, days).tolist() == expected.tolist()


def test_dates_with_spanish_month_names():
    parsed = dt.parse_dates(texts("14-nov-2026", "14 de noviembre de 2026", "3/Ene/19 10:30", "5 de Brumario de 2026"))
    assert parsed.ts[:3].tolist() == [local_ts("2026-11-14 00:00"), local_ts("2026-11-14 00:00"),
                                      local_ts("2019-01-03 10:30")]
    assert parsed.has_time.tolist() == [False, False, True, False]
    assert parsed.status.tolist() == [dt.OK, dt.OK, dt.OK, dt.UNREADABLE]
