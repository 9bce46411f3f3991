"""Aoristic hour x weekday weights against hand-worked cases and a slow reference."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from factories import local_ts, make_incidents

from stationmap.analysis.temporal import TemporalIndex, hour_weekday_matrix
from stationmap.core.errors import StationMapError

MON, TUE, WED, SUN = 0, 1, 2, 6
# 2026-11-16 is a Monday.
DAY = {MON: "2026-11-16", TUE: "2026-11-17", WED: "2026-11-18", SUN: "2026-11-22"}


def incidents(*windows: tuple[str | None, str | None], known: list[int] | None = None) -> pd.DataFrame:
    """One incident per (start, end) text pair; None = missing."""
    frame = make_incidents(len(windows))
    frame["start_ts"] = pd.array([local_ts(s) if s else None for s, _ in windows], dtype="Int64")
    frame["end_ts"] = pd.array([local_ts(e) if e else None for _, e in windows], dtype="Int64")
    if known is not None:
        frame["time_known"] = known
    return frame


def expected(*cells: tuple[int, int, float]) -> np.ndarray:
    matrix = np.zeros((7, 24))
    for weekday, hour, value in cells:
        matrix[weekday, hour] += value
    return matrix


def test_eight_hour_window_gives_one_eighth_to_each_hour():
    summary = hour_weekday_matrix(incidents(("2026-11-16 08:00", "2026-11-16 16:00")))
    np.testing.assert_allclose(summary.matrix, expected(*[(MON, h, 1 / 8) for h in range(8, 16)]))
    assert summary.n_long_window == 0  # exactly 8 h is not "longer than 8 h"


def test_window_across_an_hour_boundary_splits_by_time_spent():
    summary = hour_weekday_matrix(incidents(("2026-11-16 21:30", "2026-11-16 22:30"),
                                            ("2026-11-16 10:45", "2026-11-16 11:45")))
    np.testing.assert_allclose(summary.matrix, expected(
        (MON, 21, 0.5), (MON, 22, 0.5), (MON, 10, 0.25), (MON, 11, 0.75)))


def test_window_across_midnight_goes_to_both_days():
    summary = hour_weekday_matrix(incidents(("2026-11-17 23:00", "2026-11-18 01:00")))
    np.testing.assert_allclose(summary.matrix, expected((TUE, 23, 0.5), (WED, 0, 0.5)))


def test_window_across_sunday_into_monday_wraps_the_week():
    summary = hour_weekday_matrix(incidents(("2026-11-22 22:30", "2026-11-23 01:30")))
    np.testing.assert_allclose(summary.matrix, expected(
        (SUN, 22, 1 / 6), (SUN, 23, 1 / 3), (MON, 0, 1 / 3), (MON, 1, 1 / 6)))


def test_zero_length_and_missing_end_go_to_one_cell():
    summary = hour_weekday_matrix(incidents(("2026-11-18 10:15", "2026-11-18 10:15"),
                                            ("2026-11-18 10:59", None)))
    np.testing.assert_allclose(summary.matrix, expected((WED, 10, 2.0)))


def test_end_before_start_is_read_as_an_exact_time():
    summary = hour_weekday_matrix(incidents(("2026-11-18 10:15", "2026-11-18 09:00")))
    np.testing.assert_allclose(summary.matrix, expected((WED, 10, 1.0)))


def test_window_of_exactly_a_week_spreads_evenly_over_all_168_hours():
    summary = hour_weekday_matrix(incidents(("2026-11-18 13:20", "2026-11-25 13:20")))
    np.testing.assert_allclose(summary.matrix, np.full((7, 24), 1 / 168))
    assert summary.n_long_window == 1


def test_window_over_two_weeks_adds_its_remainder_on_top_of_the_even_spread():
    # Mon 08:00 + 2 weeks + 3 h: every hour gets 2 h of 339, Mon 08-10 one hour more.
    summary = hour_weekday_matrix(incidents(("2026-11-16 08:00", "2026-11-30 11:00")))
    want = np.full((7, 24), 2 / 339) + expected(*[(MON, h, 1 / 339) for h in (8, 9, 10)])
    np.testing.assert_allclose(summary.matrix, want)


def test_unknown_times_stay_out_of_the_matrix_and_are_counted():
    # 00:00 placeholders marked time_known=0 by the importer, and a missing date.
    frame = incidents(("2026-11-16 00:00", "2026-11-16 00:00"), ("2026-11-17 00:00", None),
                      (None, None), ("2026-11-18 00:00", "2026-11-18 00:00"),
                      known=[0, 0, 1, 1])
    summary = hour_weekday_matrix(frame)
    np.testing.assert_allclose(summary.matrix, expected((WED, 0, 1.0)))
    assert (summary.n_total, summary.n_unknown_time) == (4, 3)
    assert summary.share(summary.n_unknown_time) == pytest.approx(75.0)


def test_start_and_midpoint_methods_put_the_whole_incident_in_one_cell():
    frame = incidents(("2026-11-16 08:00", "2026-11-16 16:00"), ("2026-11-22 22:30", "2026-11-23 01:30"))
    start = hour_weekday_matrix(frame, method="start")
    midpoint = hour_weekday_matrix(frame, method="midpoint")
    np.testing.assert_allclose(start.matrix, expected((MON, 8, 1), (SUN, 22, 1)))
    np.testing.assert_allclose(midpoint.matrix, expected((MON, 12, 1), (MON, 0, 1)))


def test_mask_and_weights_select_and_scale_incidents():
    frame = incidents(("2026-11-16 08:00", "2026-11-16 10:00"), ("2026-11-16 08:00", "2026-11-16 20:00"),
                      ("2026-11-17 05:00", None))
    mask = np.array([True, True, False])
    summary = hour_weekday_matrix(frame, mask=mask, weights=np.array([2.0, 12.0, 5.0]))
    np.testing.assert_allclose(summary.matrix, expected(
        (MON, 8, 1), (MON, 9, 1), *[(MON, h, 1) for h in range(8, 20)]))
    assert (summary.n_total, summary.n_long_window, summary.n_unknown_time) == (2, 1, 0)
    np.testing.assert_allclose(summary.row_totals, [14, 0, 0, 0, 0, 0, 0])
    assert summary.column_totals[8] == pytest.approx(2.0)


def test_bad_method_and_weights_raise_coded_errors():
    frame = incidents(("2026-11-16 08:00", None))
    with pytest.raises(StationMapError) as bad_method:
        hour_weekday_matrix(frame, method="noon")
    assert bad_method.value.code == "temporal.method.unknown"
    with pytest.raises(StationMapError) as bad_weights:
        hour_weekday_matrix(frame, weights=np.ones(3))
    assert bad_weights.value.code == "temporal.weights.length"


def _reference_matrix(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Slow, obvious aoristic: walk each window hour by hour."""
    matrix = np.zeros(168)
    for s, e in zip(starts.tolist(), ends.tolist()):
        if e <= s:
            matrix[((s // 3600) + 72) % 168] += 1
            continue
        hour = s // 3600
        while hour * 3600 < e:
            overlap = min(e, (hour + 1) * 3600) - max(s, hour * 3600)
            matrix[(hour + 72) % 168] += overlap / (e - s)
            hour += 1
    return matrix.reshape(7, 24)


def test_random_windows_match_the_hour_by_hour_reference():
    rng = np.random.default_rng(7)
    frame = make_incidents(400, seed=7)
    lengths = rng.choice([0, 1, 59, 3600, 5400, 8 * 3600 + 1, 30 * 3600, 9 * 86_400], 400)
    frame["end_ts"] = frame["start_ts"] + lengths
    index = TemporalIndex(frame)
    summary = index.summary()
    reference = _reference_matrix(frame["start_ts"].to_numpy(), frame["end_ts"].to_numpy())
    np.testing.assert_allclose(summary.matrix, reference, atol=1e-9)
    assert summary.total == pytest.approx(400)
    assert summary.n_long_window == int((lengths > 8 * 3600).sum())
    half = np.arange(400) % 2 == 0
    np.testing.assert_allclose(index.summary(half).matrix, _reference_matrix(
        frame["start_ts"].to_numpy()[half], frame["end_ts"].to_numpy()[half]), atol=1e-9)
