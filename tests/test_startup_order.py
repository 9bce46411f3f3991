"""Start-up, map first (ui.startup, ui.map_first): the map is drawn before pandas is imported, from
one page load, and the window then gets the same incidents as any other way of opening a project.

No timing here (the machine is shared); the order is what regresses cheaply, and it is checked.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stationmap.ui.app_config import SettingsStore

ROOT = Path(__file__).resolve().parents[1]
LOAD_MS = 60_000

pytestmark = [pytest.mark.webengine,
              pytest.mark.qt_log_ignore("vulkan", "Vulkan", "GPU vendor", "DRI3", "GPUInfo")]


def _run_probe(project: Path, config: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, STATIONMAP_PROBE_TRACE="1", STATIONMAP_CONFIG_DIR=str(config))
    result = subprocess.run([sys.executable, str(ROOT / "installer" / "launch_console.py"), "--startup-probe",
                             str(project)], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_the_startup_probe_draws_the_map_before_pandas_is_imported(sample_project_file, tmp_path):
    if not os.environ.get("DISPLAY"):
        pytest.skip("needs an X server (pytest-xvfb starts one)")
    result = _run_probe(sample_project_file, tmp_path)
    assert result.stdout.startswith("drawn "), result.stdout
    assert int(result.stdout.split()[1]) > 5000            # the sample's located incidents
    lines = result.stderr.splitlines()
    stages = [line.removeprefix("stage ") for line in lines if line.startswith("stage ")]
    assert "pandas-at-drawn False" in lines, "\n".join(lines)
    order = ["interpreter", "application", "window", "features", "project opened", "page loaded", "drawn",
             "table", "basemap"]
    assert [name for name in stages if name in order] == order
    assert stages.count("page loaded") == 1                # one page: the project's
    # The next start-up draws the incidents kept by this one (store.map_cache): numpy waits for the table.
    again = _run_probe(sample_project_file, tmp_path)
    assert again.stdout.split()[:2] == result.stdout.split()[:2]
    assert "numpy-at-drawn False" in again.stderr.splitlines(), again.stderr


def test_a_project_opened_map_first_gets_its_table_without_a_second_draw(qtbot, config_dir, tmp_path,
                                                                          sample_project_file):
    from stationmap.ui.startup import start_window

    path = tmp_path / "porvenir.stationmap"
    shutil.copy(sample_project_file, path)
    window = start_window(SettingsStore(config_dir), path)
    qtbot.addWidget(window, before_close_func=lambda w: w.map_panel.wait_idle())
    from stationmap.ui.charts import TemporalPanel

    drawn: list[int] = []
    tables: list = []
    charts_at_drawn: list[int] = []
    window.map_panel.drawn.connect(drawn.append)
    window.map_panel.drawn.connect(lambda _n: charts_at_drawn.append(len(window.findChildren(TemporalPanel))))
    window.incidents_changed.connect(tables.append)
    assert window.project is not None and window.incidents is None   # the table is not read yet
    # Meanwhile the table's place says what is coming (the window is Spanish by default).
    assert window.pages.currentWidget().text() == "Cargando la tabla de incidentes…"
    qtbot.waitUntil(lambda: bool(drawn), timeout=LOAD_MS)
    qtbot.waitUntil(lambda: bool(tables), timeout=LOAD_MS)
    incidents = tables[0]
    assert window.incidents is incidents and len(incidents) > 5000
    assert window.incident_panel.model.total_count() == len(incidents)
    assert window.pages.currentWidget() is window.incident_panel
    assert window.map_panel.document.incidents is incidents
    assert drawn == [drawn[0]]                               # taken in, not drawn again
    # The charts come with the table, never empty before it.
    assert charts_at_drawn == [0]
    qtbot.waitUntil(lambda: bool(window.findChildren(TemporalPanel)), timeout=LOAD_MS)
    assert window.temporal_panel.summary is not None and window.temporal_panel.summary.matrix.sum() > 0
    assert window.settings.recent_projects[0] == str(path.resolve())
    # The views work as after any other opening: a filter reaches the map and the table.
    from stationmap.core.filters import IncidentFilter

    with qtbot.waitSignal(window.map_panel.drawn, timeout=LOAD_MS) as filtered:
        window.filter_state.set_filter(IncidentFilter(categories=frozenset({"Robo"})))
    assert 0 < filtered.args[0] < drawn[0]
    assert window.incident_panel.model.rowCount() < len(incidents)



def test_the_way_to_the_first_page_load_imports_no_numpy(sample_project_file, tmp_path):
    # At start-up the main thread builds the window, opens the project and starts its page loading;
    # numpy (about 0.07 s to import) is left to the worker that reads the map's incidents meanwhile,
    # and the import dialogs (with csv) to the first import. A module-level import anywhere on that
    # way puts them back in front of the page load.
    code = """
import sys
from pathlib import Path
import stationmap.ui.main_window, stationmap.ui.map.panel
from stationmap.maps.basemap import open_pack
from stationmap.maps.document import MapDocument, apply_geography, basemap_asset, geography_from_project
from stationmap.store.project import Project

with Project.open(sys.argv[1]) as project:
    apply_geography(MapDocument(language="es"), geography_from_project(project), None)
    pack = basemap_asset(project, Path(sys.argv[2]))
    assert pack is not None and open_pack(pack).maxzoom > 0
print(sorted(name for name in ("numpy", "pandas", "pyarrow", "shapely", "csv", "concurrent.futures",
                               "stationmap.ui.import_dialog", "stationmap.ui.import_summary")
             if name in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", code, str(sample_project_file), str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


def test_numpy_starts_no_blas_threads_in_the_gui_process():
    # OpenBLAS starts a thread per core as numpy is imported, spinning while it waits; at start-up
    # they took CPU from the first map. The GUI's environment keeps numpy to the calling thread.
    code = """
import contextlib
import gc
import os
from stationmap.ui.startup import prepare_environment
prepare_environment()
import numpy
print(len(os.listdir("/proc/self/task")), os.environ["OPENBLAS_NUM_THREADS"])
"""
    if not Path("/proc/self/task").is_dir():
        pytest.skip("counts threads through /proc")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["1", "1"]


@pytest.mark.parametrize(("chromium_flags", "chosen", "expected"), [
    ("--disable-gpu", None, "software"),
    ("--enable-logging --disable-gpu --v=1", None, "software"),
    ("", None, None),                     # a GPU to use: Qt Quick keeps its default (OpenGL, Direct3D)
    ("--disable-gpu-compositing", None, None),
    ("--disable-gpu", "rhi", "rhi"),         # the user's own choice stands
])
def test_qt_quick_draws_in_software_when_the_web_engine_has_no_gpu(monkeypatch, chromium_flags, chosen, expected):
    from stationmap.ui.startup import prepare_environment

    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", chromium_flags)
    if chosen is None:
        monkeypatch.delenv("QT_QUICK_BACKEND", raising=False)
    else:
        monkeypatch.setenv("QT_QUICK_BACKEND", chosen)
    prepare_environment()
    assert os.environ.get("QT_QUICK_BACKEND") == expected


_LLVMPIPE_CPU = """
import os, sys
if sys.argv[1] == "app":
    from stationmap.ui.startup import prepare_environment
    prepare_environment()
from PySide6.QtCore import QTimer
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
view = QWebEngineView()
view.resize(800, 600)
view.loadFinished.connect(lambda ok: QTimer.singleShot(1000, app.quit))
view.setHtml("<style>@keyframes s{to{transform:rotate(360deg)}}div{width:300px;height:300px;"
             "background:#c33;animation:s 1s linear infinite}</style><div></div>")
view.show()
app.exec()
ticks = 0
for task in os.listdir("/proc/self/task"):
    with open(f"/proc/self/task/{task}/stat") as stat:
        text = stat.read()
    if text[text.index("(") + 1:text.rindex(")")].startswith("llvmpipe"):
        fields = text[text.rindex(")") + 2:].split()
        ticks += int(fields[11]) + int(fields[12])   # user and system time
print(ticks)
"""


def test_without_a_gpu_the_web_view_spends_nothing_on_an_emulated_gpu():
    # Behaviour, not the setting: a bare web view under Xvfb puts Chromium's software frames on
    # screen through Mesa's llvmpipe, threads doing a GPU's work on the CPU (about half a core while
    # the page animates); the app's view spends no time there.
    if not Path("/proc/self/task").is_dir() or not os.environ.get("DISPLAY"):
        pytest.skip("reads thread times from /proc, under X")
    env = {k: v for k, v in os.environ.items() if k != "QT_QUICK_BACKEND"}
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--disable-gpu"

    def emulated_gpu_ticks(kind: str) -> int:
        result = subprocess.run([sys.executable, "-c", _LLVMPIPE_CPU, kind], capture_output=True,
                                text=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        return int(result.stdout.split()[-1])

    if emulated_gpu_ticks("bare") == 0:
        pytest.skip("this machine's OpenGL is not Mesa's llvmpipe: nothing to compare")
    assert emulated_gpu_ticks("app") == 0


@contextlib.contextmanager
def _collection_paused_as_at_start_up():
    """startup.pause_garbage_collection for one block; the collector is back, unfrozen, afterwards."""
    from stationmap.ui import startup

    try:
        startup.pause_garbage_collection()
        yield startup
    finally:
        gc.unfreeze()
        gc.enable()


def test_garbage_collection_waits_for_the_first_map_and_no_longer(qtbot, config_dir, sample_project_file):
    with _collection_paused_as_at_start_up() as startup:
        assert not gc.isenabled()
        window = startup.start_window(SettingsStore(config_dir), sample_project_file)
        qtbot.addWidget(window, before_close_func=lambda w: w.map_panel.wait_idle())
        assert not gc.isenabled()                     # building the window and starting the page
        with qtbot.waitSignal(window.map_panel.drawn, timeout=LOAD_MS):
            pass
        qtbot.waitUntil(gc.isenabled, timeout=1000)   # back right after the first map
        assert gc.get_freeze_count() > 10_000         # without rescanning what start-up made
    # Without a project, as soon as the window is up.
    with _collection_paused_as_at_start_up() as startup:
        window = startup.start_window(SettingsStore(config_dir), None)
        qtbot.addWidget(window)
        assert not gc.isenabled()
        qtbot.waitUntil(gc.isenabled, timeout=1000)


def test_garbage_collection_is_resumed_even_if_the_map_never_draws(qtbot, config_dir, tmp_path, monkeypatch,
                                                                   captured_boxes):
    from stationmap.ui import startup

    monkeypatch.setattr(startup, "GC_AT_THE_LATEST_MS", 200)
    damaged = tmp_path / "dañado.stationmap"
    damaged.write_bytes(b"not a project at all")
    with _collection_paused_as_at_start_up():
        window = startup.start_window(SettingsStore(config_dir), damaged)
        qtbot.addWidget(window)
        qtbot.waitUntil(gc.isenabled, timeout=5000)
    assert len(captured_boxes) == 1 and "dañado.stationmap" in captured_boxes[0]   # the user was told
