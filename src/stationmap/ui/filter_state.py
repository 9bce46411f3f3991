"""The one shared filter of the window, as a Qt object views can listen to.

Views never talk to each other: the map, the heat chart, the filter bar and the
incident table each read `FilterState.filter()`, replace it with `update(...)`
when the user acts, and redraw on `changed`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from stationmap.core.filters import IncidentFilter


class FilterState(QObject):
    changed = Signal(object)  # the new IncidentFilter

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = IncidentFilter()

    def filter(self) -> IncidentFilter:
        return self._filter

    def set_filter(self, new: IncidentFilter) -> None:
        if new != self._filter:
            self._filter = new
            self.changed.emit(new)

    def update(self, **fields: Any) -> None:
        """Change some fields, e.g. ``update(cells=frozenset({(4, 22)}))``."""
        self.set_filter(replace(self._filter, **fields))

    def clear(self) -> None:
        self.set_filter(IncidentFilter())
