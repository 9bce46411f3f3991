"""Shifts, shift totals, the weekly trend, and the exported tables."""

from __future__ import annotations

import csv
from datetime import date

import numpy as np
import pytest
from factories import local_ts, make_incidents
from openpyxl import load_workbook
from test_temporal import incidents

from stationmap.analysis.temporal import TemporalIndex, hour_weekday_matrix
from stationmap.analysis.temporal_series import shift_totals, weekly_trend
from stationmap.analysis.temporal_tables import matrix_table, shift_table, trend_table
from stationmap.core.errors import StationMapError
from stationmap.core.shifts import DEFAULT_SHIFTS, Shift, ShiftPlan, two_by_twelve
from stationmap.io.table_export import export_table

MON, TUE, FRI, SAT, SUN = 0, 1, 4, 5, 6
MANANA, TARDE, NOCHE = 0, 1, 2


def test_default_shifts_are_three_by_eight_from_six():
    assert [(s.key, s.start_hour, s.end_hour) for s in DEFAULT_SHIFTS.shifts] == [
        ("manana", 6, 14), ("tarde", 14, 22), ("noche", 22, 6)]
    assert DEFAULT_SHIFTS.boundaries == [6, 14, 22]
    assert two_by_twelve(7).boundaries == [7, 19]


def test_shifts_that_leave_hours_uncovered_are_refused():
    with pytest.raises(StationMapError) as error:
        ShiftPlan((Shift("dia", 6, 12), Shift("noche", 20, 8)))
    assert error.value.code == "temporal.shifts.not_covering"


def test_night_hours_after_midnight_belong_to_the_night_that_started_the_day_before():
    frame = incidents(("2026-11-20 23:00", None),   # Fri 23h: Friday night
                      ("2026-11-21 03:00", None),   # Sat 03h: still Friday night
                      ("2026-11-21 06:00", None),   # Sat 06h: Saturday morning
                      ("2026-11-16 02:00", None),   # Mon 02h: Sunday night (wraps the week)
                      ("2026-11-17 13:30", "2026-11-17 14:30"))  # half mañana, half tarde
    totals = shift_totals(hour_weekday_matrix(frame))
    want = np.zeros((3, 7))
    want[NOCHE, FRI] = 2
    want[MANANA, SAT] = 1
    want[NOCHE, SUN] = 1
    want[MANANA, TUE] = want[TARDE, TUE] = 0.5
    np.testing.assert_allclose(totals, want)


def test_two_by_twelve_totals_keep_the_grand_total():
    summary = hour_weekday_matrix(make_incidents(500, seed=1))
    totals = shift_totals(summary, two_by_twelve())
    assert totals.shape == (2, 7)
    assert totals.sum() == pytest.approx(500)


def test_weekly_trend_counts_the_period_and_its_references_by_date():
    frame = incidents(
        ("2026-11-02 10:00", None), ("2026-11-08 23:00", None),   # week of 02/11
        ("2026-11-10 00:00", None),                               # week of 09/11, time unknown
        ("2026-10-27 12:00", None),                               # previous period, 2nd week
        ("2025-11-03 12:00", None),                               # 52 weeks before 02/11
        ("2026-11-16 12:00", None),                               # after the period
        known=[1, 1, 0, 1, 1, 1])
    trend = weekly_trend(TemporalIndex(frame), date(2026, 11, 2), date(2026, 11, 15))
    assert trend.week_starts == [date(2026, 11, 2), date(2026, 11, 9)]
    np.testing.assert_array_equal(trend.current, [2, 1])
    np.testing.assert_array_equal(trend.previous, [0, 1])
    np.testing.assert_array_equal(trend.last_year, [1, 0])
    mask = np.array([True, False, True, True, True, True])
    masked = weekly_trend(TemporalIndex(frame), date(2026, 11, 2), date(2026, 11, 15), mask=mask)
    np.testing.assert_array_equal(masked.current, [1, 1])


def test_reference_weeks_before_the_first_incident_are_unknown_not_zero():
    """A project whose log starts in January has no "last year": drawn as 0 it reads as no crime."""
    frame = incidents(("2026-01-05 10:00", None), ("2026-01-20 10:00", None), ("2026-03-03 10:00", None),
                      known=[1, 1, 1])
    trend = weekly_trend(TemporalIndex(frame), date(2026, 1, 26), date(2026, 2, 22))   # four weeks
    assert np.isnan(trend.last_year).all()
    # The previous four weeks run from 29/12/2025: the first holds days before the log, the rest do not.
    assert np.isnan(trend.previous[0]) and trend.previous[1:].tolist() == [1, 0, 1]
    table = trend_table(trend)
    assert table.iloc[:, 4].isna().all() and table.iloc[:, 3].notna().sum() == 3


def test_incidents_known_only_to_the_month_spread_over_its_days_not_onto_its_first(tmp_path):
    """UK street-level data (a month per crime): weeks inside one month get equal shares of it."""
    from conftest import shared_path
    from stationmap.store import import_job
    from stationmap.store.project import Project

    folder = shared_path("data", "uk-police-city-of-london-street-2016-2017")
    files = [folder / "2016-01-city-of-london-street.csv", folder / "2016-02-city-of-london-street.csv"]
    import_job.run(import_job.ImportRequest(tmp_path / "londres.stationmap", files))
    with Project.open(tmp_path / "londres.stationmap") as project:
        frame = project.incidents()
    assert set(frame["date_precision"]) == {"month"}
    index = TemporalIndex(frame)
    daily = index.daily_counts()
    assert daily.sum() == pytest.approx(len(frame))
    january = int((frame["start_ts"] < local_ts("2016-02-01 00:00")).sum())
    assert daily[:31] == pytest.approx(np.full(31, january / 31))      # every January day the same share
    # Mondays 4, 11, 18 Jan: whole January weeks, each 7/31 of the month; not 0, 0, 0 after a spike.
    trend = weekly_trend(index, date(2016, 1, 4), date(2016, 1, 24))
    assert trend.current == pytest.approx(np.full(3, january * 7 / 31))


def test_weekly_trend_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(StationMapError) as error:
        weekly_trend(TemporalIndex(make_incidents(3)), date(2026, 11, 9), date(2026, 11, 2))
    assert error.value.code == "temporal.period.empty"


def test_tables_export_to_csv_and_xlsx_with_spanish_headers(tmp_path):
    frame = incidents(("2026-11-16 08:00", "2026-11-16 16:00"), ("2026-11-22 22:30", None))
    summary = hour_weekday_matrix(frame)
    table = matrix_table(summary, language="es")
    csv_path = export_table(table, tmp_path / "matriz.csv")
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM so Excel reads UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["Día", "00", "01"] and rows[0][-1] == "Total"
    assert rows[1][0] == "lun" and float(rows[1][9]) == pytest.approx(0.12, abs=0.01)
    assert rows[8][0] == "Total" and float(rows[8][-1]) == pytest.approx(2.0)

    xlsx_path = export_table(shift_table(summary, language="es"), tmp_path / "turnos.xlsx", "Turnos")
    sheet = load_workbook(xlsx_path).active
    assert sheet.title == "Turnos"
    assert [c.value for c in sheet[1]][:3] == ["Turno", "lun", "mar"]
    assert sheet["A4"].value == "Noche 22–06" and sheet["H4"].value == pytest.approx(1.0)
    assert matrix_table(summary, language="en").columns[0] == "Day"


def test_trend_table_and_bad_export_suffix(tmp_path):
    frame = make_incidents(50, seed=2)
    start = date(2026, 9, 1)
    trend = weekly_trend(TemporalIndex(frame), start, date(2026, 9, 30))
    table = trend_table(trend, language="es")
    assert table["Semana"].iloc[0] == "2026-S36" and table["Lunes"].iloc[0] == "31/08/2026"
    in_september = (frame["start_ts"] < local_ts("2026-10-01 00:00")).sum()
    assert table["Periodo elegido"].sum() == in_september
    with pytest.raises(StationMapError) as error:
        export_table(table, tmp_path / "tabla.pdf")
    assert error.value.code == "table_export.format"
    with pytest.raises(StationMapError) as missing_dir:
        export_table(table, tmp_path / "no" / "such" / "tabla.csv")
    assert missing_dir.value.code == "table_export.write_failed"
