"""Where StationMap keeps its log and per-user data, without Qt (the CLI must not load it).

`$STATIONMAP_CONFIG_DIR` wins (tests, portable USB installs), as in the UI's
settings; otherwise the platform's application-data folder.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

CONFIG_ENV = "STATIONMAP_CONFIG_DIR"
LOG_FILE = "stationmap.log"
SAMPLE_PROJECT = "estacion_de_ejemplo.stationmap"
_LOG_MAX_BYTES = 1_000_000
_LOG_BACKUPS = 3


def install_root() -> Path:
    """Where StationMap's own files (resources/, sample_data/) live: the source checkout, or the
    folder a PyInstaller bundle unpacks its data into (sys._MEIPASS)."""
    bundled = getattr(sys, "_MEIPASS", None)
    return Path(bundled) if bundled else Path(__file__).resolve().parents[3]


def resources_dir(name: str) -> Path:
    """resources/<name>: web assets, translations, training material."""
    return install_root() / "resources" / name


def app_data_dir(create: bool = True) -> Path:
    """The per-user folder for settings, log and the sample project (created on demand; `create=False`
    only names it, for `--help`, which must leave no folder behind)."""
    return _user_folder(windows=("APPDATA", "Roaming", "StationMap"), darwin="Application Support/StationMap",
                        xdg=("XDG_DATA_HOME", ".local/share"), create=create)


def app_cache_dir() -> Path:
    """The per-user folder for what can be rebuilt at any time (the map cache): the platform's local
    cache folder, never a roaming profile that a domain laptop copies at every logon."""
    return _user_folder(windows=("LOCALAPPDATA", "Local", "StationMap/cache"), darwin="Caches/StationMap",
                        xdg=("XDG_CACHE_HOME", ".cache"))


def _user_folder(*, windows: tuple[str, str, str], darwin: str, xdg: tuple[str, str], create: bool = True) -> Path:
    """`$STATIONMAP_CONFIG_DIR` when set (tests, portable installs keep everything together), else the
    platform's folder: %<variable>% (AppData/<fallback> without it)/<sub> on Windows,
    ~/Library/<darwin> on macOS, $<XDG variable> (~/<fallback> without it)/stationmap elsewhere."""
    configured = os.environ.get(CONFIG_ENV)
    if configured:
        folder = Path(configured)
    elif sys.platform == "win32":
        variable, fallback, sub = windows
        folder = Path(os.environ.get(variable) or Path.home() / "AppData" / fallback) / sub
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / darwin
    else:
        variable, fallback = xdg
        folder = Path(os.environ.get(variable) or Path.home() / fallback) / "stationmap"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_path(create: bool = True) -> Path:
    return app_data_dir(create) / LOG_FILE


def sample_project_path() -> Path:
    return app_data_dir() / SAMPLE_PROJECT


def setup_file_logging(level: int = logging.INFO) -> Path:
    """Send the `stationmap` loggers to the rotating log file (once per process); return its path."""
    path = log_path()
    logger = logging.getLogger("stationmap")
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = RotatingFileHandler(path, maxBytes=_LOG_MAX_BYTES, backupCount=_LOG_BACKUPS,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    return path
