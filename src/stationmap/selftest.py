"""`stationmap --self-test`: prove that this installation works, end to end, without the network.

Support staff run it on a station laptop (and CI runs it on the frozen bundle): it builds a fresh
copy of the sample station from the bundled `sample_data/`, checks the data libraries the bundle keeps
(Arrow IPC with lz4 and zstd, Arrow CSV and compute, pandas' Arrow strings), draws it on the embedded map, fills the
hour × weekday chart, writes a patrol plan and the weekly brief into a temporary folder, checks every
file, and checks that no request tried to leave the machine. It prints one line per step and returns
0 when all pass, 1 otherwise. A failure prints its reason; the traceback goes to the log file only.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Callable

from stationmap import __version__
from stationmap.console import ReaderGone, discard_stdout, say
from stationmap.core.messages import render

log = logging.getLogger("stationmap.selftest")

MAP_TIMEOUT_MS = 120_000        # a cold start of the web engine on a slow laptop takes a while
BASEMAP_TIMEOUT_MS = 30_000
PLAN_FILES = ("plan_patrullaje.pdf", "plan_patrullaje.html", "tarjetas_de_ruta.pdf", "plan.xlsx",
              "plan.geojson", "plan.kml", "puntos_criticos.gpx", "plan_asignaciones.csv", "plan_visitas.csv")
BRIEF_FILES = ("informe_semanal_{week}.pdf", "informe_semanal_{week}.html",
               "informe_comunidad_{week}.pdf", "informe_comunidad_{week}.html")
# What the first bytes of a sound file of each kind look like.
MAGIC = {".pdf": b"%PDF-", ".xlsx": b"PK\x03\x04"}
# A remote resource in an exported page (a link in text is fine, a script or image is not).
REMOTE_RESOURCE = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//"""
                             r"""|url\(\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


class StepFailure(Exception):
    """A step did not do what it must; `detail` is the translated reason shown to the user."""

    def __init__(self, code: str, **data: Any) -> None:
        super().__init__(code)
        self.detail = render(code, data)


@dataclass
class SelfTestState:
    folder: Path
    project_path: Path | None = None
    incidents: Any = None
    app: Any = None
    widgets: list[Any] = field(default_factory=list)
    blocked: Callable[[], list[str]] | None = None
    exports: list[Path] = field(default_factory=list)


def run(out_dir: Path | None = None) -> int:
    """Run every step, print the report, return the exit code (0 all passed, 1 otherwise)."""
    from stationmap.store.paths import setup_file_logging

    started = time.monotonic()
    log_file = setup_file_logging()
    log.info("self-test of StationMap %s started (frozen: %s)", __version__, getattr(sys, "frozen", False))
    _report(render("selftest.title", {"version": __version__}))
    with tempfile.TemporaryDirectory(prefix="stationmap-selftest-") as scratch:
        state = SelfTestState(Path(out_dir) if out_dir is not None else Path(scratch))
        state.folder.mkdir(parents=True, exist_ok=True)
        steps: list[tuple[str, Callable[[SelfTestState], str]]] = [
            ("sample", _sample), ("libraries", _libraries), ("map", _map), ("charts", _charts), ("plan", _plan), ("brief", _brief),
            ("offline", _offline)]
        failed = 0
        for name, step in steps:
            step_name = render(f"selftest.step.{name}")
            if name != "sample" and state.project_path is None:
                failed += 1
                _report(render("selftest.step_skipped", {"step": step_name}))
                continue
            ok = _run_step(step_name, step, state)
            failed += not ok
        for widget in state.widgets:
            # Deleted now, not at exit: a web page outliving its profile makes Qt complain on the console.
            widget.close()
            _delete_now(widget)
    seconds = time.monotonic() - started
    if failed:
        _report(render("selftest.failed", {"failed": failed, "total": len(steps), "log": log_file}))
        log.error("self-test failed: %d of %d steps", failed, len(steps))
        return 1
    _report(render("selftest.passed", {"seconds": seconds}))
    log.info("self-test passed in %.1f s", seconds)
    return 0


def _run_step(step_name: str, step: Callable[[SelfTestState], str], state: SelfTestState) -> bool:
    started = time.monotonic()
    try:
        detail, ok = step(state), True
    except StepFailure as failure:
        detail, ok = failure.detail, False
        log.error("self-test step %s failed: %s", step_name, failure.detail)
    except Exception as error:  # noqa: BLE001 - report a reason, keep the traceback for the log
        detail, ok = render("selftest.unexpected", {"error": f"{type(error).__name__}: {error}"}), False
        log.exception("self-test step %s raised", step_name)
    code = "selftest.step_ok" if ok else "selftest.step_failed"
    _report(render(code, {"step": step_name, "seconds": time.monotonic() - started, "detail": detail}))
    return ok


def _report(line: str) -> None:
    """One line of the self-test's report. A reader that stopped reading (`--self-test | head -1`) does
    not stop the test: the lines go nowhere and the exit code still says whether everything passed."""
    try:
        say(line)
    except ReaderGone:
        discard_stdout()


# --- steps ---------------------------------------------------------------------------------------
def _sample(state: SelfTestState) -> str:
    from stationmap.store.project import Project
    from stationmap.store.sample import write_sample_project

    result = write_sample_project(state.folder / "estacion_de_ejemplo.stationmap")
    with Project.open(result.path) as project:
        state.incidents = project.incidents()
    state.project_path = result.path
    return render("selftest.sample_detail", {"incidents": len(state.incidents)})


ARROW_CODECS = ("lz4", "zstd")


def _libraries(state: SelfTestState) -> str:
    """The parts of pyarrow and pandas the app uses, exercised in this process: the frozen
    bundle leaves much of pyarrow out (installer/bundle_prune.py); this proves what it kept works."""
    import io

    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv
    import pyarrow.feather as feather
    import pyarrow.ipc as ipc

    table = pa_csv.read_csv(io.BytesIO("id,modalidad\n1,ROBO\n2,HURTO\n3,ROBO\n".encode()))
    for codec in ARROW_CODECS:
        sink = pa.BufferOutputStream()
        feather.write_feather(table, sink, compression=codec)
        if not feather.read_table(pa.BufferReader(sink.getvalue())).equals(table):
            raise StepFailure("selftest.libraries_failed", detail=f"feather {codec}")
        sink = pa.BufferOutputStream()
        with ipc.new_stream(sink, table.schema, options=ipc.IpcWriteOptions(compression=codec)) as writer:
            writer.write_table(table)
        if not ipc.open_stream(sink.getvalue()).read_all().equals(table):
            raise StepFailure("selftest.libraries_failed", detail=f"ipc {codec}")
    if pc.sum(pc.equal(table["modalidad"], "ROBO")).as_py() != 2:
        raise StepFailure("selftest.libraries_failed", detail="compute")
    strings = pd.Series(["robo", "hurto"], dtype="string[pyarrow]").str.upper()
    if strings.tolist() != ["ROBO", "HURTO"]:
        raise StepFailure("selftest.libraries_failed", detail="string[pyarrow]")
    return render("selftest.libraries_detail", {"codecs": ", ".join(ARROW_CODECS)})


def _map(state: SelfTestState) -> str:
    from stationmap.store.project import Project
    from stationmap.ui.filter_state import FilterState
    from stationmap.ui.map import MapPanel

    _ensure_application(state)
    panel = MapPanel(FilterState())
    state.widgets.append(panel)
    state.blocked = panel.blocked_requests
    errors: list[str] = []
    panel.error.connect(lambda problem: errors.append(str(problem)))
    panel.resize(1000, 700)
    panel.show()
    with Project.open(state.project_path) as project:
        def show_station() -> None:
            panel.set_project(project)
            panel.set_incidents(state.incidents)

        drawn = _wait_for_signal(panel.drawn, MAP_TIMEOUT_MS, show_station)
    if drawn is None:
        raise StepFailure("selftest.map_timeout", seconds=MAP_TIMEOUT_MS // 1000)
    stats = _wait_for_basemap(panel)
    errors += panel.console_errors()
    if errors:
        raise StepFailure("selftest.map_page_errors", errors="; ".join(errors[:3]))
    if not (stats.get("drawn") and stats.get("basemap") and stats.get("basemapLoaded")):
        raise StepFailure("selftest.map_not_drawn", state=stats)
    districts = _national_districts()
    return render("selftest.map_detail", {"visible": drawn[0], "districts": districts})


def _national_districts() -> int:
    """Peru's district limits (resources/geo) load: counts per district are mapped on them, and a
    bundle without them would show such projects an empty map without saying why."""
    import numpy as np

    from stationmap.maps.national_districts import district_choices

    try:
        count = len(district_choices(np.zeros(0), np.zeros(0)))
    except OSError as error:
        raise StepFailure("selftest.districts_missing", error=str(error)) from None
    if count < 1800:
        raise StepFailure("selftest.districts_missing", error=f"{count} districts")
    return count


def _charts(state: SelfTestState) -> str:
    from stationmap.ui.charts import TemporalPanel
    from stationmap.ui.filter_state import FilterState

    _ensure_application(state)
    panel = TemporalPanel(FilterState())
    state.widgets.append(panel)
    panel.set_incidents(state.incidents)
    if panel.summary is None or panel.grab().isNull():
        raise StepFailure("selftest.unexpected", error="no summary")
    return render("selftest.charts_detail", {"cells": int((panel.summary.matrix > 0).sum())})


def _plan(state: SelfTestState) -> str:
    from stationmap.reports.jobs import PlanRequest, run_plan

    last = _last_incident_day(state.incidents)
    monday = last + timedelta(days=7 - last.weekday())      # the week after the data ends
    out = state.folder / "plan"
    result = run_plan(PlanRequest(state.project_path, monday, monday + timedelta(days=6), out))
    return _check_files(state, out, PLAN_FILES, result.files)


def _brief(state: SelfTestState) -> str:
    from stationmap.reports.jobs import BriefRequest, run_brief

    year, week, _ = _last_incident_day(state.incidents).isocalendar()
    label = f"{year}-W{week:02d}"
    out = state.folder / "informe"
    files = run_brief(BriefRequest(state.project_path, label, out))
    return _check_files(state, out, tuple(name.format(week=label) for name in BRIEF_FILES), files)


def _offline(state: SelfTestState) -> str:
    blocked = state.blocked() if state.blocked is not None else []
    remote = [path.name for path in state.exports
              if path.suffix == ".html" and REMOTE_RESOURCE.search(path.read_text(encoding="utf-8"))]
    if blocked:
        raise StepFailure("selftest.requests_blocked", count=len(blocked), first=blocked[0])
    if remote:
        raise StepFailure("selftest.requests_blocked", count=len(remote), first=", ".join(remote))
    return render("selftest.offline_detail")


# --- helpers -------------------------------------------------------------------------------------
def _check_files(state: SelfTestState, folder: Path, expected: tuple[str, ...], written: list[Path]) -> str:
    paths = sorted({folder / name for name in expected} | {Path(p) for p in written})
    bad = [path.name for path in paths if not _sound_file(path)]
    if bad:
        raise StepFailure("selftest.files_bad", files=", ".join(bad))
    state.exports.extend(paths)
    kinds = ", ".join(sorted({path.suffix.lstrip(".") for path in paths}))
    return render("selftest.files_detail", {"count": len(paths), "kinds": kinds})


def _sound_file(path: Path) -> bool:
    if not path.is_file() or path.stat().st_size == 0:
        return False
    with path.open("rb") as handle:
        head = handle.read(512)
    magic = MAGIC.get(path.suffix.lower())
    if magic is not None:
        return head.startswith(magic)
    if path.suffix.lower() == ".html":
        return b"<html" in head.lower() or b"<!doctype html" in head.lower()
    return True


def _last_incident_day(incidents: Any) -> date:
    # start_ts: naive America/Lima time as seconds since 1970-01-01 00:00 local.
    return (datetime(1970, 1, 1) + timedelta(seconds=int(incidents["start_ts"].max()))).date()


def _ensure_application(state: SelfTestState) -> None:
    """The QApplication (reused when one exists, as under pytest-qt), with app:// registered first."""
    if state.app is not None:
        return
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise StepFailure("selftest.no_display")
    from stationmap.ui.startup import prepare_environment

    prepare_environment()   # as app.run_gui does
    from PySide6.QtWidgets import QApplication

    from stationmap.ui.map import register_app_scheme

    if not register_app_scheme():
        raise StepFailure("selftest.no_scheme")
    state.app = QApplication.instance() or QApplication([sys.argv[0], "--self-test"])


def _wait_for_signal(signal: Any, timeout_ms: int, trigger: Callable[[], None]) -> tuple | None:
    """Run `trigger`, then wait in an event loop until `signal` fires (its arguments) or the timeout (None)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    received: list[tuple] = []

    def on_signal(*args: Any) -> None:
        received.append(args)
        loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    signal.connect(on_signal)
    try:
        trigger()
        if not received:
            timer.start(timeout_ms)
            loop.exec()
    finally:
        timer.stop()
        signal.disconnect(on_signal)
    return received[0] if received else None


def _delete_now(widget: Any) -> None:
    """deleteLater() and wait (at most 5 s) in an event loop until the widget is gone."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    widget.destroyed.connect(loop.quit)   # no disconnect afterwards: the sender no longer exists
    widget.deleteLater()
    timer.start(5000)
    loop.exec()
    timer.stop()


def _wait_for_basemap(panel: Any) -> dict[str, Any]:
    """The page's own stats once every visible basemap tile is drawn (or the last seen at the timeout)."""
    from PySide6.QtCore import QObject, QTimer, Signal

    class Answer(QObject):
        arrived = Signal(object)

    answer = Answer()
    stats: dict[str, Any] = {}
    deadline = time.monotonic() + BASEMAP_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        reply = _wait_for_signal(answer.arrived, 5000,
                                 lambda: panel.run_javascript("JSON.stringify(SM.stats())", answer.arrived.emit))
        stats = json.loads(reply[0]) if reply and isinstance(reply[0], str) else stats
        if stats.get("basemapLoaded"):
            break
        _wait_for_signal(answer.arrived, 200, lambda: None)   # a pause: nothing emits it here
    QTimer.singleShot(0, answer.deleteLater)
    return stats


def startup_probe(project_path: Path) -> int:
    """Start as the application does (ui.startup.start_window: the window, its features, the project
    opened map first) on `project_path`, print "drawn <n>" as soon as its map has drawn, and exit.

    benchmarks/startup_bench.py times this from process start (frozen and from source). Settings go
    to a temporary folder so a measurement never changes the user's recent projects. With
    STATIONMAP_PROBE_TRACE=1 each stage is announced on stderr as it ends ("stage <name>"), for
    whoever times the lines as they arrive, and what the probe saw is reported after "drawn": whether
    pandas and numpy had been imported by then ("pandas-at-drawn", "numpy-at-drawn"), the page loads
    ("pages"), and when the incident table reached the window ("stage table") and the basemap's tiles
    were all drawn ("stage basemap").
    """
    from stationmap.store.paths import setup_file_logging

    trace = os.environ.get("STATIONMAP_PROBE_TRACE") == "1"

    def stage(name: str) -> None:
        if trace:
            print(f"stage {name}", file=sys.stderr, flush=True)

    stage("interpreter")
    setup_file_logging()
    with tempfile.TemporaryDirectory(prefix="stationmap-probe-") as scratch:
        state = SelfTestState(Path(scratch))
        _ensure_application(state)
        stage("application")
        from stationmap.ui.app_config import SettingsStore
        from stationmap.ui.startup import start_window

        stage("imports")
        from PySide6.QtCore import QObject, Signal

        class Relay(QObject):
            arrived = Signal(int)      # the map has drawn (the number of incidents it shows)
            table = Signal(object)     # the window's incident table has arrived

        relay = Relay()
        window: Any = None
        imported_at_drawn: list[dict[str, bool]] = []   # whether pandas and numpy were, when the map drew
        relay.arrived.connect(lambda _visible: imported_at_drawn.append(
            {name: name in sys.modules for name in ("pandas", "numpy")}))

        def open_window() -> None:
            nonlocal window
            # STATIONMAP_PROBE_EAGER=1 builds every feature dock up front (the window before lazy docks).
            window = start_window(SettingsStore(Path(scratch)), project_path,
                                  lazy=os.environ.get("STATIONMAP_PROBE_EAGER") != "1", stage=stage)
            window.map_panel.loaded.connect(lambda: stage("page loaded"))
            window.map_panel.drawn.connect(relay.arrived)
            window.incidents_changed.connect(relay.table)

        drawn = _wait_for_signal(relay.arrived, MAP_TIMEOUT_MS, open_window)
        print(f"drawn {drawn[0]}" if drawn else "timeout", flush=True)
        stage("drawn")
        if trace and drawn:
            for name, imported in imported_at_drawn[0].items():
                print(f"{name}-at-drawn {imported}", file=sys.stderr, flush=True)
            if window.incidents is None:
                _wait_for_signal(relay.table, MAP_TIMEOUT_MS, lambda: None)
            stage("table")
            _wait_for_basemap(window.map_panel)
            stage("basemap")
        if window is not None:
            window.close()
            _delete_now(window)
    return 0 if drawn else 1

