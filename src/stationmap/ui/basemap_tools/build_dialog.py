"""Choose an OpenStreetMap extract and the area to cut into the station's basemap."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox, QVBoxLayout,
                               QWidget)

from stationmap.ui.basemap_tools.jobs import BuildRequest


def _features(project: Any, name: str) -> list[dict]:
    raw = project.asset(name) if project is not None else None
    if not raw:
        return []
    data = json.loads(raw)
    return data.get("features", [data]) if isinstance(data, dict) else []


class BuildBasemapDialog(QDialog):
    """Area: the jurisdiction, one district, or a polygon drawn on the map."""

    def __init__(self, project: Any, map_panel: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Crear mapa base desde OpenStreetMap"))
        self._map_panel = map_panel
        self._drawn: list | None = None
        self._jurisdiction = _features(project, "jurisdiction")
        self._districts = [f for f in _features(project, "districts") if f.get("geometry")]

        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("archivo .osm.pbf (por ejemplo, de una memoria USB)"))
        choose = QPushButton(self.tr("Elegir…"), self)
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(choose)

        self.use_jurisdiction = QRadioButton(self.tr("Jurisdicción de la comisaría"), self)
        self.use_district = QRadioButton(self.tr("Un distrito:"), self)
        self.use_drawn = QRadioButton(self.tr("Un área dibujada en el mapa"), self)
        self.area_group = QButtonGroup(self)
        for button in (self.use_jurisdiction, self.use_district, self.use_drawn):
            self.area_group.addButton(button)
        self.district = QComboBox(self)
        for feature in self._districts:
            props = feature.get("properties") or {}
            self.district.addItem(str(props.get("name") or props.get("NOMBDIST") or props.get("ubigeo") or "?"))
        self.draw = QPushButton(self.tr("Dibujar…"), self)
        self.draw.clicked.connect(self._start_drawing)
        self.drawn_label = QLabel(self.tr("sin dibujar"), self)
        self.use_jurisdiction.setEnabled(bool(self._jurisdiction))
        self.use_district.setEnabled(bool(self._districts))
        (self.use_jurisdiction if self._jurisdiction else self.use_drawn).setChecked(True)

        self.maxzoom = QSpinBox(self)
        self.maxzoom.setRange(14, 17)
        self.maxzoom.setValue(16)
        self.maxzoom.setToolTip(self.tr("16 muestra los nombres de todas las calles; más alto crece mucho el archivo"))

        form = QFormLayout()
        form.addRow(self.tr("Extracto de OpenStreetMap:"), row)
        form.addRow(self.use_jurisdiction)
        district_row = QHBoxLayout()
        district_row.addWidget(self.use_district)
        district_row.addWidget(self.district)
        form.addRow(district_row)
        drawn_row = QHBoxLayout()
        drawn_row.addWidget(self.use_drawn)
        drawn_row.addWidget(self.draw)
        drawn_row.addWidget(self.drawn_label)
        form.addRow(drawn_row)
        form.addRow(self.tr("Zoom máximo:"), self.maxzoom)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Datos: © OpenStreetMap contributors (ODbL)."), self))
        layout.addWidget(self.buttons)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Extracto de OpenStreetMap"), "",
                                              self.tr("OpenStreetMap (*.osm.pbf *.pbf)"))
        if path:
            self.path.setText(path)

    def _start_drawing(self) -> None:
        self._map_panel.polygon_drawn.connect(self.set_drawn_area)
        self._map_panel.start_draw_polygon()
        self.use_drawn.setChecked(True)
        self.drawn_label.setText(self.tr("haga clic en el mapa; doble clic para terminar"))

    def set_drawn_area(self, ring: list) -> None:
        self._drawn = ring
        self.drawn_label.setText(self.tr("área de %n puntos", "", len(ring)))

    def request(self) -> BuildRequest | None:
        """The build the user asked for, or None when something is missing."""
        from shapely.geometry import Polygon, shape
        from shapely.ops import unary_union

        pbf = Path(self.path.text().strip())
        if not self.path.text().strip():
            return None
        if self.use_jurisdiction.isChecked():
            area = unary_union([shape(f["geometry"]) for f in self._jurisdiction])
            name = "jurisdiccion"
        elif self.use_district.isChecked() and self._districts:
            area = shape(self._districts[self.district.currentIndex()]["geometry"])
            name = self.district.currentText().lower().replace(" ", "_")
        elif self._drawn and len(self._drawn) >= 3:
            area = Polygon(self._drawn)
            name = "area_dibujada"
        else:
            return None
        return BuildRequest(pbf, area, name, self.maxzoom.value())
