"""StationMap's icon for every window (resources/icons, rendered from stationmap.svg)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from stationmap.store.paths import resources_dir


def app_icon() -> QIcon:
    """The window icon; a null icon (Qt's default) if the file is missing, never an error."""
    return QIcon(str(resources_dir("icons") / "stationmap.png"))
