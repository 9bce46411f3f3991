"""Where the application keeps its settings and log, and how settings are persisted.

Everything lives in one folder: `$STATIONMAP_CONFIG_DIR` when set (tests, a
portable USB install), else Qt's AppDataLocation. Settings are an INI file in
that folder (not the Windows registry), so a test or a trainer can reset them
by deleting one folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from stationmap.core.settings import Settings

CONFIG_ENV = "STATIONMAP_CONFIG_DIR"
SETTINGS_FILE = "stationmap.ini"
LOG_FILE = "stationmap.log"


def config_dir() -> Path:
    configured = os.environ.get(CONFIG_ENV)
    if configured:
        folder = Path(configured)
    else:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        folder = Path(location or Path.home() / ".stationmap")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_path() -> Path:
    return config_dir() / LOG_FILE


class SettingsStore:
    """`core.settings.Settings` plus window geometry, kept in the INI file."""

    def __init__(self, folder: Path | None = None) -> None:
        path = (folder or config_dir()) / SETTINGS_FILE
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return Path(self._qsettings.fileName())

    def load(self) -> Settings:
        raw = self._qsettings.value("app/settings", "")
        try:
            data = json.loads(raw) if isinstance(raw, str) and raw else {}
        except json.JSONDecodeError:
            data = {}  # a hand-damaged file must not stop the app; defaults are safe
        return Settings.from_dict(data if isinstance(data, dict) else {})

    def save(self, settings: Settings) -> None:
        # One JSON value: INI lists of one element come back as plain strings otherwise.
        self._qsettings.setValue("app/settings", json.dumps(settings.to_dict(), ensure_ascii=False))
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
