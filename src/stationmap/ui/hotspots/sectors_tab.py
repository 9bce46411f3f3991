"""Sectors tab: jurisdiction and sectors (import, draw, generate, rename, merge, split) and their table.

Selecting sector rows filters every view to the period's incidents in those sectors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget)

from stationmap.core.errors import StationMapError
from stationmap.core.messages import current_language
from stationmap.ui.error_display import show_error
from stationmap.ui.filter_state import FilterState
from stationmap.ui.hotspots.jobs import make_balanced_sectors, make_grid_sectors, read_polygon_file
from stationmap.ui.hotspots.station import StationGeography
from stationmap.ui.hotspots.table_models import SectorTableModel, decimal, integer, signed_percent, text
from stationmap.ui.hotspots.weeks import follow_weeks
from stationmap.ui.tasks import owned_runner

POLYGON_FILTER = "*.geojson *.json *.kml *.kmz *.shp *.zip *.gpkg"


class SectorsTab(QWidget):
    def __init__(self, station: StationGeography, map_panel: Any, filter_state: FilterState,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self._map = map_panel
        self._filter_state = filter_state
        self._stats: Any = None
        self._filtering = False   # True while the filter's ids are ours (a sector row is selected)
        self._done: Any = None     # what to do with the running task's result
        self.runner = owned_runner(self, lambda result: self._done(result))

        self.import_jurisdiction_button = QPushButton(self.tr("Importar jurisdicción…"), self)
        self.draw_button = QPushButton(self.tr("Dibujar jurisdicción en el mapa"), self)
        self.districts_button = QPushButton(self.tr("Jurisdicción desde distritos…"), self)
        self.import_sectors_button = QPushButton(self.tr("Importar sectores…"), self)
        self.grid_size = QSpinBox(self)
        self.grid_size.setRange(100, 5000)
        self.grid_size.setSingleStep(50)
        self.grid_size.setValue(500)
        self.grid_size.setSuffix(" m")
        self.grid_button = QPushButton(self.tr("Generar cuadrantes"), self)
        self.sector_count = QSpinBox(self)
        self.sector_count.setRange(2, 60)
        self.sector_count.setValue(6)
        self.balanced_button = QPushButton(self.tr("Generar sectores de igual carga"), self)
        self.period_weeks = QSpinBox(self)
        self.period_weeks.setRange(1, 104)
        self.period_weeks.setValue(4)
        follow_weeks(self.period_weeks)   # "1 semana", "4 semanas"
        self.merge_button = QPushButton(self.tr("Unir los dos seleccionados"), self)
        self.split_button = QPushButton(self.tr("Dividir en dos de igual carga"), self)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.outside_label = QLabel(self)
        self.outside_label.setWordWrap(True)

        verdicts = {"up": self.tr("sube"), "down": self.tr("baja"), "normal": self.tr("normal")}
        self.model = SectorTableModel([
            ("sector", self.tr("Sector"), text), ("incidents", self.tr("Incidentes"), integer),
            ("weighted", self.tr("Puntaje ponderado"), decimal(1)),
            ("previous", self.tr("Periodo anterior"), integer), ("percent", self.tr("Cambio"), signed_percent),
            ("verdict", self.tr("¿Cambio real?"), lambda v: verdicts.get(v, ""))], self,
            tooltips={"percent": "change", "verdict": "change"})
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self._layout()

        self.import_jurisdiction_button.clicked.connect(self.choose_jurisdiction_file)
        self.import_sectors_button.clicked.connect(self.choose_sectors_file)
        self.draw_button.clicked.connect(self.start_drawing)
        self.districts_button.clicked.connect(self.choose_districts)
        self.grid_button.clicked.connect(lambda: self.generate_grid(self.grid_size.value()))
        self.balanced_button.clicked.connect(lambda: self.generate_balanced(self.sector_count.value()))
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button.clicked.connect(self.split_selected)
        self.period_weeks.valueChanged.connect(self.refresh)
        self.model.rename_requested.connect(self.rename)
        self.table.selectionModel().selectionChanged.connect(self._on_rows_selected)
        station.changed.connect(self.refresh)
        if map_panel is not None and hasattr(map_panel, "polygon_drawn"):
            map_panel.polygon_drawn.connect(self._on_polygon_drawn)

    def _layout(self) -> None:
        geography = QGroupBox(self.tr("Jurisdicción y sectores"), self)
        grid = QGridLayout(geography)
        grid.addWidget(self.import_jurisdiction_button, 0, 0)
        grid.addWidget(self.draw_button, 0, 1, 1, 2)
        grid.addWidget(self.import_sectors_button, 1, 0)
        grid.addWidget(self.districts_button, 1, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Cuadrantes de"), self), 2, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.grid_size, 2, 1)
        grid.addWidget(self.grid_button, 2, 2)
        grid.addWidget(QLabel(self.tr("Número de sectores"), self), 3, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.sector_count, 3, 1)
        grid.addWidget(self.balanced_button, 3, 2)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Periodo: últimas"), self))
        period.addWidget(self.period_weeks)
        period.addStretch(1)
        edits = QHBoxLayout()
        edits.addWidget(self.merge_button)
        edits.addWidget(self.split_button)
        edits.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(geography)
        layout.addWidget(self.notes)
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.outside_label)
        layout.addLayout(edits)

    # --- jurisdiction and sector files -----------------------------------------------------------
    def choose_jurisdiction_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Importar jurisdicción"), str(Path.home()),
                                              self.tr("Polígonos (%1)").replace("%1", POLYGON_FILTER))
        if path:
            self.import_jurisdiction_file(Path(path))

    def choose_sectors_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Importar sectores"), str(Path.home()),
                                              self.tr("Polígonos (%1)").replace("%1", POLYGON_FILTER))
        if path:
            self.import_sectors_file(Path(path))

    def import_jurisdiction_file(self, path: Path) -> None:
        """Read the file on the worker; the union of its polygons becomes the jurisdiction."""
        import shapely

        def done(layer: Any) -> None:
            self._station.save_jurisdiction(shapely.union_all([f.geometry for f in layer.features]), path.name)
            self._show_warnings(path, layer.warnings)
        self._run(read_polygon_file, path, done)

    def import_sectors_file(self, path: Path) -> None:
        """Each polygon becomes a sector (named from the file); with no jurisdiction yet, their union is one."""
        import shapely

        from stationmap.planning.sectors import Sector

        def done(layer: Any) -> None:
            sectors = [Sector(f.name or self.tr("Sector %1").replace("%1", str(i)), f.geometry)
                       for i, f in enumerate(layer.features, start=1)]
            if self._station.jurisdiction is None:
                self._station.save_jurisdiction(shapely.union_all([s.geometry for s in sectors]), path.name)
            self._station.save_sectors(sectors)
            self._show_warnings(path, layer.warnings)
        self._run(read_polygon_file, path, done)

    def _run(self, function: Any, inputs: Any, done: Any) -> None:
        """Long geometry work on the worker; `done(result)` saves it here, on the project's thread."""
        self._done = done
        self.runner.start(function, inputs)

    def _show_warnings(self, path: Path, warnings: list) -> None:
        lines = [w.message() for w in warnings]
        self.notes.setText(self.tr("Avisos de «%1»:").replace("%1", path.name) + " " + " ".join(lines)
                           if lines else self.tr("«%1» importado sin avisos.").replace("%1", path.name))

    def choose_districts(self) -> None:
        """One or more of Peru's districts, their union the jurisdiction (ui.hotspots.district_dialog)."""
        from stationmap.ui.hotspots.district_dialog import DistrictJurisdictionDialog

        dialog = DistrictJurisdictionDialog(self.district_choices(), self)
        if dialog.exec() == DistrictJurisdictionDialog.DialogCode.Accepted:
            self.use_districts(dialog.chosen())

    def district_choices(self) -> list[Any]:
        import numpy as np

        from stationmap.maps.national_districts import district_choices

        incidents = self._station.incidents
        if incidents is None or not len(incidents):
            return district_choices(np.zeros(0), np.zeros(0))
        return district_choices(incidents["lat"].to_numpy(dtype=float, na_value=np.nan),
                                incidents["lon"].to_numpy(dtype=float, na_value=np.nan))

    def use_districts(self, districts: list[Any]) -> None:
        import shapely
        from shapely.geometry import shape

        from stationmap.maps.national_districts import CREDIT

        if not districts:
            return
        names = ", ".join(d.name for d in districts)
        self._station.save_jurisdiction(shapely.union_all([shape(d.geometry) for d in districts]),
                                        f"{names} ({CREDIT})")
        self.notes.setText(self.tr("Jurisdicción guardada en el proyecto: %1 (límites INEI 2007).")
                           .replace("%1", names))

    # --- drawing -----------------------------------------------------------------------------------
    def start_drawing(self) -> None:
        self.notes.setText(self.tr("Haga clic en el mapa para cada vértice; doble clic para terminar."))
        self._map.start_draw_polygon()

    def _on_polygon_drawn(self, ring: list) -> None:
        from shapely.geometry import Polygon

        polygon = Polygon(ring) if len(ring) >= 3 else None
        if polygon is None or not polygon.is_valid or polygon.area == 0:
            show_error(self, StationMapError("hotspots.drawn_too_small"))
            return
        self._station.save_jurisdiction(polygon, self.tr("dibujada en el mapa"))
        self.notes.setText(self.tr("Jurisdicción dibujada y guardada en el proyecto."))

    # --- generating and editing ------------------------------------------------------------------
    def generate_grid(self, size_m: float) -> None:
        if self._station.jurisdiction is None:
            show_error(self, StationMapError("plan.no_jurisdiction"))
        elif self._may_replace_sectors():
            self._run(make_grid_sectors, (self._station.jurisdiction, size_m), self._station.save_sectors)

    def generate_balanced(self, n: int) -> None:
        if self._station.jurisdiction is None:
            show_error(self, StationMapError("plan.no_jurisdiction"))
        elif self._may_replace_sectors():
            self._run(make_balanced_sectors, (self._station.jurisdiction, self._station.incidents, n),
                      self._station.save_sectors)

    def _may_replace_sectors(self) -> bool:
        """Generated sectors replace the station's own (named, maybe edited): ask first."""
        if not self._station.sectors:
            return True
        answer = QMessageBox.question(
            self, self.tr("Generar sectores"),
            self.tr("Los %1 sectores actuales serán reemplazados. ¿Continuar?")
            .replace("%1", str(len(self._station.sectors))))
        return answer == QMessageBox.StandardButton.Yes

    def rename(self, row: int, name: str) -> None:
        from stationmap.planning.sector_stats import rename_sector

        self._edit(lambda: rename_sector(self._station.sectors, row, name))

    def merge_selected(self) -> None:
        from stationmap.planning.sector_stats import merge_sectors

        rows = self.selected_rows()
        self._edit(lambda: merge_sectors(self._station.sectors, *(rows if len(rows) == 2 else (-1, -1))))

    def split_selected(self) -> None:
        from stationmap.planning.sector_stats import split_sector

        rows = self.selected_rows()
        if len(rows) != 1:
            show_error(self, StationMapError("hotspots.split_needs_one"))
            return
        self._edit(lambda: split_sector(self._station.sectors, rows[0], self._station.incidents))

    def _edit(self, make_sectors: Any) -> None:
        try:
            sectors = make_sectors()
        except StationMapError as error:
            show_error(self, error)
            return
        self._station.save_sectors(sectors)

    # --- the table ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        from stationmap.planning.sector_stats import last_weeks, sector_stats

        incidents, sectors = self._station.incidents, self._station.sectors
        has_project = self._station.project is not None
        for button in (self.import_jurisdiction_button, self.draw_button, self.districts_button,
                       self.import_sectors_button, self.grid_button, self.balanced_button, self.merge_button,
                       self.split_button):
            button.setEnabled(has_project)
        self.draw_button.setEnabled(has_project and self._station.jurisdiction is None)
        if incidents is None or not has_project:
            self._stats = None
            self.model.set_frame(self.model.frame.iloc[0:0])
            self.outside_label.clear()
            return
        start, end = last_weeks(incidents, self.period_weeks.value())
        self._stats = sector_stats(incidents, sectors, start, end, current_language())
        self.model.set_frame(self._stats.table)
        self.outside_label.setText(
            self.tr("Fuera de los sectores: %1 (sin coordenadas: %2) de %3 incidentes del periodo.")
            .replace("%1", str(self._stats.outside)).replace("%2", str(self._stats.unlocated))
            .replace("%3", str(self._stats.in_period)))

    @property
    def stats(self) -> Any:
        return self._stats

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def _on_rows_selected(self, *_: Any) -> None:
        from stationmap.planning.sector_stats import sector_incident_ids

        rows = self.selected_rows()
        if not rows or self._stats is None:
            if self._filtering:
                self._filtering = False
                self._filter_state.update(ids=None)
            return
        ids = frozenset().union(*(sector_incident_ids(self._station.incidents, self._stats, r) for r in rows))
        self._filtering = True
        self._filter_state.update(ids=ids)
