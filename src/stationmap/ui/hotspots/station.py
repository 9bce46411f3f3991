"""The open station's jurisdiction and sectors as the panel's tabs share them.

Every change is saved in the project at once (jurisdiction asset, sectors asset)
and drawn on the map, so the tabs only listen to `changed`.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QObject, Signal

from stationmap.core.errors import StationMapError

SECTORS_OVERLAY = "sectors"
SECTOR_STYLE = {"color": "#e76f51", "weight": 2, "fillColor": "#e76f51", "fillOpacity": 0.04}


class StationGeography(QObject):
    changed = Signal()   # project, incidents, jurisdiction or sectors changed
    project_replaced = Signal()   # another project (or none): results of the old one no longer apply

    def __init__(self, map_panel: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._map = map_panel
        self.project: Any = None
        self.incidents: Any = None
        self.jurisdiction: Any = None    # shapely geometry (lon/lat) or None
        self.sectors: list = []          # planning.sectors.Sector

    def set_project(self, project: Any) -> None:
        from stationmap.planning import project_geography as geo

        self.project = project
        self.jurisdiction = None
        self.sectors = []
        if project is not None:
            try:
                self.jurisdiction = geo.jurisdiction(project)
            except StationMapError:
                self.jurisdiction = None   # none yet: the user may import or draw one
            self.sectors = geo.sectors(project)
        self._draw_sectors()
        self.project_replaced.emit()
        self.changed.emit()

    def set_incidents(self, incidents: Any) -> None:
        self.incidents = incidents
        self.changed.emit()

    def ready_for_analysis(self, parent: Any) -> bool:
        """True when there are incidents and a jurisdiction; otherwise says what is missing."""
        if self.incidents is None:
            return False
        if self.jurisdiction is None:
            from stationmap.ui.error_display import show_error

            show_error(parent, StationMapError("plan.no_jurisdiction"))
            return False
        return True

    def save_sectors(self, sectors: list) -> None:
        from stationmap.planning.project_geography import save_sectors

        save_sectors(self.project, sectors)
        self.sectors = list(sectors)
        self._draw_sectors()
        self.changed.emit()

    def save_jurisdiction(self, geometry: Any, source: str) -> None:
        """Keep a jurisdiction polygon (lon/lat) in the project and show it on the map."""
        from shapely.geometry import mapping

        collection = {"type": "FeatureCollection",
                      "features": [{"type": "Feature", "properties": {"name": source},
                                    "geometry": mapping(geometry)}]}
        self.project.put_asset("jurisdiction", "geojson", json.dumps(collection).encode("utf-8"),
                               {"file": source})
        self.jurisdiction = geometry
        if self._map is not None:
            self._map.set_project(self.project)   # the map's jurisdiction outline and home button
        self.changed.emit()

    def _draw_sectors(self) -> None:
        if self._map is None:
            return
        if not self.sectors:
            self._map.set_overlay(SECTORS_OVERLAY, None, title="")
            return
        from shapely.geometry import mapping

        collection = {"type": "FeatureCollection",
                      "features": [{"type": "Feature", "properties": {"nombre": s.name},
                                    "geometry": mapping(s.geometry)} for s in self.sectors]}
        self._map.set_overlay(SECTORS_OVERLAY, collection, title=self.tr("Sectores"), style=SECTOR_STYLE,
                              label_property="nombre")
