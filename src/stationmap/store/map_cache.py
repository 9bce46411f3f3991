"""A cache of what the map drew last for a project, so that the next start-up draws it sooner.

Reading the map's incidents (store.incident_chunks.read_columns) takes pyarrow and numpy work on a
worker while the map page loads; at start-up that worker competes with the page for the interpreter.
What it produces depends only on the stored incidents, so it is kept in the user's cache folder
(store.paths.app_cache_dir; never in the project file, which may sit read-only on a USB stick),
under a fingerprint of the incident chunks (store.incident_chunks.fingerprint: their ids, rows and
bytes, hashed without decoding them). Any change to the incidents (an import, a recategorisation,
a migration) changes the fingerprint, and the cache is simply not used. Only the few most recent
projects are kept, and only reasonably small entries.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

from stationmap.store.paths import app_cache_dir

log = logging.getLogger(__name__)

FOLDER = "map-cache"
KEEP = 4                         # projects whose last map is kept
MAX_BYTES = 64 * 2**20           # larger entries are not kept (a million incidents take about 35 MB)
_MAGIC = b"SMMAPCACHE1\n"


def _entry_path(project_path: Path) -> Path:
    name = hashlib.sha256(str(Path(project_path).resolve()).encode()).hexdigest()[:32]
    return app_cache_dir() / FOLDER / f"{name}.bin"


def read(project_path: Path, key: str) -> bytes | None:
    """The bytes stored for `project_path` under `key`, or None (none, stale or unreadable)."""
    path = _entry_path(project_path)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = _MAGIC + key.encode() + b"\n"
    return data[len(head):] if data.startswith(head) else None


def write(project_path: Path, key: str, data: bytes) -> None:
    """Keep `data` for `project_path` under `key` (best effort: a cache never fails the caller)."""
    if len(data) > MAX_BYTES:
        return
    path = _entry_path(project_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(_MAGIC + key.encode() + b"\n")
            handle.write(data)
        os.replace(handle.name, path)
        entries = sorted(path.parent.glob("*.bin"), key=lambda entry: entry.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        log.warning("map cache not written for %s", project_path, exc_info=True)
