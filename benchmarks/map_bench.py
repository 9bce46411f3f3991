"""Embedded map speed: first drawn map and filter update for 1,000 / 10,000 / 100,000 incidents.

Run under an X server (`xvfb-run -a .venv/bin/python benchmarks/map_bench.py`). Each first draw uses a
new MapPanel (page load + data push + draw); a filter update changes the categories of the shared
filter and waits for the page to report the redraw (no reload). Also measures the exported HTML
size for the sample station area with its basemap. Targets: first draw at 100k within 3x of 1k,
filter at 100k within 5x of 1k, export <= 15 MB. The last line printed is one JSON object.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # factories.make_incidents
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")

from stationmap.ui.map import register_app_scheme  # noqa: E402
from stationmap.ui.startup import prepare_environment  # noqa: E402

prepare_environment()   # the GUI process's environment, as the app sets it up

SIZES = (1_000, 10_000, 100_000)
FILTER_REPEATS = 5
FIRST_DRAW_REPEATS = 3  # the machine is shared: a median of fresh panels, not one lucky run
TIMEOUT_MS = 60_000


def wait_for(signal) -> None:
    """Block (in a Qt event loop, no busy processEvents) until `signal` fires."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(TIMEOUT_MS)
    loop.exec()
    signal.disconnect(loop.quit)
    if not timer.isActive():
        raise TimeoutError("the map did not answer in time")


def new_panel():
    from stationmap.ui.filter_state import FilterState
    from stationmap.ui.map.panel import MapPanel

    state = FilterState()
    panel = MapPanel(state)
    panel.resize(1200, 800)
    panel.show()
    return panel, state


def first_draw_seconds(incidents, pack: Path | None):
    panel, state = new_panel()
    start = time.perf_counter()
    if pack is not None:
        panel.set_basemap(pack)
    panel.set_incidents(incidents)
    wait_for(panel.drawn)
    return time.perf_counter() - start, panel, state


def filter_seconds(panel, state, categories) -> float:
    times = []
    for k in range(FILTER_REPEATS):
        chosen = frozenset(categories[: 1 + k % (len(categories) - 1)])
        start = time.perf_counter()
        state.update(categories=chosen)
        wait_for(panel.drawn)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def export_size(incidents, pack: Path | None) -> int:
    import json as _json

    from stationmap.maps.document import MapDocument, apply_geography
    from stationmap.maps.export import export_html

    geo = ROOT / "sample_data" / "geo"
    geography = {name: _json.loads((geo / file).read_text(encoding="utf-8")) for name, file in (
        ("jurisdiction", "jurisdiccion_el_porvenir.geojson"), ("districts", "distritos_trujillo.geojson"),
        ("stations", "comisarias_trujillo.geojson")) if (geo / file).exists()}
    document = MapDocument(incidents=incidents, basemap_path=pack)
    apply_geography(document, geography, None)
    with tempfile.TemporaryDirectory() as folder:
        return export_html(Path(folder) / "map.html", document).size_bytes


def main() -> None:
    register_app_scheme()
    from PySide6.QtWidgets import QApplication

    from factories import CATEGORIES, make_incidents

    app = QApplication.instance() or QApplication(sys.argv)  # noqa: F841 (kept alive for the run)
    pack = ROOT / "sample_data" / "basemap" / "trujillo.pmtiles"
    pack = pack if pack.exists() else None
    # Warm-up: the first page of a process also starts the web engine, and the first density layer
    # loads pyproj's database (~3 s, on the worker); neither is the map's cost per incident.
    from stationmap.maps.layers import density_of

    density_of(make_incidents(100, seed=1), "es")
    _, warm, _ = first_draw_seconds(make_incidents(100, seed=1), pack)
    warm.wait_idle()
    warm.close()
    warm.deleteLater()

    figures: dict[str, float | int] = {}
    for n in SIZES:
        incidents = make_incidents(n, seed=n, center=(-8.06, -79.01))
        draws, panel = [], None
        for _ in range(FIRST_DRAW_REPEATS):
            if panel is not None:
                panel.wait_idle()
                panel.close()
                panel.deleteLater()  # one live web view at a time, as in the app
            seconds, panel, state = first_draw_seconds(incidents, pack)
            draws.append(seconds)
        draw = statistics.median(draws)
        filt = filter_seconds(panel, state, list(CATEGORIES))
        figures[f"first_draw_s_{n}"] = round(draw, 3)
        figures[f"filter_s_{n}"] = round(filt, 4)
        figures[f"export_bytes_{n}"] = export_size(incidents, pack)
        print(f"{n:>7} incidents: first draw {draw:.3f} s, filter {filt * 1000:.1f} ms, "
              f"export {figures[f'export_bytes_{n}'] / 1e6:.2f} MB", flush=True)
        panel.wait_idle()
        panel.close()
        panel.deleteLater()
    draw_ratio = figures["first_draw_s_100000"] / figures["first_draw_s_1000"]
    filter_ratio = figures["filter_s_100000"] / figures["filter_s_1000"]
    figures["first_draw_ratio"] = round(draw_ratio, 2)
    figures["filter_ratio"] = round(filter_ratio, 2)
    figures["ratio"] = round(max(draw_ratio, filter_ratio), 2)
    figures["basemap"] = pack is not None
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
