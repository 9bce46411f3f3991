"""Block and record every request of the map that would leave the machine.

Allowed: app: (our scheme), data:, blob:, and file: inside explicitly allowed folders. Everything else
(http, https, ws, ftp, file elsewhere, ...) is blocked, logged, and kept in `blocked` for tests.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"app", "data", "blob"})


class OfflineInterceptor(QWebEngineUrlRequestInterceptor):
    def __init__(self, parent=None, allowed_dirs: tuple[Path, ...] = ()) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._blocked: list[str] = []
        self.allowed_dirs = tuple(Path(d).resolve() for d in allowed_dirs)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt override)
        url = info.requestUrl()
        scheme = url.scheme().lower()
        if scheme in ALLOWED_SCHEMES:
            return
        if scheme == "file" and self._file_allowed(url.toLocalFile()):
            return
        info.block(True)
        text = url.toString()
        with self._lock:
            self._blocked.append(text)
        log.warning("blocked a request that would leave the machine: %s", text)

    def _file_allowed(self, local: str) -> bool:
        path = Path(local).resolve()
        return any(path.is_relative_to(d) for d in self.allowed_dirs)

    @property
    def blocked(self) -> list[str]:
        """Every blocked URL since start (or since `clear()`), oldest first."""
        with self._lock:
            return list(self._blocked)

    def clear(self) -> None:
        with self._lock:
            self._blocked.clear()
