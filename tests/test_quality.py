"""Data-quality figures on the sample station and on real data."""

from __future__ import annotations

import numpy as np

from factories import local_ts, make_incidents
from stationmap.analysis.quality import quality_report
from stationmap.store.project import Project


def test_hand_made_table_gives_exact_shares():
    df = make_incidents(10)
    df["coord_status"] = ["ok"] * 7 + ["missing"] * 2 + ["outside_area"]
    df["time_known"] = [1] * 6 + [0] * 4
    df["start_ts"] = local_ts("2026-11-16 08:00")
    df["end_ts"] = [local_ts("2026-11-16 08:00")] * 5 + [local_ts("2026-11-16 20:00")] + [local_ts("2026-11-16 08:00")] * 4
    df["category"] = ["Robo"] * 9 + ["No especificado"]
    report = quality_report(df, sector=np.array([0, 1, 2, -1, 0, 0, 0, -1, -1, 3]))
    assert report.shares == {"with_coordinates": 80.0, "known_time": 60.0, "long_window": 10.0,
                             "unspecified": 10.0, "with_sector": 70.0}
    assert len(report.weekly) == 1 and report.weekly.iloc[0]["incidentes"] == 10
    assert str(report.weekly.index[0]) == "2026-11-16"  # weeks start on Monday


def test_sample_station_quality_matches_its_import_history(sample_project_file):
    with Project.open(sample_project_file) as project:
        incidents, imports, rejections = project.incidents(), project.imports(), project.rejections()
    report = quality_report(incidents, imports=imports, rejections=rejections)
    assert report.rows_rejected == len(rejections) == sum(report.rejected_by_reason.values()) > 0
    assert report.duplicates_found == int(imports["duplicates"].sum()) > 0  # the overlapping XLSX
    # The sample was made with ~8 % unknown times and ~4 % without coordinates.
    assert 85 < report.shares["known_time"] < 97
    assert 90 < report.shares["with_coordinates"] < 99
    assert report.weekly["incidentes"].sum() == len(incidents)
    assert len(report.weekly) >= 50


def test_a_period_gives_that_periods_shares_and_keeps_the_weekly_table_whole():
    df = make_incidents(10)
    df["coord_status"] = ["ok"] * 4 + ["missing"] * 1 + ["ok"] * 5
    df["time_known"] = [1] * 3 + [0] * 2 + [1] * 5
    df["start_ts"] = [local_ts("2026-11-16 08:00")] * 5 + [local_ts("2026-11-09 08:00")] * 5
    df["end_ts"] = df["start_ts"]
    period = np.array([True] * 5 + [False] * 5)
    report = quality_report(df, period=period)
    assert report.incidents == 5 and report.period_only
    assert report.shares["with_coordinates"] == 80.0 and report.shares["known_time"] == 60.0
    # The weekly table still covers every week, and the period's row says what the shares say.
    assert list(report.weekly["incidentes"]) == [5, 5]
    assert report.weekly.loc[report.weekly.index[-1], "with_coordinates"] == 80.0
    assert not quality_report(df).period_only and quality_report(df).incidents == 10
