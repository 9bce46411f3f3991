"""How good is a hot-spot map here? PAI and hit rate in a rolling backtest.

PAI = (n/N) / (a/A) (Chainey): the share of next-period crimes captured by the
flagged cells over the share of the study area they cover. Hit rate = n/N.
The backtest fits each method on the weeks before and scores it on the week
after, week by week, so the analyst picks what predicts on this station's own
data. Plain baselines (all-history counts, last-year counts) are always part of
the comparison: crime at micro places is stable for years (Weisburd), and a
fancier method must beat them to earn its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from stationmap.analysis.grid import Grid
from stationmap.analysis.hotspots import SECONDS_PER_WEEK, recency_weights
from stationmap.core.messages import render
from stationmap.core.progress import Progress, no_progress

AREA_SHARES = (0.01, 0.05, 0.10)

# A scorer turns training points (metres, local seconds, weights) into a score per cell.
Scorer = Callable[[Grid, np.ndarray, np.ndarray, np.ndarray, np.ndarray, float], np.ndarray]


def rank_cells(score: np.ndarray, study: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Flat indices of study cells, best first; equal scores in random order
    (a fixed order would favour one corner of the map and bias PAI)."""
    flat = np.flatnonzero(study.ravel())
    values = np.nan_to_num(score.ravel()[flat], nan=-np.inf)
    order = np.lexsort((rng.random(len(flat)), -values))
    return flat[order]


def pai_and_hit_rate(score: np.ndarray, test_counts: np.ndarray, study: np.ndarray, *,
                     shares=AREA_SHARES, rng: np.random.Generator | None = None) -> dict[float, tuple[float, float]]:
    """{area share: (hit rate, PAI)} of flagging the top `share` of study cells."""
    rng = rng or np.random.default_rng(0)
    ranked = rank_cells(score, study, rng)
    area_cells = len(ranked)
    captured = np.cumsum(test_counts.ravel()[ranked])
    total = float(test_counts.ravel()[ranked].sum())
    out = {}
    for share in shares:
        k = max(1, int(round(share * area_cells)))
        hit = captured[k - 1] / total if total > 0 else float("nan")
        out[share] = (hit, hit / (k / area_cells) if total > 0 else float("nan"))
    return out


def counts_scorer(lookback_weeks: float | None) -> Scorer:
    """Counts over the last `lookback_weeks` (None: all history)."""

    def score(grid, x, y, ts, w, now_ts):
        keep = np.ones(len(x), dtype=bool) if lookback_weeks is None else ts >= now_ts - lookback_weeks * SECONDS_PER_WEEK
        return grid.counts(x[keep], y[keep], w[keep])

    return score


def recency_scorer(half_life_weeks: float) -> Scorer:
    """Counts weighted so that older incidents matter less (prospective mapping)."""

    def score(grid, x, y, ts, w, now_ts):
        return grid.counts(x, y, w * recency_weights(ts, now_ts, half_life_weeks))

    return score


def kde_scorer(bandwidth_m: float, kernel: str = "quartic", lookback_weeks: float | None = 52) -> Scorer:
    """Kernel density (in metres) of the incidents of the last `lookback_weeks`."""
    from stationmap.analysis.density import check_parameters, kernel_cells
    from stationmap.analysis.numerics import fft_convolve

    def score(grid, x, y, ts, w, now_ts):
        check_parameters(grid.cell_m, bandwidth_m, kernel)
        counts = counts_scorer(lookback_weeks)(grid, x, y, ts, w, now_ts)
        return fft_convolve(counts, kernel_cells(grid.cell_m, bandwidth_m, kernel), mode="same")

    return score


def default_methods(bandwidth_m: float = 250.0) -> dict[str, Scorer]:
    """The plain baselines first, then the smoother methods that must beat them, by stable key
    (`method_label` says each in the user's language)."""
    return {
        "counts_all": counts_scorer(None),
        "counts_year": counts_scorer(52),
        "counts_8w": counts_scorer(8),
        "recency_4w": recency_scorer(4),
        "kde_quartic": kde_scorer(bandwidth_m, "quartic"),
        "kde_gaussian": kde_scorer(bandwidth_m, "gaussian"),
    }


def method_label(key: str, bandwidth_m: float, language: str | None = None) -> str:
    """A method of `default_methods` as the user reads it: "KDE cuártico 250 m (último año)"."""
    return render(f"hotspots.evaluated.{key}", {"bandwidth": f"{bandwidth_m:.0f}"}, language)


@dataclass(frozen=True)
class BacktestInput:
    grid: Grid
    study: np.ndarray          # cells inside the jurisdiction
    x: np.ndarray              # metres
    y: np.ndarray
    ts: np.ndarray             # local seconds of each incident
    weights: np.ndarray
    test_weeks: list[int]      # local-second timestamps of the Monday 00:00 starting each scored week
    methods: dict[str, Scorer]
    shares: tuple[float, ...] = AREA_SHARES
    seed: int = 0


def rolling_backtest(inputs: BacktestInput, progress: Progress = no_progress) -> pd.DataFrame:
    """One row per (method, week, share): hit_rate, pai, test incidents. Fit strictly before each week."""
    rng = np.random.default_rng(inputs.seed)
    rows = []
    steps = max(len(inputs.test_weeks) * len(inputs.methods), 1)
    done = 0
    for week_start in inputs.test_weeks:
        train = inputs.ts < week_start
        test = (inputs.ts >= week_start) & (inputs.ts < week_start + SECONDS_PER_WEEK)
        test_counts = inputs.grid.counts(inputs.x[test], inputs.y[test])
        n_test = int(test_counts[inputs.study].sum())
        for name, scorer in inputs.methods.items():
            score = scorer(inputs.grid, inputs.x[train], inputs.y[train], inputs.ts[train],
                           inputs.weights[train], float(week_start))
            for share, (hit, pai) in pai_and_hit_rate(score, test_counts, inputs.study,
                                                      shares=inputs.shares, rng=rng).items():
                rows.append({"method": name, "week_start": week_start, "share": share,
                             "hit_rate": hit, "pai": pai, "test_incidents": n_test})
            done += 1
            progress(done / steps, name)
    return pd.DataFrame(rows, columns=["method", "week_start", "share", "hit_rate", "pai", "test_incidents"])


def summarise(backtest: pd.DataFrame) -> pd.DataFrame:
    """Mean hit rate and PAI per method and share over weeks that had test incidents."""
    scored = backtest[backtest["test_incidents"] > 0]
    table = scored.groupby(["method", "share"], sort=False)[["hit_rate", "pai"]].mean().reset_index()
    return table.sort_values(["share", "pai"], ascending=[True, False], kind="stable").reset_index(drop=True)
