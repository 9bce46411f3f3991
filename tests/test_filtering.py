"""The shared filter applied to incident tables."""

from __future__ import annotations

from datetime import date

import numpy as np

from factories import local_ts, make_incidents
from stationmap.analysis.filtering import filter_mask
from stationmap.core.filters import IncidentFilter


def test_date_range_is_inclusive_of_both_days():
    df = make_incidents(5)
    df["start_ts"] = [local_ts(t) for t in ("2026-11-09 00:00", "2026-11-10 23:59",
                                           "2026-11-11 00:00", "2026-11-08 23:59", "2026-11-10 12:00")]
    mask = filter_mask(df, IncidentFilter(date_from=date(2026, 11, 9), date_to=date(2026, 11, 10)))
    assert mask.tolist() == [True, True, False, False, True]


def test_categories_text_and_ids_combine():
    df = make_incidents(2000, seed=3)
    flt = IncidentFilter(categories=frozenset({"Robo"}), text="prueba 7", ids=frozenset(range(1, 1001)))
    mask = filter_mask(df, flt)
    expected = ((df["category"] == "Robo") & df["address"].str.lower().str.contains("prueba 7")
                & (df["id"] <= 1000)).to_numpy()
    assert mask.sum() > 0
    np.testing.assert_array_equal(mask, expected)
    # A view skipping its own selection sees every id again.
    assert filter_mask(df, flt, skip_ids=True).sum() > mask.sum()


def test_empty_filter_keeps_everything():
    df = make_incidents(100)
    assert filter_mask(df, IncidentFilter()).all()
    assert IncidentFilter().is_empty
