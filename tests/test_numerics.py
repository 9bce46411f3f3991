"""analysis.numerics against scipy, the reference implementation (a test-only dependency).

The app does not ship scipy; these tests keep our numpy versions honest on random inputs
and on the edges (empty, one cell, ties, p = 0 or 1, far tails).
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from stationmap.analysis import numerics

scipy = pytest.importorskip("scipy")
from scipy import ndimage, signal, special, stats  # noqa: E402

RNG_SEEDS = range(40)


# -- convolution ---------------------------------------------------------------------------

def test_fast_lengths_are_the_smallest_5_smooth_numbers():
    from scipy.fft import next_fast_len

    for n in range(1, 3000):
        assert numerics.next_fast_length(n) == next_fast_len(n, real=True), n


@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_fft_convolve_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    a = rng.random(tuple(rng.integers(1, 60, 2)))
    b = rng.random(tuple(rng.integers(1, 25, 2)))  # odd and even sides, sometimes larger than a
    for mode in ("full", "same"):
        ours, theirs = numerics.fft_convolve(a, b, mode), signal.fftconvolve(a, b, mode=mode)
        assert ours.shape == theirs.shape
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12 * np.abs(theirs).max())


def test_fft_convolve_edges():
    one = np.array([[2.0]])
    assert numerics.fft_convolve(one, np.array([[3.0]]), "same").tolist() == [[pytest.approx(6.0)]]
    assert numerics.fft_convolve(np.zeros((0, 3)), one).size == signal.fftconvolve(np.zeros((0, 3)), one).size == 0
    line = np.arange(7.0)
    np.testing.assert_allclose(numerics.fft_convolve(line, [1.0, 2.0], "same"),
                               signal.fftconvolve(line, [1.0, 2.0], mode="same"), atol=1e-12)
    # An impulse reproduces the kernel, centred as the density surface needs it.
    impulse = np.zeros((9, 9)); impulse[4, 4] = 1.0
    kernel = np.arange(9.0).reshape(3, 3)
    np.testing.assert_allclose(numerics.fft_convolve(impulse, kernel, "same")[3:6, 3:6], kernel, atol=1e-12)
    with pytest.raises(ValueError):
        numerics.fft_convolve(line, one)
    with pytest.raises(ValueError):
        numerics.fft_convolve(one, one, "valid")


@pytest.mark.parametrize("radius", [0, 1, 2, 3])
def test_box_sum_matches_ndimage_convolve(radius):
    rng = np.random.default_rng(radius)
    for shape in [(1, 1), (1, 9), (7, 1), (4, 5), (60, 45)]:
        values = rng.random(shape) * 10
        window = np.ones((2 * radius + 1,) * 2)
        np.testing.assert_allclose(numerics.box_sum(values, radius),
                                   ndimage.convolve(values, window, mode="constant", cval=0.0),
                                   rtol=1e-13, atol=1e-12)


# -- connected components ------------------------------------------------------------------

def _scipy_label(mask, connectivity):
    return ndimage.label(mask, structure=np.ones((3, 3)) if connectivity == 8 else None)


def _check_label(mask, connectivity):
    labels, count = numerics.label(mask, connectivity)
    expected, expected_count = _scipy_label(mask, connectivity)
    assert count == expected_count
    np.testing.assert_array_equal(labels, expected)  # same numbers, not just the same patches


@pytest.mark.parametrize("seed", RNG_SEEDS)
@pytest.mark.parametrize("connectivity", [4, 8])
def test_label_matches_scipy_numbering(seed, connectivity):
    rng = np.random.default_rng(seed)
    shape = tuple(rng.integers(1, 50, 2))
    _check_label(rng.random(shape) < rng.uniform(0.05, 0.95), connectivity)


@pytest.mark.parametrize("connectivity", [4, 8])
def test_label_edges(connectivity):
    for mask in [np.zeros((0, 0), bool), np.zeros((3, 4), bool), np.ones((3, 4), bool),
                 np.ones((1, 1), bool), np.zeros((1, 1), bool), np.eye(6, dtype=bool),
                 np.indices((8, 8)).sum(axis=0) % 2 == 0]:  # checkerboard: 32 pieces or one
        _check_label(mask, connectivity)
    assert numerics.label(np.eye(4, dtype=bool), connectivity)[1] == (1 if connectivity == 8 else 4)


def test_label_long_snake_needs_many_merges():
    # A serpentine path: the worst case for label propagation, one patch in the end.
    snake = np.zeros((41, 41), bool)
    snake[::2] = True
    snake[1::4, -1] = True
    snake[3::4, 0] = True
    for connectivity in (4, 8):
        _check_label(snake, connectivity)
        assert numerics.label(snake, connectivity)[1] == 1


def test_label_rejects_bad_arguments():
    with pytest.raises(ValueError):
        numerics.label(np.ones((2, 2, 2), bool))
    with pytest.raises(ValueError):
        numerics.label(np.ones((2, 2), bool), connectivity=6)


@pytest.mark.parametrize("seed", range(10))
def test_dilate_matches_binary_dilation(seed):
    rng = np.random.default_rng(seed)
    mask = rng.random(tuple(rng.integers(1, 30, 2))) < 0.2
    np.testing.assert_array_equal(numerics.dilate(mask), ndimage.binary_dilation(mask))


# -- normal tail -----------------------------------------------------------------------------

def _assert_close_in_tail(ours, theirs, rtol):
    normal = np.abs(theirs) > 1e-300  # below that, doubles are subnormal and keep few digits
    np.testing.assert_allclose(ours[normal], theirs[normal], rtol=rtol, atol=0)
    np.testing.assert_allclose(ours[~normal], theirs[~normal], rtol=0, atol=1e-300)


def test_erfc_matches_scipy_to_1e_13_relative():
    rng = np.random.default_rng(0)
    x = np.concatenate([np.linspace(-6, 28, 200_001), rng.uniform(0, 8, 50_000),
                        np.arange(0, 27.5, 0.25), [0.0, -0.0, 1e-300, 26.5, 27.2, 27.3, 40.0, 1e300]])
    _assert_close_in_tail(numerics.erfc(x), special.erfc(x), rtol=1e-13)


def test_erfc_special_values_and_shapes():
    out = numerics.erfc(np.array([np.inf, -np.inf, np.nan, 0.0]))
    assert out[0] == 0.0 and out[1] == 2.0 and np.isnan(out[2]) and out[3] == pytest.approx(1.0, rel=1e-15)
    assert numerics.erfc(np.zeros((2, 3))).shape == (2, 3)
    assert numerics.erfc(np.array([])).shape == (0,)
    assert float(numerics.erfc(1.0)) == pytest.approx(special.erfc(1.0), rel=1e-15)


def test_normal_sf_matches_scipy_far_into_both_tails():
    z = np.concatenate([np.linspace(-40, 40, 80_001), [-1e9, 1e9, 37.5, 38.5]])
    ours, theirs = numerics.normal_sf(z), stats.norm.sf(z)
    _assert_close_in_tail(ours, theirs, rtol=1e-13)
    assert numerics.normal_sf(np.array([np.inf]))[0] == 0.0 and numerics.normal_sf(np.array([-np.inf]))[0] == 1.0
    # Huge z: the p-value is tiny but not rounded to zero where scipy keeps it.
    assert numerics.normal_sf(np.array([30.0]))[0] == pytest.approx(stats.norm.sf(30.0), rel=1e-13)


# -- multiple testing and exact tests ------------------------------------------------------

@pytest.mark.parametrize("seed", RNG_SEEDS)
def test_benjamini_hochberg_matches_false_discovery_control(seed):
    rng = np.random.default_rng(seed)
    p = rng.random(int(rng.integers(2, 500))) ** rng.uniform(1, 8)
    if seed % 2:
        p = np.round(p, 2)  # many ties
    np.testing.assert_allclose(numerics.benjamini_hochberg(p),
                               stats.false_discovery_control(p, method="bh"), rtol=1e-15, atol=0)


def test_benjamini_hochberg_edges():
    for p in [np.array([]), np.array([0.3]), np.array([0.0, 1.0]), np.array([1.0, 1.0, 1.0]),
              np.zeros(5), np.array([0.01, 0.04, 0.03, 0.005])]:
        np.testing.assert_array_equal(numerics.benjamini_hochberg(p), stats.false_discovery_control(p))
    for bad in ([0.1, np.nan], [-0.1, 0.5], [0.5, 1.5]):
        with pytest.raises(ValueError):
            numerics.benjamini_hochberg(np.array(bad))


def _binomial_cases():
    rng = np.random.default_rng(7)
    cases = [(0, 1, 0.5), (1, 1, 0.5), (0, 5, 0.5), (5, 5, 0.5), (4, 9, 0.5), (5, 9, 0.5),
             (3, 10, 0.0), (0, 10, 0.0), (10, 10, 1.0), (7, 10, 1.0), (2, 6, 1 / 3), (4, 12, 1 / 3),
             (12, 40, 1 / 9), (0, 40, 1 / 9), (40, 40, 1 / 9), (1, 2, 0.5), (50, 100, 0.5),
             (300, 2000, 1 / 9), (6000, 65000, 1 / 13), (5000, 65000, 1 / 13)]
    for _ in range(150):
        n = int(rng.integers(1, 400))
        p = float(rng.choice([0.5, 1 / 2, 1 / 3, 1 / 5, 1 / 9, 1 / 13, rng.random()]))
        cases.append((int(rng.integers(0, n + 1)), n, p))
    return cases


def test_binomial_test_matches_scipy_binomtest():
    for k, n, p in _binomial_cases():
        expected = stats.binomtest(k, n, p, alternative="two-sided").pvalue
        ours = numerics.binomial_test(k, n, p)
        # Probabilities come from differences of log(n!), whose round-off grows with n:
        # ~1e-15 · log(n!) relative (2e-13 at n = 400, 7e-11 at n = 65,000).
        tolerance = 1e-14 + 4e-16 * math.lgamma(n + 1)
        assert ours == pytest.approx(expected, rel=tolerance, abs=1e-300), (k, n, p)


def test_binomial_test_rejects_impossible_counts():
    for k, n, p in [(3, 2, 0.5), (-1, 2, 0.5), (1, 0, 0.5), (1, 2, 1.5), (1, 2, -0.1)]:
        with pytest.raises(ValueError):
            numerics.binomial_test(k, n, p)


# -- the application does not need scipy ---------------------------------------------------

@pytest.mark.slow
def test_hot_spots_and_a_plan_run_without_importing_scipy():
    tests = Path(__file__).resolve().parent
    script = f"""
import sys
sys.path.insert(0, {str(tests)!r})
from datetime import date
from shapely.geometry import box
import stationmap
from factories import local_ts, make_incidents
from stationmap.analysis.change import compare_counts
from stationmap.analysis.critical_points import find_critical_points
from stationmap.analysis.density import density_surface
from stationmap.analysis.hotspot_job import HotspotSettings, evaluate, hotspot_cells
from stationmap.planning.plan import UnitsSpec, build_plan
from stationmap.planning.sectors import balanced_sectors

area = box(-79.05, -8.09, -79.01, -8.05)
df = make_incidents(3000, seed=4, start="2026-08-24", days=84, center=(-8.07, -79.03))
end = local_ts("2026-11-16 00:00")
for method in ("conteo", "kde", "gistar"):
    assert hotspot_cells(df, area, HotspotSettings(method=method), end)["features"], method
evaluate(df, area, test_weeks=2)
density_surface(df["lon"], df["lat"])
find_critical_points(df, cell_m=100, limit=5)
compare_counts(30, 120, 8)
sectors = balanced_sectors(area, df["lon"].to_numpy(), df["lat"].to_numpy(), None, 4, cell_m=200)
spec = UnitsSpec(per_shift={{"manana": {{"patrullero": 2}}, "tarde": {{"patrullero": 3}}, "noche": {{"patrullero": 4}}}})
build_plan(df, sectors, spec, date(2026, 11, 16), date(2026, 11, 22), seed=11)
print(sorted(m for m in sys.modules if m == "scipy" or m.startswith("scipy.")))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
