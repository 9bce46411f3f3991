"""The plan tab: pick a day and shift, see its units with sector and reason, override a sector.

Also lists the commander's locks (a lock holds for every day and shift of the
period in which the unit serves, which is how `UnitsSpec.locked` works) and,
after a rebalance, which assignments moved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSplitter, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from stationmap.analysis.temporal_tables import shift_names, weekday_names
from stationmap.planning.plan import PatrolPlan
from stationmap.planning.plan_compare import Move
from stationmap.ui.plan.assignments_model import REASON, VISITS, AssignmentsModel, SectorDelegate
from stationmap.ui.plan.units_editor import WheelOnlyWhenFocused, take_wheel_only_when_focused

DAY = "%d/%m/%Y"


class PlanView(QWidget):
    override_requested = Signal(str, object)   # unit id, sector (None = station)
    shift_chosen = Signal()                    # the day or shift shown changed
    clear_locks_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: PatrolPlan | None = None
        self.day = QComboBox(self)
        self.shift = QComboBox(self)
        self.day.currentIndexChanged.connect(self._show_current)
        self.shift.currentIndexChanged.connect(self._show_current)
        self._wheel_guard = WheelOnlyWhenFocused(self)   # scrolling the dock does not change the shift shown
        for combo in (self.day, self.shift):
            take_wheel_only_when_focused(combo, self._wheel_guard)
        self.model = AssignmentsModel(self)
        self.model.override_requested.connect(self.override_requested)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(2, SectorDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.verticalHeader().hide()
        # At 1366x768 the visits took the width they liked («…PC-04 09:29, P» cut, «Motivo» out of sight):
        # the short columns fit their contents, visits and reason share the rest and wrap, rows grow to fit,
        # headers wrap too, and the cells' tooltips give the whole text.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (VISITS, REASON):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setToolTip(self.tr("Haga doble clic en el sector de una unidad para asignarla a otro; "
                                      "la unidad queda fijada y «Reequilibrar» reparte las demás"))
        self.totals = QLabel(self)
        self.locks = QLabel(self)
        self.locks.setWordWrap(True)
        self.clear_locks = QPushButton(self.tr("Quitar fijaciones"), self)
        self.clear_locks.clicked.connect(self.clear_locks_requested)
        self.moves_title = QLabel(self)
        self.moves = QTableWidget(0, 5, self)
        self.moves.setHorizontalHeaderLabels([self.tr("Fecha"), self.tr("Turno"), self.tr("Unidad"),
                                              self.tr("Antes"), self.tr("Ahora")])
        self.moves.verticalHeader().hide()
        self.moves.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.moves.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Día"), self))
        pick.addWidget(self.day, 1)
        pick.addWidget(QLabel(self.tr("Turno"), self))
        pick.addWidget(self.shift, 1)
        locks = QHBoxLayout()
        locks.addWidget(self.locks, 1)
        locks.addWidget(self.clear_locks)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(locks)
        bottom_layout.addWidget(self.moves_title)
        bottom_layout.addWidget(self.moves, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.totals)
        layout.addWidget(splitter, 1)
        self.show_moves(None)
        self.set_plan(None)

    # --- what is shown ---------------------------------------------------------------------
    def set_plan(self, plan: PatrolPlan | None) -> None:
        """Show a plan, keeping the chosen day and shift when the new plan has them."""
        day, shift = self.current()
        self._plan = plan
        for combo in (self.day, self.shift):
            combo.blockSignals(True)
            combo.clear()
        if plan is not None:
            names = weekday_names()
            for d in plan.days:
                self.day.addItem(f"{names[d.weekday()]} {d.strftime(DAY)}", d.isoformat())
            for s, label in zip(plan.shifts.shifts, shift_names(plan.shifts)):
                self.shift.addItem(label, s.key)
            self.day.setCurrentIndex(max(self.day.findData(day.isoformat() if day else None), 0))
            self.shift.setCurrentIndex(max(self.shift.findData(shift), 0))
        for combo in (self.day, self.shift):
            combo.blockSignals(False)
        self._show_locks()
        self._show_current()

    def current(self) -> tuple[date | None, str | None]:
        """The day and shift key shown (the combo keeps days as ISO text: Qt has no Python dates)."""
        day = self.day.currentData()
        return (date.fromisoformat(day) if day else None), self.shift.currentData()

    def choose(self, day: date, shift: str) -> None:
        self.day.setCurrentIndex(self.day.findData(day.isoformat()))
        self.shift.setCurrentIndex(self.shift.findData(shift))

    def show_moves(self, moves: list[Move] | None) -> None:
        """Assignments a rebalance changed (None hides the list)."""
        self.moves_title.setVisible(moves is not None)
        self.moves.setVisible(bool(moves))
        if moves is None:
            return
        self.moves_title.setText(self.tr("Reequilibrio: %1 asignaciones cambiaron de sector")
                                 .replace("%1", str(len(moves))))
        labels = dict(zip((s.key for s in self._plan.shifts.shifts), shift_names(self._plan.shifts))) \
            if self._plan is not None else {}
        station = self.model.station_label
        self.moves.setRowCount(len(moves))
        for r, m in enumerate(moves):
            for c, text in enumerate([m.day.strftime(DAY), labels.get(m.shift, m.shift), m.unit,
                                      m.before or station, m.after or station]):
                self.moves.setItem(r, c, QTableWidgetItem(text))

    def _show_current(self) -> None:
        day, shift = self.current()
        self.model.show(self._plan, day, shift)
        self._show_totals()
        self.shift_chosen.emit()

    def _show_totals(self) -> None:
        rows = [self.model.assignment(r) for r in range(self.model.rowCount())]
        if not rows:
            self.totals.setText(self.tr("Sin plan: pulse «Generar plan…» o abra una versión guardada."))
            return
        deployed = sum(1 for a in rows if a.sector)
        self.totals.setText(self.tr("%1 unidades en el turno: %2 en sectores, %3 en la comisaría")
                            .replace("%1", str(len(rows))).replace("%2", str(deployed))
                            .replace("%3", str(len(rows) - deployed)))

    def _show_locks(self) -> None:
        locked = self._plan.spec.locked if self._plan is not None else {}
        station = self.model.station_label
        self.clear_locks.setEnabled(bool(locked))
        if not locked:
            self.locks.setText(self.tr("Ninguna unidad fijada."))
            return
        pairs = ", ".join(f"{unit} → {sector or station}" for unit, sector in sorted(locked.items()))
        self.locks.setText(self.tr("Fijadas por el comisario (todos los días y turnos del periodo): %1")
                           .replace("%1", pairs))
