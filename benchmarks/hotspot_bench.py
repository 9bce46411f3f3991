"""Benchmark: hot-spot density and sector assignment at station scale and beyond.

Figures, all measured in the same run:
- KDE of N points (default 1,000,000) onto a 500 x 500 grid (quartic, 250 m bandwidth, 40 m cells
  over a 20 km square), as a ratio to `numpy.histogram2d` of the same points on the same grid
  (target ratio <= 20); the ratio includes projecting lon/lat to UTM, which histogram2d does not do;
- Gaussian KDE of 10,000 points on the same grid against `scipy.stats.gaussian_kde` with the same
  isotropic bandwidth: the speed-up, and the largest difference relative to the peak;
- assignment of N points to 30 sectors (rows/s);
- the numpy routines of `stationmap.analysis.numerics` against the scipy functions they replaced
  (scipy is a test/benchmark-only dependency), on this 500 x 500 grid: time ratio ours / scipy.

Run: .venv/bin/python benchmarks/hotspot_bench.py [--n 1000000]
The last printed line is one JSON object; "ratio" is the KDE / histogram2d ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from shapely.geometry import box

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import best_of, print_result  # noqa: E402

from stationmap.analysis import numerics  # noqa: E402
from stationmap.analysis.density import density_surface, kernel_cells  # noqa: E402
from stationmap.analysis.grid import to_lonlat  # noqa: E402
from stationmap.planning.sectors import assign_sectors, grid_sectors  # noqa: E402

EPSG = 32717
ORIGIN = (715_000.0, 9_100_000.0)   # UTM 17S metres, Trujillo
SIDE_M = 20_000.0
CELL_M = 40.0
BANDWIDTH_M = 250.0


def points(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Clustered points in metres (hot places over background), then as lon/lat."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(2_000, SIDE_M - 2_000, (40, 2))
    which = rng.integers(0, 40, n)
    clustered = rng.random(n) < 0.6
    x = np.where(clustered, centres[which, 0] + rng.normal(0, 300, n), rng.uniform(0, SIDE_M, n))
    y = np.where(clustered, centres[which, 1] + rng.normal(0, 300, n), rng.uniform(0, SIDE_M, n))
    x, y = np.clip(x, 1, SIDE_M - 1) + ORIGIN[0], np.clip(y, 1, SIDE_M - 1) + ORIGIN[1]
    return to_lonlat(x, y, EPSG)


def grid_bounds() -> tuple[float, float, float, float]:
    """A lon/lat box whose UTM image the density grid snaps to ~500 x 500 cells."""
    lon, lat = to_lonlat(np.array([ORIGIN[0], ORIGIN[0] + SIDE_M]), np.array([ORIGIN[1], ORIGIN[1] + SIDE_M]), EPSG)
    return float(lon[0]), float(lat[0]), float(lon[1]), float(lat[1])


def scipy_reference(lon, lat, surface) -> tuple[float, np.ndarray]:
    from scipy.stats import gaussian_kde

    from stationmap.analysis.grid import to_metres

    x, y = to_metres(lon, lat, EPSG)

    class Isotropic(gaussian_kde):
        # gaussian_kde scales its kernel by the data's covariance; ours is round, in metres.
        def _compute_covariance(self):
            self.factor = 1.0
            self.covariance = np.eye(2) * BANDWIDTH_M ** 2
            self._data_cho_cov = self.cho_cov = np.linalg.cholesky(self.covariance)
            self.log_det = 2 * np.log(np.diag(self.cho_cov)).sum()

    west, south, east, north = surface.bounds_utm
    rows, cols = surface.grid.shape
    cx = west + (np.arange(cols) + 0.5) * surface.cell_m
    cy = north - (np.arange(rows) + 0.5) * surface.cell_m
    gx, gy = np.meshgrid(cx, cy)
    start = time.perf_counter()
    values = Isotropic(np.vstack([x, y]))(np.vstack([gx.ravel(), gy.ravel()])).reshape(rows, cols)
    seconds = time.perf_counter() - start
    return seconds, values * len(x) * 1e6  # per km², like ours


def numerics_vs_scipy(counts: np.ndarray) -> dict[str, float]:
    """Time ratio (ours / scipy) of each replaced scipy call on a station-sized grid."""
    from scipy import ndimage, signal, stats

    from stationmap.analysis.hotspots import getis_ord_gi_star

    gi = getis_ord_gi_star(counts)
    z = np.abs(gi.z[np.isfinite(gi.z)])
    p = 2.0 * stats.norm.sf(z)
    quartic, gaussian = kernel_cells(CELL_M, BANDWIDTH_M, "quartic"), kernel_cells(CELL_M, BANDWIDTH_M, "gaussian")
    window = np.ones((3, 3))
    pairs = {
        "fftconvolve_quartic": (lambda: numerics.fft_convolve(counts, quartic, "same"),
                                lambda: signal.fftconvolve(counts, quartic, mode="same")),
        "fftconvolve_gaussian": (lambda: numerics.fft_convolve(counts, gaussian, "same"),
                                 lambda: signal.fftconvolve(counts, gaussian, mode="same")),
        "box_sum_r1": (lambda: numerics.box_sum(counts, 1),
                       lambda: ndimage.convolve(counts, window, mode="constant")),
        "normal_sf": (lambda: numerics.normal_sf(z), lambda: stats.norm.sf(z)),
        "benjamini_hochberg": (lambda: numerics.benjamini_hochberg(p),
                               lambda: stats.false_discovery_control(p, method="bh")),
        "label_8_hot_cells": (lambda: numerics.label(gi.hot, 8),
                              lambda: ndimage.label(gi.hot, structure=window)),
        "binomial_test": (lambda: numerics.binomial_test(40, 300, 1 / 9),
                          lambda: stats.binomtest(40, 300, 1 / 9).pvalue),
    }
    ratios = {}
    for name, (ours, theirs) in pairs.items():
        ours_s, theirs_s = best_of(5, ours), best_of(5, theirs)
        ratios[name] = round(ours_s / theirs_s, 2)
        print(f"{name}: ours {1e3 * ours_s:.2f} ms, scipy {1e3 * theirs_s:.2f} ms (x{ours_s / theirs_s:.2f})")
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    args = parser.parse_args()
    bounds = grid_bounds()
    lon, lat = points(args.n)
    kde = best_of(3, lambda: density_surface(lon, lat, cell_m=CELL_M, bandwidth_m=BANDWIDTH_M, bounds=bounds))
    surface = density_surface(lon, lat, cell_m=CELL_M, bandwidth_m=BANDWIDTH_M, bounds=bounds)
    hist = best_of(3, lambda: np.histogram2d(lat, lon, bins=surface.grid.shape))
    print(f"KDE {args.n:,} points onto {surface.grid.shape}: {kde:.3f} s; histogram2d {hist:.3f} s; "
          f"ratio {kde / hist:.1f}")

    small_lon, small_lat = lon[:10_000], lat[:10_000]
    ours_s = best_of(3, lambda: density_surface(small_lon, small_lat, cell_m=CELL_M, bandwidth_m=BANDWIDTH_M,
                                                kernel="gaussian", bounds=bounds))
    ours = density_surface(small_lon, small_lat, cell_m=CELL_M, bandwidth_m=BANDWIDTH_M, kernel="gaussian",
                           bounds=bounds)
    scipy_s, reference = scipy_reference(small_lon, small_lat, ours)
    max_diff = float(np.abs(ours.grid - reference).max() / reference.max())
    print(f"Gaussian KDE of 10,000 points: ours {ours_s:.3f} s, scipy.stats.gaussian_kde {scipy_s:.1f} s "
          f"(x{scipy_s / ours_s:.0f}); largest difference {100 * max_diff:.2f} % of the peak")

    sectors = grid_sectors(box(*bounds), SIDE_M / 5.5)[:30]
    assign = best_of(3, lambda: assign_sectors(lon, lat, sectors))
    print(f"Sector assignment of {args.n:,} points to {len(sectors)} sectors: {assign:.3f} s "
          f"({args.n / assign:,.0f} rows/s)")
    counts = np.histogram2d(lat, lon, bins=surface.grid.shape)[0]
    ratios = numerics_vs_scipy(counts)
    print_result({"n": args.n, "grid": list(surface.grid.shape), "kde_s": round(kde, 4),
                  "histogram2d_s": round(hist, 4), "ratio": round(kde / hist, 2),
                  "gaussian_10k_ours_s": round(ours_s, 4), "gaussian_10k_scipy_s": round(scipy_s, 3),
                  "gaussian_speedup": round(scipy_s / ours_s, 1), "gaussian_max_diff_of_peak": round(max_diff, 5),
                  "assign_rows_per_s": round(args.n / assign), "sectors": len(sectors),
                  "numerics_over_scipy": ratios})


if __name__ == "__main__":
    main()
