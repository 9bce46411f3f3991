"""Critical points tab: the "puntos críticos" list (street, incidents, categories, peak hours), on the map,
a row click filters to its incidents and centres the map on it; export to CSV/XLSX/GeoJSON/KML."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from stationmap.core.messages import current_language
from stationmap.planning.risk import DEFAULT_LOOKBACK_WEEKS
from stationmap.ui.error_display import show_error
from stationmap.ui.filter_state import FilterState
from stationmap.ui.hotspots.jobs import CriticalRequest, basis_text, located_in, run_critical_points
from stationmap.ui.hotspots.station import StationGeography
from stationmap.ui.hotspots.table_models import FrameModel, decimal, integer, rows_view, text
from stationmap.ui.hotspots.weeks import follow_weeks
from stationmap.ui.tasks import owned_runner

CRITICAL_OVERLAY = "critical_points"
CRITICAL_STYLE = {"color": "#ffffff", "weight": 2, "fillColor": "#6a040f", "fillOpacity": 1.0, "radius": 9}
STREET_ZOOM = 17


class CriticalPointsTab(QWidget):
    def __init__(self, station: StationGeography, map_panel: Any, filter_state: FilterState,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self._map = map_panel
        self._filter_state = filter_state
        self._points: list = []
        self._files = tempfile.TemporaryDirectory(prefix="stationmap-hotspots-")
        self.destroyed.connect(self._files.cleanup)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(1, 520)
        # The plan's look-back: then PC-01 here is the PC-01 of next week's patrol plan, not another place.
        self.weeks.setValue(DEFAULT_LOOKBACK_WEEKS)
        follow_weeks(self.weeks)   # "1 semana", "8 semanas"
        self.find_button = QPushButton(self.tr("Buscar puntos críticos"), self)
        self.export_button = QPushButton(self.tr("Exportar…"), self)
        self.export_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        # What the list was computed from: every incident of the period, not the table's filters.
        self.basis = QLabel(self)
        self.basis.setWordWrap(True)
        self._basis_text = ""
        self.model = FrameModel([
            ("Código", self.tr("Código"), text), ("Calle", self.tr("Calle más cercana"), text),
            ("Incidentes", self.tr("Incidentes"), integer), ("Peso", self.tr("Peso"), decimal(1)),
            ("Delitos principales", self.tr("Delitos principales"), text),
            ("Horas pico", self.tr("Horas pico"), text)], self)
        self.table = rows_view(self.model, self)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Periodo: últimas"), self))
        bar.addWidget(self.weeks)
        bar.addWidget(self.find_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.basis)
        layout.addWidget(self.table, 1)

        self.runner = owned_runner(self, self._on_points)
        self.find_button.clicked.connect(self.find)
        self.export_button.clicked.connect(self._choose_export)
        self.table.selectionModel().selectionChanged.connect(self._on_row_selected)
        station.project_replaced.connect(self._on_project_replaced)

    @property
    def points(self) -> list:
        return self._points

    def find(self) -> None:
        """Critical points of every incident of the period (all categories and hours), deliberately not
        the table's filters: then PC-01 is the PC-01 of the patrol plan, whatever the table shows. The
        tab says so next to the list (`basis`)."""
        from stationmap.maps.document import basemap_asset
        from stationmap.planning.sector_stats import last_weeks

        station = self._station
        if station.incidents is None or station.project is None:
            return
        weeks = self.weeks.value()
        start, end = last_weeks(station.incidents, weeks)
        ts = station.incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
        recent = station.incidents[(ts >= start) & (ts < end)]
        self._basis_text = (basis_text(weeks, start, end, located_in(recent, start, end), current_language())
                            if end > start else "")
        # The pack is written to a file here: the project's connection stays on this thread.
        pack_path = basemap_asset(station.project, Path(self._files.name))
        self.status.setText(self.tr("Buscando…"))
        self.basis.clear()
        self.runner.start(run_critical_points, CriticalRequest(recent, pack_path))

    def _on_points(self, points: list) -> None:
        from stationmap.reports.critical_point_files import critical_points_frame, critical_points_geojson

        self._points = points
        self.model.set_frame(critical_points_frame(points))
        self.export_button.setEnabled(bool(points))
        self.status.setText(self.tr("%1 puntos críticos: celdas de %2 m con más peso, unidas si se tocan.")
                            .replace("%1", str(len(points)))
                            .replace("%2", f"{points[0].cell_m:.0f}" if points else "—"))
        self.basis.setText(self._basis_text)
        collection = critical_points_geojson(points)
        for feature in collection["features"]:
            props = feature["properties"]
            props["etiqueta"] = f"{props['Código']} {props['Calle']} — {props['Incidentes']}".strip()
        self._map.set_overlay(CRITICAL_OVERLAY, collection if points else None, title=self.tr("Puntos críticos"),
                              style=CRITICAL_STYLE, label_property="etiqueta")

    def _on_project_replaced(self) -> None:
        self.runner.cancel()
        self._basis_text = ""
        self._on_points([])
        self.status.clear()

    def _on_row_selected(self, *_: Any) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        point = self._points[rows[0].row()]
        self._filter_state.update(ids=frozenset(int(i) for i in point.member_ids))
        self._map.run_javascript(f"SM.setView({point.lat:.6f}, {point.lon:.6f}, {STREET_ZOOM})")

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exportar puntos críticos"), str(Path.home() / "puntos_criticos.xlsx"),
            self.tr("Excel (*.xlsx);;CSV (*.csv);;GeoJSON (*.geojson);;KML (*.kml)"))
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> bool:
        from stationmap.core.errors import StationMapError
        from stationmap.reports.critical_point_files import export_critical_points

        try:
            export_critical_points(self._points, path)
        except StationMapError as error:
            show_error(self, error)
            return False
        self.status.setText(self.tr("Exportado: %1").replace("%1", str(path)))
        return True
