"""Saved plan versions, and the comparison of two plans as tables.

Only shows things and emits what the user asked for; the panel reads and
writes the project.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from stationmap.core.timestamps import shown_timestamp
from stationmap.planning.plan_compare import STATION, PlanComparison
from stationmap.planning.plan_io import SavedPlan

DAY = "%d/%m/%Y"


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[object]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            item.setToolTip(str(value))   # a street name cut by a narrow column is read whole here
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class VersionsView(QWidget):
    open_requested = Signal(str)       # asset name of a saved plan
    compare_requested = Signal(str)    # compare that saved plan with the plan in the editor
    compare_previous_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saved = _table(self, [self.tr("Semana"), self.tr("Versión"), self.tr("Elaborado por"),
                                   self.tr("Creado"), self.tr("Unidades-turno")])
        # At least three saved plans visible, however short the dock (two while a comparison is shown).
        self._list_height = {rows: self.saved.horizontalHeader().sizeHint().height()
                             + rows * self.saved.verticalHeader().defaultSectionSize() + 4 for rows in (2, 3)}
        self.saved.setMinimumHeight(self._list_height[3])
        self.open_button = QPushButton(self.tr("Abrir"), self)
        self.compare_button = QPushButton(self.tr("Comparar con el plan actual"), self)
        self.previous_button = QPushButton(self.tr("Comparar con la semana anterior"), self)
        self.open_button.clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.compare_button.clicked.connect(lambda: self._emit_selected(self.compare_requested))
        self.previous_button.clicked.connect(self.compare_previous_requested)
        self.saved.doubleClicked.connect(lambda _index: self._emit_selected(self.open_requested))
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.units = _table(self, [self.tr("Sector"), self.tr("Turno"), self.tr("Antes"), self.tr("Ahora"),
                                   self.tr("Cambio")])
        self.points = _table(self, [self.tr("Punto crítico"), self.tr("Calle"), self.tr("Estado")])
        self.points.horizontalHeader().setStretchLastSection(False)
        self.points.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)   # the street
        buttons = QHBoxLayout()
        for button in (self.open_button, self.compare_button, self.previous_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.saved, 1)
        top_layout.addLayout(buttons)
        # The two comparison tables side by side, each as tall as the room below the list: stacked
        # under it in a 350 px dock (1366x768) they showed a row or two until the dock was scrolled.
        self.comparison = QSplitter(Qt.Orientation.Horizontal, self)
        for table, stretch in ((self.units, 1), (self.points, 1)):
            self.comparison.addWidget(table)
            self.comparison.setStretchFactor(self.comparison.indexOf(table), stretch)
        self.comparison.setChildrenCollapsible(False)
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.title)
        below_layout.addWidget(self.comparison, 1)
        # The user decides how much room the list and the comparison get.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        for part, stretch in ((top, 1), (below, 2)):
            self.splitter.addWidget(part)
            self.splitter.setStretchFactor(self.splitter.indexOf(part), stretch)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._names: list[str] = []
        self.set_saved([])
        self.set_can_compare(False)

    def set_saved(self, plans: list[SavedPlan]) -> None:
        self._names = [p.name for p in plans]
        _fill(self.saved, [[f"{p.period_start.strftime(DAY)} – {p.period_end.strftime(DAY)}", p.version,
                            p.author, shown_timestamp(p.created_at), p.units] for p in plans])
        if plans:
            self.saved.selectRow(0)
        self.open_button.setEnabled(bool(plans))

    def set_can_compare(self, enabled: bool) -> None:
        self.compare_button.setEnabled(enabled)
        self.previous_button.setEnabled(enabled)

    def selected_name(self) -> str | None:
        rows = self.saved.selectionModel().selectedRows()
        return self._names[rows[0].row()] if rows else None

    def _emit_selected(self, signal: Signal) -> None:
        name = self.selected_name()
        if name is not None:
            signal.emit(name)

    def show_comparison(self, title: str, comparison: PlanComparison, shift_labels: dict[str, str]) -> None:
        labels = dict(shift_labels)
        self.title.setText(title)
        _fill(self.units, [[r.sector if r.sector != STATION else self.tr("Comisaría (retén)"),
                            labels.get(r.shift, r.shift), r.before, r.after, f"{r.change:+d}"]
                           for r in comparison.units])
        status = {"new": self.tr("nuevo"), "dropped": self.tr("ya no figura"), "kept": self.tr("se mantiene")}
        order = {"new": 0, "dropped": 1, "kept": 2}
        _fill(self.points, [[p.code, p.street, status[p.status]]
                            for p in sorted(comparison.points, key=lambda p: order[p.status])])
        # The comparison was asked for: it gets the room, the list keeps its minimum (two plans).
        self.saved.setMinimumHeight(self._list_height[2])
        total = sum(self.splitter.sizes())
        top = self.splitter.widget(0).minimumSizeHint().height()
        if total > top:
            self.splitter.setSizes([top, total - top])
