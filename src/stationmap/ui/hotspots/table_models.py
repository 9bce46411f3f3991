"""Thin Qt table models over the panel's DataFrames (sector figures, critical points, evaluation)."""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from stationmap.core.numbers import count_text

Index = QModelIndex | QPersistentModelIndex


class FrameModel(QAbstractTableModel):
    """Shows chosen columns of a DataFrame, each with a header and a formatter."""

    def __init__(self, columns: list[tuple[str, str, Callable[[Any], str]]], parent: QObject | None = None, *,
                 tooltips: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self._columns = columns          # (frame column, header, formatter)
        self._tooltips = tooltips or {}  # shown column -> frame column holding its longer explanation
        self._frame = pd.DataFrame()
        self._row_colours: list[QColor] = []   # a swatch before the first column (a chart's line colours)

    @property
    def frame(self) -> pd.DataFrame:
        return self._frame

    def set_frame(self, frame: pd.DataFrame, row_colours: list[str] | None = None) -> None:
        self.beginResetModel()
        self._frame = frame.reset_index(drop=True)
        self._row_colours = [QColor(c) for c in row_colours or []]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, _header, fmt = self._columns[index.column()]
        row = self._frame.iloc[index.row()]
        value = row[key]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return fmt(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(row[self._tooltips[key]]) if key in self._tooltips else fmt(value)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and index.row() < len(self._row_colours):
            return self._row_colours[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and not isinstance(value, str):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][1]
        return None


class SectorTableModel(FrameModel):
    """The sector table; the name column is editable and asks for a rename (saved by the tab)."""

    rename_requested = Signal(int, str)   # row, new name

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 0 else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != 0:
            return False
        self.rename_requested.emit(index.row(), str(value))
        return True


def rows_view(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    """A read-only table whose rows are picked one at a time, columns sized to their content."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().hide()
    return table


def text(value: Any) -> str:
    return "" if value is None else str(value)


def integer(value: Any) -> str:
    return count_text(int(value))


def decimal(digits: int) -> Callable[[Any], str]:
    return lambda value: f"{float(value):.{digits}f}"


def percent(value: Any) -> str:
    return f"{100 * float(value):.0f} %"


def signed_percent(value: Any) -> str:
    return "—" if value is None or pd.isna(value) else f"{float(value):+.0f} %"
