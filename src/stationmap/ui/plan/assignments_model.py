"""The units of one day and shift of a plan, with a sector combo the commander can override.

A thin adapter over `PatrolPlan.allocations[(day, shift)]`: the model never
changes the plan itself. Choosing another sector emits `override_requested`;
the panel records the lock and changes the plan.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from stationmap.planning.allocation import Assignment
from stationmap.planning.plan import PatrolPlan
from stationmap.reports.plan_tables import clock

Index = QModelIndex | QPersistentModelIndex
UNIT, KIND, SECTOR, LOCKED, VISITS, REASON = range(6)


class AssignmentsModel(QAbstractTableModel):
    override_requested = Signal(str, object)   # unit id, sector name (None = keep at the station)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan: PatrolPlan | None = None
        self._key: tuple[date, str] | None = None
        self._rows: list[Assignment] = []
        self._headers = [self.tr("Unidad"), self.tr("Tipo"), self.tr("Sector"), self.tr("Fijado"),
                         self.tr("Visitas a puntos críticos"), self.tr("Motivo")]
        self._kinds = {"patrullero": self.tr("Patrullero"), "integrado": self.tr("Patrullaje integrado"),
                       "motorizado": self.tr("Motorizado"), "serenazgo": self.tr("Serenazgo"),
                       "a_pie": self.tr("A pie")}
        self.station_label = self.tr("Comisaría (retén)")

    def show(self, plan: PatrolPlan | None, day: date | None, shift: str | None) -> None:
        self.beginResetModel()
        self._plan = plan
        self._key = (day, shift) if plan is not None and day is not None and shift is not None else None
        allocation = plan.allocations.get(self._key) if plan is not None and self._key else None
        self._rows = list(allocation.assignments) if allocation is not None else []
        self.endResetModel()

    def assignment(self, row: int) -> Assignment:
        return self._rows[row]

    def sector_choices(self) -> list[tuple[str, str]]:
        """(label, sector) pairs the combo offers: every sector, then the station ("")."""
        sectors = [(s.name, s.name) for s in self._plan.sectors] if self._plan is not None else []
        return [*sectors, (self.station_label, "")]

    # --- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == SECTOR else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column == SECTOR:
            return a.sector or ""
        if role == Qt.ItemDataRole.ToolTipRole and column in (SECTOR, REASON):
            return a.reason_in()
        if role == Qt.ItemDataRole.ToolTipRole and column == VISITS:
            return self._visits_text(a.unit.id, "\n") or None   # one visit a line: the whole list
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == UNIT:
            return a.unit.id
        if column == KIND:
            return self._kinds.get(a.unit.kind, a.unit.kind)
        if column == SECTOR:
            return a.sector or self.station_label
        if column == LOCKED:
            return self.tr("sí") if a.locked else ""
        if column == VISITS:
            return self._visits_text(a.unit.id)
        return a.reason_in()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != SECTOR:
            return False
        current = self._rows[index.row()]
        sector = value or None
        if sector == current.sector:
            return False
        self.override_requested.emit(current.unit.id, sector)
        return True

    def _visits_text(self, unit: str, separator: str = ", ") -> str:
        if self._plan is None or self._key is None:
            return ""
        visits = self._plan.visits.get((*self._key, unit), [])
        return separator.join(f"{v.place} {clock(self._plan, self._key[1], v.start_minute)}" for v in visits)


class SectorDelegate(QStyledItemDelegate):
    """A combo of the plan's sectors (and the station) for the Sector column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for label, sector in index.model().sector_choices():
            combo.addItem(label, sector)
        # A choice takes effect at once, not only when the editor loses focus.
        combo.activated.connect(lambda _position: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
