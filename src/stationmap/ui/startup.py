"""The window as the application starts it: shell, features, shown, then the project, map first.

app.run_gui and selftest.startup_probe (which benchmarks/startup_bench.py times) both go through
`start_window`, so that what is measured is what a user gets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable


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
