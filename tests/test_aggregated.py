"""SIDPOL-style counts: monthly series and district comparisons on the real Cajamarca export."""

from __future__ import annotations

from conftest import shared_path
from stationmap.analysis.aggregated import compare_month, month_span, monthly_series
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


def test_a_series_over_a_span_has_every_month_a_month_without_counts_as_zero():
    import pandas as pd

    counts = pd.DataFrame({"year": [2020, 2023, 2023], "month": [2, 6, 6], "count": [1.0, 2.0, 3.0],
                           "category": ["Robo", "Robo", "Hurto"]})
    span = month_span(counts)
    assert [str(p) for p in span] == ["2020-02", "2023-06"]
    series = monthly_series(counts, months=span)["count"]
    assert len(series) == 41 and series.sum() == 6 and (series == 0).sum() == 39
    assert str(series.index[1]) == "2020-03" and series.iloc[1] == 0
    # A wider span (the whole table's, for one district's series) reaches past its own months.
    wide = monthly_series(counts[counts["year"] == 2023], months=span)["count"]
    assert len(wide) == 41 and wide.iloc[0] == 0 and wide.iloc[-1] == 5
    by = monthly_series(counts, by="category", months=span)
    assert by.shape == (41, 2) and by.to_numpy().sum() == 6
    assert month_span(counts.iloc[0:0]) is None
