"""A dock's panel inside a scroll area, so that docks fit a small screen.

Station laptops often have 1366 x 768 screens. Two docks stacked there (the hour x weekday charts
under the sectors panel, say) asked for more height than the screen has, because a dock is never
smaller than its panel's minimum: the window grew past the bottom of the screen. In a scroll area
the dock can be smaller than its panel, which then scrolls instead. The feature panels (forms and
tables) go in one; the map and the charts, which scale, do not (ui.main_window).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget


class _DockScroll(QScrollArea):
    """The scroll area between a dock and its panel (its own class, so it is told apart from a
    panel that is a scroll area itself). Only the height gives: the dock stays as wide as its panel
    needs, as before, so a dock shown beside others is never squeezed to a sliver."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        panel = self.widget()
        width = panel.minimumSizeHint().width() if panel is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width(), super().minimumSizeHint().height())


def set_dock_content(dock: QDockWidget, panel: QWidget, *, scrollable: bool = True) -> QWidget | None:
    """Put `panel` in `dock` (in a scroll area unless `scrollable` is False); returns the panel it
    replaces, for the caller to dispose of, or None."""
    if not scrollable:
        previous = dock.widget()
        dock.setWidget(panel)
        return previous
    area = dock.widget()
    if not isinstance(area, _DockScroll):
        area = _DockScroll(dock)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        dock.setWidget(area)
    previous = area.takeWidget()
    area.setWidget(panel)
    area.updateGeometry()   # its minimum width is the new panel's: the dock layout must hear of it
    return previous


def dock_content(dock: QDockWidget) -> QWidget | None:
    """The panel shown in `dock` (inside its scroll area, if it has one)."""
    widget = dock.widget()
    return widget.widget() if isinstance(widget, _DockScroll) else widget
