"""Opening a project map first, as the window does at start-up.

The map needs a handful of columns, which pyarrow and numpy read from the project in a few
milliseconds (store.incident_chunks.read_columns); the incident table, the filters, the charts and the feature
panels need the whole table as a pandas DataFrame, and pandas alone takes about 0.4 s to import. So
at start-up the map's page starts loading at once, its incidents are read beside it on a worker,
and the whole table is read (on a worker, so the map stays responsive) once the map has drawn them,
or after TABLE_AT_THE_LATEST_MS whatever happened. Then the window announces the project and its
incidents to every view, as when a project is opened any other way; the map only takes in the
table, having drawn the same incidents already (MapPanel.set_incidents tells).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer

from stationmap.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# The table is read after the map's first draw, but not later than this after the project opened.
TABLE_AT_THE_LATEST_MS = 3000


def read_map_payload(path: Path, progress: Any) -> Any:
    """The map's incidents (maps.payload.IncidentPayload) of a project file, without pandas: as the
    map drew them last time when the incidents have not changed since (store.map_cache), and then
    without numpy either (maps.payload says why)."""
    from stationmap import __version__
    from stationmap.maps.payload import PAYLOAD_FORMAT, payload_from_bytes, payload_to_bytes
    from stationmap.store import map_cache
    from stationmap.store.project import Project

    progress(0.0, "")
    with Project.open(path) as project:   # its own connection: SQLite's belong to their thread
        key = project.incidents_fingerprint(f"{__version__}/{PAYLOAD_FORMAT}")
        cached = map_cache.read(path, key)
        if cached is not None:
            try:
                return payload_from_bytes(cached)
            except ValueError:
                log.warning("map cache of %s unreadable; reading the incidents", path)
        from stationmap.maps.points import ARROW_COLUMNS, incident_payload_from_arrow

        ids, columns = project.incident_columns(ARROW_COLUMNS)
    payload = incident_payload_from_arrow(ids, columns)
    map_cache.write(path, key, payload_to_bytes(payload))
    return payload


def read_incident_table(path: Path, progress: Any) -> Any:
    """The project's whole incident table (Project.incidents), pandas imported here if not yet."""
    from stationmap.store.project import Project

    progress(0.0, "")
    with Project.open(path) as project:
        return project.incidents()


class MapFirst(QObject):
    """Reads a just-opened project's map incidents, then its table, and hands them over:
    `show_payload(payload)` as soon as the map's incidents are read, `take_table(incidents)` (or
    `table_failed(error)`) once the table is, after the map's first draw."""

    def __init__(self, map_drawn: Any, show_payload: Callable[[Any], None], take_table: Callable[[Any], None],
                 table_failed: Callable[[Exception], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._payloads = TaskRunner(self)
        self._payloads.succeeded.connect(show_payload)
        # The table will say what is wrong (it reads the same chunks), and the map gets it from there.
        self._payloads.failed.connect(lambda error: log.warning("map incidents not read first: %s", error))
        self._payloads.failed.connect(lambda _error: self._read_table())
        self._tables = TaskRunner(self)
        self._tables.succeeded.connect(take_table)
        self._tables.failed.connect(table_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TABLE_AT_THE_LATEST_MS)
        self._timer.timeout.connect(self._read_table)
        # On the next turn of the event loop: the map's first frame is shown before the worker starts.
        map_drawn.connect(lambda _visible: QTimer.singleShot(0, self, self._read_table))

    @property
    def pending(self) -> bool:
        """The table of the project being opened has not been read yet."""
        return self._path is not None or self._tables.is_running()

    def start(self, path: Path) -> None:
        self.cancel()
        self._path = Path(path)
        self._payloads.start(read_map_payload, self._path)
        self._timer.start()

    def cancel(self) -> None:
        self._path = None
        self._timer.stop()
        self._payloads.cancel()
        self._tables.cancel()

    def wait(self, msecs: int = 30_000) -> None:
        self._payloads.wait(msecs)
        self._tables.wait(msecs)

    def _read_table(self) -> None:
        if self._path is None:      # read already, or nothing being opened
            return
        path, self._path = self._path, None
        self._timer.stop()
        self._payloads.cancel()   # still reading (the timer ran out): the table brings them all
        self._tables.start(read_incident_table, path)
