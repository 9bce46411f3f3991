"""The window as the application starts it: shell, features, shown, then the project, map first.

app.run_gui and selftest.startup_probe (which benchmarks/startup_bench.py times) both go through
`start_window`, so that what is measured is what a user gets.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path
from typing import Any, Callable, Mapping, MutableMapping

# Garbage collection resumes this long after start-up at the latest, should the first map never draw.
GC_AT_THE_LATEST_MS = 10_000
_gc_paused = False
# Chromium switches by which a user asks for Chromium's own logging; with none of them, only its fatal
# errors reach the console.
CHROMIUM_LOGGING_FLAGS = ("--enable-logging", "--disable-logging", "--log-level", "--v=", "--vmodule")
qt_log = logging.getLogger("stationmap.qt")


def prepare_environment(environ: MutableMapping[str, str] = os.environ) -> None:
    """What the GUI process must have in its environment before QtWebEngine and numpy start: set in
    `environ` (this process's by default; benchmarks/startup_bench.py gives another process the same),
    each value only where it is not set already. For this process, Qt's messages go to the log file."""
    if environ is os.environ:
        send_qt_messages_to_log()
    # Chromium prints its errors to the console, and a technician running the self-test took them for
    # failures ("Failed to connect to the bus": a laptop with no D-Bus system bus). --log-level=3 keeps
    # only fatal ones; added to the user's own switches (--disable-gpu) unless they ask for logging.
    flags = environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if not any(flag.startswith(CHROMIUM_LOGGING_FLAGS) for flag in flags.split()):
        environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --log-level=3".strip()
    # QtWebEngine refuses to start its sandbox as root (training laptops, containers, CI).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # numpy's OpenBLAS starts a thread per core when numpy is imported, and they spin while waiting:
    # at start-up that took 0.07 s of CPU from the first map's page on a two-core laptop. The app's
    # matrix work is small (FFTs and grids do not use BLAS), so one thread costs it nothing.
    environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if _chromium_gpu_disabled(environ):
        # The map's pages are then drawn in software by Chromium, and Qt Quick (which puts them on
        # screen) does best to follow suit: through OpenGL, on a machine with no usable GPU that is
        # Mesa's llvmpipe, two threads emulating a GPU to show an image already drawn (0.10 s of CPU
        # before the first map; half a core while a page animates). The frozen app under Xvfb, 8
        # alternating runs on one busy machine: start-up to the drawn map 0.88 -> 0.77 s (medians).
        # The same pair of switches keeps both halves off a graphics driver that misdraws.
        environ.setdefault("QT_QUICK_BACKEND", "software")


def _chromium_gpu_disabled(environ: Mapping[str, str]) -> bool:
    """Whether QtWebEngine is told to do without the GPU (QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu),
    as on machines without usable graphics drivers: virtual machines, remote desktops, CI."""
    return "--disable-gpu" in environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()


def send_qt_messages_to_log() -> None:
    """Qt's own messages ("Sandboxing disabled by user.", "GLX: No DRI3 Extension.") to the log file
    rather than the console, where they read as failures; critical and fatal ones to both. Safe before
    QApplication exists and when called again. A handler already installed by someone else (pytest-qt's
    capture, in a test) is left in place."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = qInstallMessageHandler(_qt_message)
    if previous is not None and previous is not _qt_message:
        qInstallMessageHandler(previous)


def _qt_message(kind: Any, context: Any, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(kind, logging.ERROR)
    category = getattr(context, "category", None)
    text = message if category in (None, "default") else f"[{category}] {message}"
    logged = _log_file_ready()
    if logged:
        qt_log.log(level, "%s", text)
    if level >= logging.ERROR or not logged:
        print(text, file=sys.stderr, flush=True)


def _log_file_ready() -> bool:
    """Whether the log file takes messages, setting it up if needed: Qt speaks before app.run_gui sets up
    the log (as QApplication starts), and the folder is known by then (portable mode comes first)."""
    from stationmap.store.paths import setup_file_logging

    try:
        setup_file_logging()
    except OSError:
        return False
    return True


def pause_garbage_collection() -> None:
    """No cyclic garbage collection until the first map is drawn (start_window resumes it).

    Start-up makes a few hundred thousand objects that live as long as the application (modules,
    classes, Qt's enums, widgets) and next to no cyclic garbage, and the collector kept scanning them
    as they grew: about 0.06 s of the main thread's CPU before the first map, on the way to it.
    Called first thing by the entry points (app.run_gui, installer/launch_console.py's start-up probe).
    """
    global _gc_paused
    if gc.isenabled():
        gc.disable()
        _gc_paused = True


def resume_garbage_collection() -> None:
    """Undo pause_garbage_collection (nothing if it did not pause it).

    What start-up made is frozen first (gc.freeze): re-enabled as it was, the collector's first pass
    went through all of it (about 45,000 objects, 0.05 s, right as the first map was shown) to find a
    couple of hundred unreachable objects, which now stay in memory instead.
    """
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.freeze()
        gc.enable()


def start_window(store: Any, project_path: Path | str | None, *, lazy: bool = True,
                 stage: Callable[[str], None] = lambda name: None) -> Any:
    """Build and show the main window (ui.main_window.MainWindow) on `store`'s settings and open
    `project_path` map first (ui.map_first). `stage(name)` is told as each step ends."""
    from PySide6.QtCore import Qt, QTimer

    from stationmap.ui.main_window import MainWindow

    window = MainWindow(store)
    stage("window")
    # Every feature area; their docks are built when first shown (lazy=False builds them now).
    window.install_features(lazy=lazy)
    stage("features")
    window.show()
    if project_path is not None:
        window.map_panel.drawn.connect(resume_garbage_collection, Qt.ConnectionType.SingleShotConnection)
        window.open_project(project_path, map_first=True)
        stage("project opened")
    # With no project to draw, once the window is up; in any case, not later than this.
    QTimer.singleShot(0 if project_path is None else GC_AT_THE_LATEST_MS, resume_garbage_collection)
    return window
