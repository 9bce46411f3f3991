"""The app:// scheme: the map page, its assets, its data and the basemap, served from memory and files.

`register_app_scheme()` must run before the QApplication exists (Qt reads scheme registrations once,
when the web engine starts). The flags matter: without FetchApiAllowed `fetch()` fails, without
CorsEnabled and the Access-Control-Allow-Origin header the basemap's range requests are refused.
"""

from __future__ import annotations

import gzip
import logging
import os
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QFile, QIODevice
from PySide6.QtWebEngineCore import (QWebEngineUrlRequestJob, QWebEngineUrlScheme,
                                     QWebEngineUrlSchemeHandler)
from shiboken6 import isValid

from stationmap.maps import assets

log = logging.getLogger(__name__)

SCHEME = b"app"
HOST = "stationmap"
ORIGIN = f"app://{HOST}"
_registered = False


def register_app_scheme() -> bool:
    """Register app:// with the web engine; call once before QApplication. Returns False if too late."""
    global _registered
    if _registered:
        return True
    if QCoreApplication.instance() is not None:
        log.error("app:// scheme registered after QApplication was created; the map cannot load")
        return False
    # Importing the widgets module here lets it set the shared-OpenGL attribute QtWebEngine needs
    # before the application object exists.
    import PySide6.QtWebEngineWidgets  # noqa: F401

    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme | QWebEngineUrlScheme.Flag.LocalAccessAllowed
                    | QWebEngineUrlScheme.Flag.CorsEnabled | QWebEngineUrlScheme.Flag.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)
    _registered = True
    return True


def new_key() -> str:
    """A random key for a URL of ours: 128 bits, as uuid4's hex, without importing uuid (it loads
    `platform`, about 0.015 s on the main thread at start-up)."""
    return os.urandom(16).hex()


def _gunzipped(data: bytes) -> bytes:
    # MVT tiles are often stored gzipped in MBTiles; the page's tile reader wants raw protobuf.
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


class AppSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers app://stationmap/<route>/... from registries that panels fill.

    Routes: web/<asset>, qt/qwebchannel.js, mem/<key> (pages, data, images), file/<key>.<ext>
    (PMTiles answered whole as a QFile: the engine serves byte ranges itself) and
    tiles/<key>/<z>/<x>/<y>.<ext> (z/x/y tiles read from an MBTiles pack).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._memory: dict[str, tuple[bytes, str]] = {}
        # Keys reserved for data not made yet, and the requests already waiting for them.
        self._waiting: dict[str, list[QWebEngineUrlRequestJob]] = {}
        self._files: dict[str, Path] = {}
        self._packs: dict[str, Any] = {}

    # --- registries -------------------------------------------------------------------------
    def put_bytes(self, data: bytes, name: str, key: str | None = None) -> str:
        """Serve `data` at a new (or given, e.g. reserved) key; returns its URL. `name` gives the content type.

        Requests that were waiting for a reserved key are answered now (on the calling, GUI, thread).
        """
        key = key or f"{new_key()}/{name}"
        entry = (data, assets.content_type(name))
        with self._lock:
            self._memory[key] = entry
            waiting = self._waiting.pop(key, [])
        for job in waiting:
            if isValid(job):   # the page may have gone (and its request with it) meanwhile
                self._reply_bytes(job, *entry)
        return f"{ORIGIN}/mem/{key}"

    def reserve(self, name: str) -> str:
        """A URL for data not made yet: a request for it waits until `put_bytes(..., key=url_key(url))`.

        Lets a page ask for its data while it loads, before Python has it ready.
        """
        key = f"{new_key()}/{name}"
        with self._lock:
            self._waiting[key] = []
        return f"{ORIGIN}/mem/{key}"

    @staticmethod
    def url_key(url: str) -> str:
        return url.removeprefix(f"{ORIGIN}/mem/")

    def drop(self, url: str) -> None:
        key = self.url_key(url)
        with self._lock:
            self._memory.pop(key, None)
            waiting = self._waiting.pop(key, [])
        for job in waiting:   # reserved and never made: the page's request ends
            if isValid(job):
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    def put_file(self, path: Path) -> str:
        key = f"{new_key()}{path.suffix.lower()}"
        with self._lock:
            self._files[key] = path
        return f"{ORIGIN}/file/{key}"

    def put_pack(self, pack: Any, extension: str) -> str:
        key = new_key()
        with self._lock:
            self._packs[key] = pack
        return f"{ORIGIN}/tiles/{key}/{{z}}/{{x}}/{{y}}.{extension}"

    # --- serving ------------------------------------------------------------------------------
    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt override)
        url = job.requestUrl()
        route, _, rest = url.path().lstrip("/").partition("/")
        try:
            if url.host() != HOST:
                self._fail(job, "unknown host")
            elif route == "web":
                self._reply_file(job, assets.asset_path(rest))
            elif route == "qt" and rest == "qwebchannel.js":
                self._reply_file(job, ":/qtwebchannel/qwebchannel.js", "text/javascript")
            elif route == "mem":
                with self._lock:
                    entry = self._memory.get(rest)
                    if entry is None and rest in self._waiting:
                        self._waiting[rest].append(job)   # answered by put_bytes
                        return
                if entry is None:
                    self._fail(job, "no such data")
                else:
                    self._reply_bytes(job, *entry)
            elif route == "file":
                with self._lock:
                    path = self._files.get(rest)
                self._reply_file(job, path)
            elif route == "tiles":
                self._reply_tile(job, rest)
            else:
                self._fail(job, "unknown route")
        except Exception:  # a request must never take the application down
            log.exception("app:// request failed: %s", url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)

    def _headers(self, job: QWebEngineUrlRequestJob) -> None:
        job.setAdditionalResponseHeaders({QByteArray(b"Access-Control-Allow-Origin"): QByteArray(b"*")})

    def _reply_bytes(self, job: QWebEngineUrlRequestJob, data: bytes, content_type: str) -> None:
        buffer = QBuffer(job)  # parented to the job: freed when the engine is done with it
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._headers(job)
        job.reply(content_type.encode(), buffer)

    def _reply_file(self, job: QWebEngineUrlRequestJob, path: Path | str | None,
                    content_type: str | None = None) -> None:
        if path is None:
            self._fail(job, "no such file")
            return
        file = QFile(str(path), job)
        if not file.open(QIODevice.OpenModeFlag.ReadOnly):
            self._fail(job, f"cannot open {path}")
            return
        self._headers(job)
        job.reply((content_type or assets.content_type(str(path))).encode(), file)

    def _reply_tile(self, job: QWebEngineUrlRequestJob, rest: str) -> None:
        parts = rest.split("/")
        with self._lock:
            pack = self._packs.get(parts[0]) if len(parts) == 4 else None
        if pack is None:
            self._fail(job, "no such pack")
            return
        y_text, _, extension = parts[3].partition(".")
        data = pack.tile(int(parts[1]), int(parts[2]), int(y_text))
        if extension in ("mvt", "pbf"):
            # A tile the pack lacks is an empty vector tile, not an error the page would log.
            self._reply_bytes(job, _gunzipped(data) if data else b"", assets.content_type("t.mvt"))
        elif data:
            self._reply_bytes(job, data, assets.content_type(f"t.{extension}"))
        else:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    def _fail(self, job: QWebEngineUrlRequestJob, why: str) -> None:
        log.warning("app:// %s: %s", why, job.requestUrl().toString())
        job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
