"""Portable mode for shared workshop laptops: settings, log, sample and training copies beside the program.

A folder `StationMapData` (or a file `portable.txt`) next to the executable turns
portable mode on; a run from source turns it on with `STATIONMAP_PORTABLE=1` and
keeps the data in the checkout's own `StationMapData`. The rest of the program
needs no change: `enable_portable_mode()` sets `$STATIONMAP_CONFIG_DIR`, which
`store.paths.app_data_dir()` and the UI's settings already read, so it must run
before either is first used (first thing in the GUI and the CLI). Qt's own settings
(its file dialogs' last folders) follow once the application exists
(ui.portable_qt.keep_qt_settings_in).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import MutableMapping
from pathlib import Path, PureWindowsPath

from stationmap.store.paths import CONFIG_ENV

PORTABLE_ENV = "STATIONMAP_PORTABLE"
PORTABLE_FOLDER = "StationMapData"
PORTABLE_MARKER = "portable.txt"

log = logging.getLogger(__name__)


def program_folder(frozen: bool | None = None) -> Path:
    """The folder holding `StationMap.exe` in a bundle; the repository root for a source run."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if frozen:
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[3]


def portable_data_dir(folder: Path | None = None, environ: MutableMapping[str, str] | None = None,
                      frozen: bool | None = None) -> Path | None:
    """Where portable data lives, or None when this run is not portable."""
    environ = os.environ if environ is None else environ
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    folder = folder or program_folder(frozen)
    data = folder / PORTABLE_FOLDER
    if frozen:
        return data if data.is_dir() or (folder / PORTABLE_MARKER).is_file() else None
    # A checkout always sits beside its own files; only the explicit switch makes it portable,
    # so a developer's settings never land in the repository by accident.
    return data if environ.get(PORTABLE_ENV) == "1" else None


def enable_portable_mode(folder: Path | None = None, environ: MutableMapping[str, str] | None = None,
                         frozen: bool | None = None) -> Path | None:
    """Point `$STATIONMAP_CONFIG_DIR` at the portable folder when this run is portable.

    An explicit `$STATIONMAP_CONFIG_DIR` wins (support staff and tests set it on purpose).
    A portable folder that cannot be created (a read-only stick) leaves the normal
    per-user folder in use rather than stopping the program. Returns the folder used.
    """
    environ = os.environ if environ is None else environ
    if environ.get(CONFIG_ENV):
        return None
    data = portable_data_dir(folder, environ, frozen)
    if data is None:
        return None
    try:
        data.mkdir(parents=True, exist_ok=True)
        probe = data / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        log.warning("Portable folder %s is not writable (%s); using the per-user folder", data, error)
        return None
    environ[CONFIG_ENV] = str(data)
    return data


def active_portable_dir(folder: Path | None = None, environ: MutableMapping[str, str] | None = None,
                        frozen: bool | None = None) -> Path | None:
    """The portable folder this process uses (enable_portable_mode chose it, now or earlier), else None."""
    environ = os.environ if environ is None else environ
    data = portable_data_dir(folder, environ, frozen)
    return data if data is not None and environ.get(CONFIG_ENV) == str(data) else None


# Recent projects in portable mode: a workshop folder is copied, renamed and moved between laptops, so
# paths inside the program's folder are kept relative to it (with "/", which Windows and Linux both
# read) and paths outside it as they are; both forms are read.

def path_to_store(path: str | Path, base: Path | None) -> str:
    """`path` as settings keep it: relative to `base` (the program folder in portable mode) when inside."""
    if base is None:
        return str(path)
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def stored_path(text: str, base: Path | None) -> str:
    """A path read from the settings: a relative one is inside `base`; an absolute one stays as it is."""
    path = Path(text)
    if base is None or not text or path.is_absolute() or PureWindowsPath(text).drive:
        return text
    return str(base / path)
