"""Benchmark: hour x weekday matrix and chart redraw after a filter change, 1,000,000 incidents.

Figures:
- matrix: median time of `TemporalIndex.summary(mask)` (aoristic) for a new filter mask,
  as a ratio to a bare `numpy.bincount` over precomputed cell codes in the same run
  (target ratio <= 10);
- redraw: median time from `FilterState.update(...)` to the charts repainted (the panel's
  `redrawn` signal, then a synchronous repaint), debounce included (target <= 100 ms),
  and the redraw itself without the debounce.
The category column is held as a pandas Categorical, as a loaded project table should be:
`filter_mask`'s category test on plain strings costs several times more (printed too).

Run: xvfb-run -a .venv/bin/python benchmarks/temporal_bench.py [--n 1000000]
(without a DISPLAY it runs on Qt's offscreen platform)
The last printed line is one JSON object with the figures; "ratio" is the matrix ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
if not os.environ.get("DISPLAY"):  # under xvfb-run the chart is painted as on a screen
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from factories import CATEGORIES, make_incidents  # noqa: E402

from stationmap.analysis.filtering import filter_mask  # noqa: E402
from stationmap.analysis.temporal import TemporalIndex  # noqa: E402
from stationmap.analysis.temporal_cells import hour_of_week  # noqa: E402
from stationmap.core.filters import IncidentFilter  # noqa: E402


def incidents(n: int):
    """Random times; 5 % windows of 1-24 h, 8 % unknown times (as real exports have)."""
    rng = np.random.default_rng(0)
    frame = make_incidents(n, seed=0, days=365)
    windows = rng.random(n) < 0.05
    frame.loc[windows, "end_ts"] += rng.integers(3600, 24 * 3600, int(windows.sum()))
    frame.loc[rng.random(n) < 0.08, "time_known"] = 0
    frame["category"] = frame["category"].astype("category")
    return frame


def median_seconds(action, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        action()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def matrix_figures(frame, repeats: int) -> dict:
    t0 = time.perf_counter()
    index = TemporalIndex(frame)
    index.spans("aoristic")
    build = time.perf_counter() - t0
    filters = [IncidentFilter(categories=frozenset(CATEGORIES[:k])) for k in range(1, 5)]
    masks = [filter_mask(frame, flt) for flt in filters]
    mask_time = median_seconds(lambda: filter_mask(frame, filters[1]), repeats)
    as_text = frame.assign(category=frame["category"].astype(str))
    mask_text_time = median_seconds(lambda: filter_mask(as_text, filters[1]), repeats)
    codes = hour_of_week(frame["start_ts"].to_numpy())  # the baseline's precomputed cell codes
    baseline = median_seconds(lambda: np.bincount(codes, minlength=168), repeats)
    turn = iter(range(10 ** 9))
    matrix = median_seconds(lambda: index.summary(masks[next(turn) % len(masks)]), repeats)
    return {"index_build_s": round(build, 3), "filter_mask_ms": round(mask_time * 1e3, 2),
            "filter_mask_text_category_ms": round(mask_text_time * 1e3, 2),
            "bincount_ms": round(baseline * 1e3, 2), "matrix_ms": round(matrix * 1e3, 2),
            "ratio": round(matrix / baseline, 2)}


def redraw_figures(frame, repeats: int) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from stationmap.ui.charts import TemporalPanel
    from stationmap.ui.charts.panel import DEBOUNCE_MS
    from stationmap.ui.filter_state import FilterState

    app = QApplication.instance() or QApplication([])
    state = FilterState()
    panel = TemporalPanel(state)
    panel.resize(1280, 700)
    panel.show()
    panel.set_incidents(frame)
    loop = QEventLoop()
    panel.redrawn.connect(loop.quit)
    choices = [frozenset(CATEGORIES[:k]) for k in range(1, 5)]
    total, paint = [], []
    for k in range(repeats):
        t0 = time.perf_counter()
        state.update(categories=choices[k % len(choices)])
        QTimer.singleShot(5000, loop.quit)  # never hang if a redraw is lost
        loop.exec()
        t1 = time.perf_counter()
        panel.repaint()
        t2 = time.perf_counter()
        total.append(t2 - t0)
        paint.append(t2 - t1)
    own = median_seconds(panel.redraw, repeats)
    panel.close()
    return {"redraw_after_change_ms": round(statistics.median(total) * 1e3, 1),
            "redraw_only_ms": round(own * 1e3, 1),
            "paint_ms": round(statistics.median(paint) * 1e3, 1),
            "debounce_ms": DEBOUNCE_MS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args()
    t0 = time.perf_counter()
    frame = incidents(args.n)
    print(f"built {args.n:,} incidents in {time.perf_counter() - t0:.1f} s", flush=True)
    figures = {"n": args.n, **matrix_figures(frame, args.repeats)}
    print(f"matrix after a filter change: {figures['matrix_ms']} ms, bare bincount "
          f"{figures['bincount_ms']} ms, ratio {figures['ratio']} (target <= 10)", flush=True)
    figures.update(redraw_figures(frame, args.repeats))
    print(f"filter change to redrawn chart: median {figures['redraw_after_change_ms']} ms "
          f"(debounce included; target <= 100 ms), redraw alone {figures['redraw_only_ms']} ms, "
          f"paint {figures['paint_ms']} ms",
          flush=True)
    figures["load_average_1min"] = round(os.getloadavg()[0], 2)  # the machine is shared
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
