"""The "Calidad de datos" dock: how far the open project's incidents can be trusted.

The figures are `analysis.quality.quality_report`'s, the same the weekly brief
prints: shares of incidents with coordinates, inside a sector, with a known
time, with a window over 8 h and in "No especificado"; duplicates and rejected
rows by reason with one example each; and the shares week by week. The report
is computed on the worker (assigning a million points to sectors takes a
while); the project file is read on this thread, where its connection lives.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timezone
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QHeaderView, QLabel, QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from stationmap.core.model import UNKNOWN_CATEGORY
from stationmap.ui.tasks import owned_runner

SHARE_KEYS = ("with_coordinates", "with_sector", "known_time", "long_window", "unspecified")
# One colour per share, told apart also by the legend; the two "bad" shares are dashed.
SHARE_PENS = {"with_coordinates": pg.mkPen("#1f77b4", width=2), "with_sector": pg.mkPen("#2ca02c", width=2),
              "known_time": pg.mkPen("#9467bd", width=2),
              "long_window": pg.mkPen("#ff7f0e", width=2, style=Qt.PenStyle.DashLine),
              "unspecified": pg.mkPen("#d62728", width=2, style=Qt.PenStyle.DashLine)}


def _line_icon(pen: QPen) -> QIcon:
    pixmap = QPixmap(22, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(pen.color(), 3, pen.style()))
    painter.drawLine(1, 6, 21, 6)
    painter.end()
    return QIcon(pixmap)


@dataclass
class QualityInputs:
    incidents: Any
    sectors: list
    imports: Any
    rejections: Any


def compute_quality(inputs: QualityInputs, progress: Any) -> Any:
    """Worker side: sector of every incident (when the project has sectors), then the report."""
    from stationmap.analysis.quality import quality_report
    from stationmap.planning.sectors import assign_sectors

    progress(0.1, "")
    sector = None
    if inputs.sectors:
        incidents = inputs.incidents
        sector = assign_sectors(incidents["lon"].to_numpy(dtype="float64", na_value=np.nan),
                                incidents["lat"].to_numpy(dtype="float64", na_value=np.nan), inputs.sectors)
    progress(0.6, "")
    return quality_report(inputs.incidents, sector=sector, imports=inputs.imports, rejections=inputs.rejections)


def inputs_from_project(project: Any, incidents: Any) -> QualityInputs:
    """Read what the report needs from the open project (on the project's own thread)."""
    from stationmap.planning import project_geography

    return QualityInputs(incidents, project_geography.sectors(project), project.imports(), project.rejections())


class QualityPanel(QWidget):
    refreshed = Signal()   # after the figures show the latest report (tests)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Any = None
        self.runner = owned_runner(self, self.show_report)
        self.share_names = {
            "with_coordinates": self.tr("Con coordenadas válidas"),
            "with_sector": self.tr("Dentro de un sector"),
            "known_time": self.tr("Con hora conocida"),
            "long_window": self.tr("Con ventana de más de 8 h"),
            # The category's name is data (the importer's catch-all, in Spanish in every language); the
            # words around it are the interface's: 'Category "No especificado" (unspecified)'.
            "unspecified": self.tr("Categoría «%1»").replace("%1", UNKNOWN_CATEGORY),
        }
        self.share_tips = {
            "with_coordinates": self.tr("Incidentes con latitud y longitud válidas, dentro o fuera de la "
                                        "jurisdicción."),
            "with_sector": self.tr("Incidentes con coordenadas que caen dentro de algún sector de la comisaría."),
            "known_time": self.tr("Incidentes con hora de inicio conocida, no solo la fecha."),
            "long_window": self.tr("Incidentes cuyo intervalo entre el inicio y el fin supera 8 horas: no se "
                                   "sabe bien a qué hora ocurrieron."),
            "unspecified": self.tr("Incidentes cuya modalidad venía vacía o no se reconoció al importar; "
                                   "«%1» es el nombre de esa categoría en los datos.")
                           .replace("%1", UNKNOWN_CATEGORY),
        }

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.shares = QTableWidget(0, 2, self)
        self.shares.setHorizontalHeaderLabels([self.tr("Indicador"), self.tr("Porcentaje")])
        self.reasons = QTableWidget(0, 2, self)
        self.reasons.setHorizontalHeaderLabels([self.tr("Filas rechazadas"), self.tr("Motivo (un ejemplo)")])
        for table in (self.shares, self.reasons):
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setWordWrap(False)   # one line per row; the full example is in the tooltip
        self.shares.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.shares.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.reasons.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.reasons.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.trend = pg.PlotWidget(self, background="w",
                                   axisItems={"bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0)})
        # Short: the chart gets ~300 px beside the table, whose colour swatches are its legend.
        self.trend.plotItem.setTitle(self.tr("% por semana"), size="9pt", color="#202020")
        self.trend.plotItem.getViewBox().setMouseEnabled(True, False)
        self.trend.plotItem.getViewBox().setMenuEnabled(False)
        self.trend.setYRange(0, 100, padding=0.02)
        self.trend.setMinimumSize(260, 160)

        # Figures on the left (scrolling when the dock is short), their weekly trend on the right.
        content = QWidget(self)
        figures = QVBoxLayout(content)
        figures.addWidget(self.summary)
        figures.addWidget(self.shares)
        figures.addWidget(self.reasons)
        figures.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(self.trend)
        splitter.setSizes([460, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def sizeHint(self) -> QSize:
        # The dock's first width: enough for the tables' words, the user may narrow it.
        return QSize(900, 320)

    def refresh(self, inputs: QualityInputs | None) -> None:
        """Recompute for new incidents (None clears the panel)."""
        if inputs is None:
            self.runner.cancel()
            self.report = None
            self.summary.clear()
            self.shares.setRowCount(0)
            self.reasons.setRowCount(0)
            self.trend.plotItem.clear()
            return
        self.runner.start(compute_quality, inputs)

    def show_report(self, report: Any) -> None:
        self.report = report
        locale = QLocale()
        self.summary.setText(
            self.tr("%1 incidentes. Duplicados encontrados al importar: %2. Filas rechazadas: %3.")
            .replace("%1", locale.toString(report.incidents))
            .replace("%2", locale.toString(report.duplicates_found))
            .replace("%3", locale.toString(report.rows_rejected)))
        if report.incidents == 0:   # shares of nothing would read as "0 % with coordinates"
            self.summary.setText(self.summary.text() + " " + self.tr(
                "Los porcentajes se calculan sobre incidentes importados; este proyecto no tiene ninguno."))
        keys = [k for k in SHARE_KEYS if k in report.shares] if report.incidents else []
        self.shares.setVisible(bool(keys))
        self.shares.setRowCount(len(keys))
        for row, key in enumerate(keys):
            name = QTableWidgetItem(self.share_names[key])
            # The table is the chart's legend: a line in the curve's colour beside each name.
            name.setData(Qt.ItemDataRole.DecorationRole, _line_icon(SHARE_PENS[key]))
            name.setToolTip(self.share_tips[key])
            self.shares.setItem(row, 0, name)
            value = QTableWidgetItem(locale.toString(report.shares[key], "f", 1) + " %")
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.shares.setItem(row, 1, value)
        reasons = sorted(report.rejected_by_reason.items(), key=lambda item: -item[1])
        self.reasons.setRowCount(len(reasons))
        for row, (code, rows) in enumerate(reasons):
            # The example is one row's translated message; the code groups the rows behind it.
            example = report.reason_examples.get(code, code)
            count = QTableWidgetItem(locale.toString(rows))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.reasons.setItem(row, 0, count)
            item = QTableWidgetItem(example)
            item.setToolTip(f"{code}\n{example}")
            self.reasons.setItem(row, 1, item)
        self.reasons.setVisible(bool(reasons))
        for table in (self.shares, self.reasons):   # whole tables, no inner scrolling: the dock scrolls
            table.setFixedHeight(table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
                                 + 2 * table.frameWidth())
        self._draw_trend(report.weekly, keys)
        self.refreshed.emit()

    def _draw_trend(self, weekly: Any, keys: list[str]) -> None:
        plot = self.trend.plotItem
        plot.clear()
        # Without weeks (a project of counts only) the date axis would label an empty range "00.250".
        empty = weekly is None or len(weekly) == 0
        plot.getAxis("bottom").setStyle(showValues=not empty)
        if empty:
            return
        x = np.array([datetime.combine(day, time(), timezone.utc).timestamp() for day in weekly.index])
        for key in keys:
            if key in weekly:
                plot.plot(x, weekly[key].to_numpy(dtype=float), pen=SHARE_PENS[key], name=self.share_names[key])
        self.trend.setXRange(float(x.min()), float(x.max()), padding=0.02)
