"""The map's QWebEnginePage: keeps the page's console errors (logged, and visible to tests)."""

from __future__ import annotations

import logging

from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

log = logging.getLogger(__name__)

# What Chromium says when a fetch is cut off, including by the page being replaced.
_CANCELLED_FETCH = "Failed to fetch"


class MapWebPage(QWebEnginePage):
    def __init__(self, profile: QWebEngineProfile, parent=None) -> None:
        super().__init__(profile, parent)
        self.console_errors: list[str] = []
        # From a load's start to its end the page being replaced may still speak: when another project
        # or language loads, its basemap tiles and data still on their way are cancelled, and the
        # basemap's library reports each one (two dozen "Failed to fetch" errors in a row in the log,
        # which read as a broken map to whoever supports the station).
        self._replacing = False
        self.loadStarted.connect(lambda: setattr(self, "_replacing", True))
        self.loadFinished.connect(lambda _ok: setattr(self, "_replacing", False))

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
        if level != QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.debug("map page: %s (%s:%d)", message, source, line)
        elif self._replacing and _CANCELLED_FETCH in message:
            log.debug("map page being replaced: %s (%s:%d)", message, source, line)
        else:
            self.console_errors.append(f"{source}:{line}: {message}")
            log.error("map page: %s (%s:%d)", message, source, line)
