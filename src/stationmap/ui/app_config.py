"""How settings are persisted: an INI file in the application's data folder.

The folder is `store.paths.app_data_dir()` (`$STATIONMAP_CONFIG_DIR` when set,
else the platform's application-data folder), the same one the CLI logs to.
Settings are an INI file there rather than the Windows registry, so a test or a
trainer can reset everything by deleting one folder. In portable mode, paths inside the
program's folder are kept relative to it (store.portable.path_to_store): a workshop folder on a
USB stick keeps its recent projects when Windows gives the stick another drive letter.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from stationmap.core.settings import Settings
from stationmap.store.paths import app_data_dir
from stationmap.store.portable import active_portable_dir, path_to_store, program_folder, stored_path

SETTINGS_FILE = "stationmap.ini"


class SettingsStore:
    """`core.settings.Settings` plus window geometry, kept in the INI file."""

    def __init__(self, folder: Path | None = None) -> None:
        path = (folder or app_data_dir()) / SETTINGS_FILE
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        # Where relative paths start: the program's folder in portable mode; none otherwise.
        self._base = program_folder() if active_portable_dir() is not None else None

    @property
    def path(self) -> Path:
        return Path(self._qsettings.fileName())

    def load(self) -> Settings:
        raw = self._qsettings.value("app/settings", "")
        try:
            data = json.loads(raw) if isinstance(raw, str) and raw else {}
        except json.JSONDecodeError:
            data = {}  # a hand-damaged file must not stop the app; defaults are safe
        settings = Settings.from_dict(data if isinstance(data, dict) else {})
        settings.recent_projects = [stored_path(p, self._base) for p in settings.recent_projects]
        settings.last_import_dir = stored_path(settings.last_import_dir, self._base)
        return settings

    def save(self, settings: Settings) -> None:
        data = settings.to_dict()
        data["recent_projects"] = [path_to_store(p, self._base) for p in settings.recent_projects]
        data["last_import_dir"] = path_to_store(settings.last_import_dir, self._base) if settings.last_import_dir else ""
        # One JSON value: INI lists of one element come back as plain strings otherwise.
        self._qsettings.setValue("app/settings", json.dumps(data, ensure_ascii=False))
        self._qsettings.sync()

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._qsettings.value("window/geometry")
        state = self._qsettings.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", geometry)
        self._qsettings.setValue("window/state", state)
        self._qsettings.sync()


def dialog_start_folder(*candidates: str | Path) -> str:
    """Where a file dialog opens: the first candidate folder that exists and is not the app's own data
    folder, else the user's Documents, else home.

    The sample station (and the training copies) live in the app's data folder, a hidden folder the
    user never chose: after opening the sample, "Nuevo proyecto" and "Importar carpeta" opened there.
    """
    from PySide6.QtCore import QStandardPaths

    own = app_data_dir(create=False).resolve()
    for candidate in candidates:
        if not candidate:
            continue
        folder = Path(candidate).resolve()
        if folder.is_dir() and folder != own and own not in folder.parents:
            return str(folder)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())
