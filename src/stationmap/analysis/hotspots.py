"""Hot spots on a metre grid: recency-weighted counts, Getis-Ord Gi* with FDR, patches.

Gi* is computed analytically (the z-score of Getis & Ord 1995 with binary
weights over a square window that includes the cell itself) by convolution, so
a city-sized grid takes milliseconds. Many cells are tested at once, so the
p-values are corrected with Benjamini-Hochberg's false-discovery-rate procedure
before a cell is called hot. The numerics are plain numpy (analysis.numerics).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stationmap.analysis.numerics import benjamini_hochberg, box_sum, label, normal_sf

SECONDS_PER_WEEK = 7 * 86_400


def recency_weights(ts: np.ndarray, now_ts: float, half_life_weeks: float) -> np.ndarray:
    """Weights that halve every `half_life_weeks` before `now_ts` (prospective mapping)."""
    age_weeks = np.maximum(now_ts - np.asarray(ts, dtype=float), 0.0) / SECONDS_PER_WEEK
    return np.power(0.5, age_weeks / half_life_weeks)


@dataclass(frozen=True)
class GiStar:
    z: np.ndarray            # z-score per cell (NaN outside the study area)
    p: np.ndarray            # two-sided p-value per cell (NaN outside)
    hot: np.ndarray          # significant high clusters after FDR correction
    cold: np.ndarray         # significant low clusters after FDR correction
    alpha: float
    radius_cells: int


def getis_ord_gi_star(values: np.ndarray, study: np.ndarray | None = None, *,
                      radius_cells: int = 1, alpha: float = 0.05) -> GiStar:
    """Gi* of a grid of values; neighbours are the cells within `radius_cells`
    (a (2r+1)^2 window, queen contiguity for r=1) that lie in the study area."""
    values = np.asarray(values, dtype=float)
    study = np.ones(values.shape, dtype=bool) if study is None else np.asarray(study, dtype=bool)
    n = int(study.sum())
    if n < 3:
        raise ValueError("Gi* needs at least three cells in the study area")
    x = np.where(study, values, 0.0)
    mean = x[study].mean()
    spread = np.sqrt((x[study] ** 2).mean() - mean ** 2)
    local_sum = box_sum(x, radius_cells)
    n_neighbours = box_sum(study.astype(float), radius_cells)
    with np.errstate(invalid="ignore", divide="ignore"):
        denom = spread * np.sqrt((n * n_neighbours - n_neighbours ** 2) / (n - 1))
        z = (local_sum - mean * n_neighbours) / denom
    z = np.where(study & np.isfinite(z), z, np.nan)
    p = np.full(values.shape, np.nan)
    tested = study & np.isfinite(z)
    p[tested] = 2.0 * normal_sf(np.abs(z[tested]))
    significant = np.zeros(values.shape, dtype=bool)
    if tested.any():
        adjusted = benjamini_hochberg(p[tested])
        significant[tested] = adjusted <= alpha
    return GiStar(z=z, p=p, hot=significant & (z > 0), cold=significant & (z < 0),
                  alpha=alpha, radius_cells=radius_cells)


@dataclass(frozen=True)
class Patch:
    """Contiguous flagged cells, ranked by the weight they hold."""

    rank: int
    cells: np.ndarray        # (k, 2) array of (row, col)
    weight: float
    peak_cell: tuple[int, int]


def top_patches(score: np.ndarray, flagged: np.ndarray, *, limit: int = 20) -> list[Patch]:
    """Merge flagged cells that touch (8-neighbourhood) into patches, heaviest first."""
    labels, count = label(flagged, connectivity=8)
    if count == 0:
        return []
    ids = np.arange(1, count + 1)
    weights = np.bincount(labels.ravel(), weights=np.nan_to_num(score).ravel(), minlength=count + 1)[1:]
    order = np.argsort(-weights, kind="stable")[:limit]
    patches = []
    for rank, index in enumerate(order, start=1):
        cells = np.argwhere(labels == ids[index])
        values = np.nan_to_num(score)[cells[:, 0], cells[:, 1]]
        peak = cells[int(np.argmax(values))]
        patches.append(Patch(rank, cells, float(weights[index]), (int(peak[0]), int(peak[1]))))
    return patches
