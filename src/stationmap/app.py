"""Build the QApplication and the main window: `stationmap gui [FILE]` and `stationmap-gui`.

Order matters: the map's URL scheme must be registered before QApplication
exists, and the log and exception hook must be in place before any window code
runs, so that no user ever sees a traceback.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger("stationmap.app")


RUNNING_MUTEX = "Local\\StationMap.Running"
_running_mutex = None   # held for the life of the process


def _prepare_environment() -> None:
    global _running_mutex
    from stationmap.ui.startup import prepare_environment

    prepare_environment()
    if sys.platform == "win32":
        # The installer refuses to replace a running copy; it looks for this named mutex.
        import ctypes

        _running_mutex = ctypes.windll.kernel32.CreateMutexW(None, False, RUNNING_MUTEX)


def _register_map_scheme() -> None:
    from stationmap.ui.map import register_app_scheme

    register_app_scheme()


def run_gui(project_path: Path | None = None) -> int:
    """Open the window on `project_path`, else the most recent project, else the start page."""
    from stationmap.ui.startup import pause_garbage_collection

    pause_garbage_collection()   # until the first map is drawn (ui.startup.start_window)
    from stationmap.store.portable import active_portable_dir, enable_portable_mode

    enable_portable_mode()  # a workshop laptop's StationMapData folder beside the program, if present
    # pandas is no longer imported here, before PySide6: the first map is drawn without it
    # (ui.map_first), and the incident table imports it on a worker afterwards.
    _prepare_environment()
    _register_map_scheme()

    from PySide6.QtWidgets import QApplication

    from stationmap import __version__
    from stationmap.core.messages import set_language
    from stationmap.store.paths import setup_file_logging
    from stationmap.ui.app_config import SettingsStore
    from stationmap.ui.app_icon import app_icon
    from stationmap.ui.error_display import install_excepthook
    from stationmap.ui.portable_qt import keep_qt_settings_in
    from stationmap.ui.startup import start_window
    from stationmap.ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("StationMap")
    app.setOrganizationName("StationMap")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    portable = active_portable_dir()   # chosen above, or already by the command line (`stationmap gui`)
    if portable is not None:
        keep_qt_settings_in(portable, app)   # the file dialogs' folders stay on the stick too
    path = setup_file_logging()
    install_excepthook()
    log.info("StationMap %s starting; log at %s", __version__, path)

    store = SettingsStore()
    settings = store.load()
    set_language(settings.language)
    translators = install_translators(app, settings.language)  # must outlive app.exec()

    if project_path is None and settings.recent_projects and Path(settings.recent_projects[0]).exists():
        project_path = Path(settings.recent_projects[0])
    window = start_window(store, project_path)
    code = app.exec()
    del window
    translators.clear()
    return code


def main() -> None:
    """Entry point of the `stationmap-gui` script."""
    argument = sys.argv[1] if len(sys.argv) > 1 else None
    sys.exit(run_gui(Path(argument) if argument else None))
