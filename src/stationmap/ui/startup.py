"""The window as the application starts it: shell, features, shown, then the project, map first.

app.run_gui and selftest.startup_probe (which benchmarks/startup_bench.py times) both go through
`start_window`, so that what is measured is what a user gets.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable


def prepare_environment() -> None:
    """What the GUI process must have in its environment before QtWebEngine and numpy start."""
    # QtWebEngine refuses to start its sandbox as root (training laptops, containers, CI).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # numpy's OpenBLAS starts a thread per core when numpy is imported, and they spin while waiting:
    # at start-up that took 0.07 s of CPU from the first map's page on a two-core laptop. The app's
    # matrix work is small (FFTs and grids do not use BLAS), so one thread costs it nothing.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def start_window(store: Any, project_path: Path | str | None, *, lazy: bool = True,
                 stage: Callable[[str], None] = lambda name: None) -> Any:
    """Build and show the main window (ui.main_window.MainWindow) on `store`'s settings and open
    `project_path` map first (ui.map_first). `stage(name)` is told as each step ends."""
    from stationmap.ui.main_window import MainWindow

    window = MainWindow(store)
    stage("window")
    # Every feature area; their docks are built when first shown (lazy=False builds them now).
    window.install_features(lazy=lazy)
    stage("features")
    window.show()
    if project_path is not None:
        window.open_project(project_path, map_first=True)
        stage("project opened")
    return window
