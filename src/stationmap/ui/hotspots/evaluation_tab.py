"""Evaluation tab: the rolling backtest (PAI and hit rate at 1/5/10 % of the area per method), a table and a
small chart, and "Usar este método" to make the chosen method the hot-spot layer's default."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget)

from stationmap.analysis.evaluation import method_label
from stationmap.core.messages import current_language
from stationmap.ui.hotspots.jobs import run_evaluation, settings_for_evaluated
from stationmap.ui.hotspots.station import StationGeography
from stationmap.ui.hotspots.table_models import FrameModel, decimal, percent, rows_view, text
from stationmap.ui.tasks import TaskProgressDialog, owned_runner

SHARES = (0.01, 0.05, 0.10)
LINE_COLOURS = ("#1d3557", "#457b9d", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#6d597a")


def wide_table(table: pd.DataFrame, bandwidth_m: float) -> pd.DataFrame:
    """One row per method (in the backtest's order at 1 %), its name in the user's language ("label"),
    hit rate and PAI side by side per area share."""
    methods = list(dict.fromkeys(table["method"]))
    wide = pd.DataFrame({"method": methods,
                         "label": [method_label(m, bandwidth_m, current_language()) for m in methods]})
    for share in SHARES:
        part = table[table["share"] == share].set_index("method")
        wide[f"hit_{share}"] = [part["hit_rate"].get(m, float("nan")) for m in methods]
        wide[f"pai_{share}"] = [part["pai"].get(m, float("nan")) for m in methods]
    return wide


class EvaluationTab(QWidget):
    method_chosen = Signal(object, str)   # HotspotSettings, the method's label

    def __init__(self, station: StationGeography, bandwidth: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self._bandwidth = bandwidth           # the hot-spot tab's bandwidth spin box
        self.evaluation: Any = None
        self.run_button = QPushButton(self.tr("Evaluar métodos"), self)
        self.use_button = QPushButton(self.tr("Usar este método"), self)
        self.use_button.setEnabled(False)
        self.summary = QLabel(self.tr("Pruebe cada método sobre las semanas pasadas de esta comisaría: se ajusta "
                                      "con las semanas anteriores y se mide con la siguiente."), self)
        self.summary.setWordWrap(True)
        columns = [("label", self.tr("Método"), text)]
        for share in SHARES:
            area = f"{share * 100:.0f} %"
            columns += [(f"hit_{share}", self.tr("Aciertos %1").replace("%1", area), percent),
                        (f"pai_{share}", self.tr("PAI %1").replace("%1", area), decimal(1))]
        self.model = FrameModel(columns, self)
        self.table = rows_view(self.model, self)
        self.chart = pg.PlotWidget(self)
        self.chart.setBackground("w")
        self.chart.setMinimumHeight(160)
        self.chart.setLabel("bottom", self.tr("Área señalada"))
        self.chart.setLabel("left", self.tr("PAI"))
        # The three shares sit evenly spaced, as in the table.
        self.chart.getAxis("bottom").setTicks([[(k, f"{s * 100:.0f} %") for k, s in enumerate(SHARES)]])

        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart, 1)

        self.runner = owned_runner(self, self._on_evaluation)
        self.run_button.clicked.connect(self.evaluate)
        self.use_button.clicked.connect(self.use_selected)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.use_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
        station.project_replaced.connect(self._on_project_replaced)

    def evaluate(self) -> None:
        station = self._station
        if not station.ready_for_analysis(self):
            return
        TaskProgressDialog(self.runner, self.tr("Evaluando los métodos…"), self)
        self.runner.start(run_evaluation, (station.incidents, station.jurisdiction, float(self._bandwidth.value())))

    def _on_evaluation(self, evaluation: Any) -> None:
        self.evaluation = evaluation
        wide = wide_table(evaluation.table, evaluation.bandwidth_m)
        # The table's swatches are the chart's legend: six long method names would cover the lines.
        colours = [LINE_COLOURS[k % len(LINE_COLOURS)] for k in range(len(wide))]
        self.model.set_frame(wide, colours)
        self.summary.setText(
            self.tr("Área de estudio: jurisdicción de %1 km², celdas de %2 m; promedio de %3 semanas, cada una "
                    "predicha con las anteriores. PAI: % de delitos captados / % del área señalada.")
            .replace("%1", f"{evaluation.area_km2:.1f}").replace("%2", f"{evaluation.cell_m:.0f}")
            .replace("%3", str(evaluation.weeks)))
        self.chart.clear()
        for colour, (_k, row) in zip(colours, wide.iterrows()):
            pen = pg.mkPen(colour, width=2)
            self.chart.plot(list(range(len(SHARES))), [row[f"pai_{s}"] for s in SHARES], pen=pen,
                            symbol="o", symbolBrush=pen.color(), name=row["label"])

    def _on_project_replaced(self) -> None:
        self.runner.cancel()
        self.evaluation = None
        self.model.set_frame(self.model.frame.iloc[0:0])
        self.chart.clear()
        self.use_button.setEnabled(False)

    def use_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self.model.frame.iloc[rows[0].row()]
        label = str(chosen["label"])
        self.method_chosen.emit(settings_for_evaluated(str(chosen["method"]), float(self._bandwidth.value())), label)
        self.summary.setText(self.tr("Método elegido y guardado en el proyecto: %1").replace("%1", label))
