"""A feature dock whose panel is built the first time the dock is shown.

The window opens with the map and the charts; the feature docks (hot spots, plan, quality,
aggregated statistics) start hidden, so building their panels, tables and imports up front only
delays the first drawn map. `LazyDock` puts an empty placeholder in the dock and calls the
feature's `build()` on the first show (from the Ver menu, a feature's own menu action, or a
restored layout), or when the feature asks for the panel with `panel()`.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from stationmap.ui.dock_content import set_dock_content


class LazyDock(QObject):
    built = Signal(object)   # the panel, once, right after build()

    def __init__(self, dock: QDockWidget, build: Callable[[], QWidget]) -> None:
        super().__init__(dock)
        self.dock = dock
        self._build: Callable[[], QWidget] | None = build
        self._panel: QWidget | None = None
        dock.visibilityChanged.connect(self._on_visibility)

    @property
    def is_built(self) -> bool:
        return self._panel is not None

    @property
    def built_panel(self) -> Any:
        """The panel if it exists (None before the first show): for updates that may wait until then."""
        return self._panel

    def panel(self) -> Any:
        """The panel, built now if it was not yet."""
        if self._panel is None and self._build is not None:
            build, self._build = self._build, None
            self._panel = build()
            placeholder = set_dock_content(self.dock, self._panel)
            if placeholder is not None and placeholder is not self._panel:
                placeholder.deleteLater()
            self.built.emit(self._panel)
        return self._panel

    def show(self) -> Any:
        """Build if needed, show the dock in front of its tab siblings, return the panel."""
        panel = self.panel()
        self.dock.show()
        self.dock.raise_()
        return panel

    def _on_visibility(self, visible: bool) -> None:
        if visible and self._panel is None:
            self.panel()
