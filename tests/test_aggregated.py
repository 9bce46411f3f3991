"""SIDPOL-style counts: monthly series and district comparisons on the real Cajamarca export."""

from __future__ import annotations

from conftest import shared_path
from stationmap.analysis.aggregated import compare_month, monthly_series
from stationmap.io.normalize import normalize
from stationmap.io.readers import read_table


def _cajamarca():
    raw = read_table(shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv"))
    return normalize(raw).table


def test_monthly_totals_add_up_to_the_published_sum():
    counts = _cajamarca()
    series = monthly_series(counts)
    assert int(series["count"].sum()) == 171_501  # PROVENANCE.md: the sum of CANTIDAD
    assert str(series.index[0]) == "2018-01"
    by_category = monthly_series(counts, by="category")
    assert int(by_category.to_numpy().sum()) == 171_501


def test_district_comparison_for_a_month():
    counts = _cajamarca()
    changes = compare_month(counts, 2024, 6)
    cajamarca = next(c for c in changes if c.ubigeo == "060101")  # Cajamarca district, padded
    june = counts[(counts["year"] == 2024) & (counts["month"] == 6) & (counts["ubigeo"] == "060101")]["count"].sum()
    assert cajamarca.current == june and cajamarca.district == "CAJAMARCA"
    assert cajamarca.vs_previous is not None and cajamarca.vs_last_year is not None
    assert changes[0].current >= changes[-1].current
    # January 2018 is the first month of the export: nothing to compare with.
    first = compare_month(counts, 2018, 1)
    assert all(c.vs_previous is None and c.vs_last_year is None for c in first)
