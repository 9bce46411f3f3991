"""The page -> Python side of the QWebChannel: readiness, draws, map selections and drawn polygons."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot


class MapBridge(QObject):
    page_ready = Signal(str)          # page load id
    drawn = Signal(int, int, int)     # generation, marks drawn on screen, incidents visible
    selection_made = Signal(str)      # JSON array of incident ids
    selection_cleared = Signal()
    view_changed = Signal(str)        # JSON [[south, west], [north, east]]
    polygon_drawn = Signal(str)       # JSON [[lon, lat], ...] of a polygon drawn on the map
    district_clicked = Signal(str)    # UBIGEO of a district of the counts layer

    @Slot(str)
    def pageReady(self, load_id: str) -> None:  # noqa: N802 (name called from JavaScript)
        self.page_ready.emit(load_id)

    @Slot(int, int, int)
    def reportDrawn(self, generation: int, marks: int, visible: int) -> None:  # noqa: N802
        self.drawn.emit(generation, marks, visible)

    @Slot(str)
    def selectionMade(self, ids_json: str) -> None:  # noqa: N802
        self.selection_made.emit(ids_json)

    @Slot()
    def selectionCleared(self) -> None:  # noqa: N802
        self.selection_cleared.emit()

    @Slot(str)
    def viewChanged(self, bounds_json: str) -> None:  # noqa: N802
        self.view_changed.emit(bounds_json)

    @Slot(str)
    def polygonDrawn(self, ring_json: str) -> None:  # noqa: N802
        self.polygon_drawn.emit(ring_json)

    @Slot(str)
    def districtClicked(self, ubigeo: str) -> None:  # noqa: N802
        self.district_clicked.emit(ubigeo)
