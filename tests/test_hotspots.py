"""Hot-spot grid, Gi* and PAI evaluation against answers worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from stationmap.analysis.evaluation import (BacktestInput, default_methods,
                                            pai_and_hit_rate, rolling_backtest, summarise)
from stationmap.analysis.grid import Grid, default_cell_size, to_lonlat, to_metres, utm_epsg_for
from stationmap.analysis.hotspots import getis_ord_gi_star, recency_weights, top_patches

WEEK = 7 * 86_400


@pytest.mark.parametrize("lon, epsg", [(-79.03, 32717), (-77.03, 32718), (-71.97, 32719)])
def test_utm_zone_of_peruvian_cities(lon, epsg):
    # Trujillo, Lima, Cusco.
    assert utm_epsg_for(lon) == epsg


def test_projection_round_trip_is_sub_centimetre():
    lon = np.array([-79.03, -79.01]); lat = np.array([-8.07, -8.05])
    x, y = to_metres(lon, lat, 32717)
    back_lon, back_lat = to_lonlat(x, y, 32717)
    assert np.allclose(back_lon, lon, atol=1e-9) and np.allclose(back_lat, lat, atol=1e-9)
    # ~0.02 degrees of latitude is ~2.2 km on the ground.
    assert 2200 < y[1] - y[0] < 2230


def test_hand_placed_points_land_in_expected_cells():
    grid = Grid(epsg=32717, x0=0.0, y0=0.0, cell_m=100.0, nx=3, ny=2)
    x = np.array([10, 99.9, 100, 250, 299, 50, -1, 301])
    y = np.array([10, 10, 10, 150, 199, 120, 50, 50])
    counts = grid.counts(x, y)
    assert counts.tolist() == [[2, 1, 0], [1, 0, 2]]  # the two off-grid points are not counted
    weighted = grid.counts(x, y, weights=np.arange(1, 9))
    assert weighted[0, 0] == 1 + 2 and weighted[1, 2] == 4 + 5


def test_default_cell_size_stays_in_micro_place_range():
    assert default_cell_size(25e6) == 100.0     # 5 km x 5 km station area
    assert default_cell_size(1e4) == 50.0       # tiny area -> floor
    assert default_cell_size(1e10) == 250.0     # huge area -> cap


def test_gi_star_flags_a_planted_cluster_and_not_uniform_noise():
    rng = np.random.default_rng(7)
    noise = rng.poisson(2.0, size=(40, 40)).astype(float)
    quiet = getis_ord_gi_star(noise)
    assert quiet.hot.sum() <= 2  # FDR keeps false alarms near zero on pure noise

    planted = noise.copy()
    planted[20:23, 10:13] += 12
    result = getis_ord_gi_star(planted)
    assert result.hot[21, 11]
    assert result.hot[20:23, 10:13].sum() >= 8
    assert result.hot.sum() - result.hot[19:24, 9:14].sum() <= 2  # flagged cells sit on the cluster
    patches = top_patches(planted, result.hot)
    assert 20 <= patches[0].peak_cell[0] <= 22 and 10 <= patches[0].peak_cell[1] <= 12


def test_gi_star_ignores_cells_outside_the_study_area():
    values = np.zeros((10, 10)); values[0, 0] = 50
    study = np.ones((10, 10), dtype=bool); study[:2, :2] = False
    result = getis_ord_gi_star(values, study)
    assert np.isnan(result.z[0, 0]) and not result.hot[:2, :2].any()


def test_pai_of_a_perfect_forecast_and_of_a_random_one():
    rng = np.random.default_rng(1)
    study = np.ones((50, 50), dtype=bool)
    test = np.zeros((50, 50)); test[5, 5] = 30; test[40, 12] = 10   # all crime in 2 of 2,500 cells
    perfect = pai_and_hit_rate(test, test, study, shares=(0.01,))
    hit, pai = perfect[0.01]
    assert hit == 1.0 and pai == pytest.approx(100.0)  # all crime in 1 % of the area
    test_uniform = rng.poisson(1.0, size=(50, 50)).astype(float)
    pais = [pai_and_hit_rate(rng.random((50, 50)), test_uniform, study, shares=(0.10,),
                             rng=np.random.default_rng(s))[0.10][1] for s in range(30)]
    assert 0.85 < np.mean(pais) < 1.15  # a random map captures crime in proportion to area


def test_ties_are_broken_at_random_not_by_position():
    study = np.ones((10, 10), dtype=bool)
    flat_score = np.zeros((10, 10))
    test = np.zeros((10, 10)); test[0, 0] = 1  # the first cell in scan order
    hits = [pai_and_hit_rate(flat_score, test, study, shares=(0.01,), rng=np.random.default_rng(s))[0.01][0]
            for s in range(200)]
    assert 0 < np.mean(hits) < 0.05  # a fixed order would hit it every time


def test_rolling_backtest_fits_only_on_the_past_and_prefers_stable_places():
    rng = np.random.default_rng(3)
    grid = Grid(epsg=32717, x0=0, y0=0, cell_m=100, nx=30, ny=30)
    study = np.ones(grid.shape, dtype=bool)
    weeks = 30
    hot = np.array([[450, 450], [1250, 2150], [2550, 850]])
    xs, ys, ts = [], [], []
    for w in range(weeks):
        for _ in range(20):  # 20 incidents a week, 70 % at three stable hot places
            if rng.random() < 0.7:
                cx, cy = hot[rng.integers(3)] + rng.normal(0, 30, 2)
            else:
                cx, cy = rng.uniform(0, 3000, 2)
            xs.append(cx); ys.append(cy); ts.append(w * WEEK + rng.integers(0, WEEK))
    x, y, t = np.array(xs), np.array(ys), np.array(ts, dtype=float)
    seen_max = []

    def spying(grid_, x_, y_, ts_, w_, now):
        seen_max.append(ts_.max() < now)
        return grid_.counts(x_, y_)

    methods = {**default_methods(), "spy": spying}
    test_weeks = [w * WEEK for w in range(20, weeks)]
    result = rolling_backtest(BacktestInput(grid, study, x, y, t, np.ones(len(x)), test_weeks, methods))
    assert all(seen_max) and len(seen_max) == len(test_weeks)
    assert len(result) == len(test_weeks) * len(methods) * 3
    table = summarise(result)
    at_1pct = table[table["share"] == 0.01].set_index("method")
    assert at_1pct.loc["counts_all", "pai"] > 20  # stable places are very predictable
    assert (table["hit_rate"] <= 1).all()


def test_recency_weights_halve_every_half_life():
    w = recency_weights(np.array([10 * WEEK, 6 * WEEK, 2 * WEEK]), 10 * WEEK, 4)
    assert w.tolist() == pytest.approx([1.0, 0.5, 0.25])


def test_kde_scorer_spreads_mass_without_losing_it_and_guards_the_bandwidth():
    from stationmap.analysis.evaluation import kde_scorer
    from stationmap.core.errors import StationMapError

    grid = Grid(epsg=32717, x0=0, y0=0, cell_m=50, nx=60, ny=60)
    x = np.full(10, 1525.0); y = np.full(10, 1525.0)
    ts = np.zeros(10); w = np.ones(10)
    score = kde_scorer(200)(grid, x, y, ts, w, 1.0)
    assert score.sum() == pytest.approx(10.0, rel=1e-9)
    assert np.unravel_index(score.argmax(), score.shape) == (30, 30)
    assert (score > 0).sum() > 20  # spread over the neighbouring cells
    with pytest.raises(StationMapError) as err:
        kde_scorer(30)(grid, x, y, ts, w, 1.0)  # bandwidth below the 50 m cell: nothing to smooth
    assert err.value.code == "density.bandwidth_below_cell"
