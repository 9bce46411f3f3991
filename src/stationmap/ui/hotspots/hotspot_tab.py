"""Hot-spot layer tab: method, cell, bandwidth, period and recency; computed on the worker, drawn on the map."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from stationmap.analysis.hotspot_job import HotspotSettings
from stationmap.core.messages import current_language
from stationmap.ui.hotspots.jobs import METHOD_CHOICES, HotspotRequest, choice_key, default_cell, run_hotspots
from stationmap.ui.hotspots.station import StationGeography
from stationmap.ui.hotspots.weeks import follow_weeks
from stationmap.ui.tasks import owned_runner

HOTSPOT_OVERLAY = "hotspots"
HOTSPOT_STYLE = {"color": "#9d0208", "weight": 1, "fillColor": "#dc2f02", "fillOpacity": 0.45}
METHOD_META = "hotspot_method"


class HotspotTab(QWidget):
    layer_drawn = Signal(dict)   # the GeoJSON (with its legend) sent to the map

    def __init__(self, station: StationGeography, map_panel: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self._map = map_panel
        self.method = QComboBox(self)
        labels = {"conteo": self.tr("Conteo"), "kde_quartic": self.tr("KDE cuártico"),
                  "kde_gaussian": self.tr("KDE gaussiano"), "gistar": self.tr("Gi* con FDR")}
        for key, _method, _kernel in METHOD_CHOICES:
            self.method.addItem(labels[key], key)
        self.cell = QSpinBox(self)
        self.cell.setRange(0, 250)
        self.cell.setSingleStep(10)
        self.cell.setSuffix(" m")
        self.cell.setSpecialValueText(self.tr("automático"))
        self.bandwidth = QSpinBox(self)
        self.bandwidth.setRange(20, 2000)
        self.bandwidth.setSingleStep(25)
        self.bandwidth.setValue(250)
        self.bandwidth.setSuffix(" m")
        self.weeks = QSpinBox(self)
        self.weeks.setRange(1, 520)
        self.weeks.setValue(8)
        follow_weeks(self.weeks)   # "1 semana", "8 semanas"
        self.recency = QCheckBox(self.tr("Ponderar lo reciente (vida media)"), self)
        self.half_life = QDoubleSpinBox(self)
        self.half_life.setRange(0.5, 52.0)
        self.half_life.setValue(4.0)
        self.half_life.setSuffix(self.tr(" semanas"))
        self.compute_button = QPushButton(self.tr("Dibujar capa de puntos calientes"), self)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        # What the layer was computed from: every incident of its look-back, not the table's filters.
        self.basis = QLabel(self)
        self.basis.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Método"), self.method)
        form.addRow(self.tr("Tamaño de celda"), self.cell)
        form.addRow(self.tr("Ancho de banda (KDE)"), self.bandwidth)
        form.addRow(self.tr("Periodo"), self.weeks)
        form.addRow(self.recency, self.half_life)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.compute_button)
        layout.addWidget(self.legend)
        layout.addWidget(self.basis)
        layout.addStretch(1)

        self.runner = owned_runner(self, self._on_layer)
        # A refused or failed computation leaves the layer (and its legend) as it was, not "Calculando…".
        self._shown_legend = ""
        self._shown_basis = ""
        self.runner.failed.connect(self._restore_legend)
        self.compute_button.clicked.connect(self.compute)
        self.method.currentIndexChanged.connect(self._update_enabled)
        self.recency.toggled.connect(self._update_enabled)
        station.project_replaced.connect(self._on_project_replaced)
        station.changed.connect(self._show_automatic_cell)   # a jurisdiction drawn or imported
        self._update_enabled()
        if station.project is not None:   # built after the project opened (docks are built when first shown)
            self._take_project_settings()

    def settings(self) -> HotspotSettings:
        key = self.method.currentData()
        method, kernel = next((m, k) for c, m, k in METHOD_CHOICES if c == key)
        return HotspotSettings(method=method, kernel=kernel, cell_m=float(self.cell.value()) or None,
                               bandwidth_m=float(self.bandwidth.value()), weeks=self.weeks.value(),
                               half_life_weeks=self.half_life.value() if self.recency.isChecked() else None)

    def apply_settings(self, settings: HotspotSettings) -> None:
        self.method.setCurrentIndex(max(self.method.findData(choice_key(settings)), 0))
        self.cell.setValue(int(settings.cell_m or 0))
        self.bandwidth.setValue(int(settings.bandwidth_m))
        self.weeks.setValue(settings.weeks)
        self.recency.setChecked(bool(settings.half_life_weeks))
        if settings.half_life_weeks:
            self.half_life.setValue(settings.half_life_weeks)

    def save_as_default(self, settings: HotspotSettings, label: str) -> None:
        """Keep the chosen method with the project; the layer starts from it next time."""
        self._station.project.set_meta(METHOD_META, {**asdict(settings), "label": label})
        self.apply_settings(settings)

    def compute(self) -> None:
        station = self._station
        if not station.ready_for_analysis(self):
            return
        self.legend.setText(self.tr("Calculando…"))
        self.basis.clear()
        self.runner.start(run_hotspots, HotspotRequest(station.incidents, station.jurisdiction, self.settings(),
                                                       current_language()))

    def _on_layer(self, cells: dict) -> None:
        text, basis = cells["legend"]["text"], cells["legend"].get("basis", "")
        self._shown_legend, self._shown_basis = text, basis
        self.legend.setText(text)
        self.basis.setText(basis)
        # The map's legend says it too: its points may be filtered, the layer is not.
        self._map.set_overlay(HOTSPOT_OVERLAY, cells, title=self.tr("Puntos calientes: %1").replace("%1", text),
                              style=HOTSPOT_STYLE, label_property="valor",
                              legend=(self.tr("Puntos calientes"), f"{text}. {basis}" if basis else text))
        self.layer_drawn.emit(cells)

    def _restore_legend(self, _error: Any = None) -> None:
        self.legend.setText(self._shown_legend)
        self.basis.setText(self._shown_basis)

    def _on_project_replaced(self) -> None:
        self.runner.cancel()
        self._shown_legend = self._shown_basis = ""
        self.legend.clear()
        self.basis.clear()
        self._map.set_overlay(HOTSPOT_OVERLAY, None, title="")
        self._take_project_settings()

    def _take_project_settings(self) -> None:
        """The method the project keeps (save_as_default), and what "automatic" means for its area."""
        project = self._station.project
        if project is None:
            return
        stored = project.get_meta(METHOD_META)
        if stored:
            fields = {k: v for k, v in stored.items() if k in HotspotSettings.__dataclass_fields__}
            self.apply_settings(HotspotSettings(**fields))
        self._show_automatic_cell()

    def _show_automatic_cell(self) -> None:
        """Say which cell size "automatic" stands for: it follows the jurisdiction's size."""
        jurisdiction = self._station.jurisdiction
        self.cell.setSpecialValueText(
            self.tr("automático (%1 m)").replace("%1", f"{default_cell(jurisdiction):.0f}")
            if jurisdiction is not None else self.tr("automático"))

    def _update_enabled(self) -> None:
        self.bandwidth.setEnabled(str(self.method.currentData()).startswith("kde"))
        self.half_life.setEnabled(self.recency.isChecked())
