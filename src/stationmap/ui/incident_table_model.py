"""A thin Qt table model over the incident DataFrame.

The model keeps the columns it shows as numpy arrays and a vector of visible
row positions (filter mask, then sort order). `data()` formats one cell on
demand, so only the rows on screen are ever turned into text; sorting is one
numpy argsort over a whole column, never a per-pair `lessThan`, so 100,000+
rows sort and filter without stalling the window.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from stationmap.analysis.temporal import month_only_dates

_EPOCH = datetime(1970, 1, 1)
UNKNOWN = "—"
# How dates and times read, in the table and in its export (one cell at a time there, vectorised here).
DAY_FORMAT, MONTH_FORMAT, TIME_FORMAT, WINDOW_DASH = "%d/%m/%Y", "%m/%Y", "%H:%M", "–"

# Column keys in display order; headers are translated in `headerData`.
COLUMNS = ("date", "time", "category", "address", "district", "coords", "source")


def _text_array(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    return frame[column].fillna("").astype(str).to_numpy(dtype=object)


def _float_array(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame.columns:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)


class IncidentTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = {
            "date": self.tr("Fecha"),
            "time": self.tr("Hora"),
            "category": self.tr("Categoría"),
            "address": self.tr("Dirección"),
            "district": self.tr("Distrito"),
            "coords": self.tr("Coordenadas"),
            "source": self.tr("Fuente"),
        }
        self._lat_header = self.tr("Latitud")
        self._lon_header = self.tr("Longitud")
        self._unknown_time = self.tr("desconocida")
        self._sort_column: int | None = None
        self._sort_descending = False
        self._set_arrays(pd.DataFrame({"id": pd.Series([], dtype="int64")}))

    # --- data in ------------------------------------------------------------------------
    def _set_arrays(self, frame: pd.DataFrame) -> None:
        n = len(frame)
        self._ids = (frame["id"].to_numpy(dtype="int64") if "id" in frame.columns
                     else np.arange(1, n + 1, dtype=np.int64))
        self._start = _float_array(frame, "start_ts")
        end = _float_array(frame, "end_ts")
        self._end = np.where(np.isnan(end), self._start, end)
        known = _float_array(frame, "time_known")
        self._time_known = np.nan_to_num(known, nan=0.0) > 0
        # A log that gives only the month (UK street-level data, some monthly summaries) is not shown
        # as if on its first day: such a date reads "06/2017".
        self._month_only = month_only_dates(frame)
        self._text = {key: _text_array(frame, column) for key, column in
                      (("category", "category"), ("address", "address"),
                       ("district", "district"), ("source", "source_id"))}
        self._lat = _float_array(frame, "lat")
        self._lon = _float_array(frame, "lon")
        self._mask = np.ones(n, dtype=bool)
        self._order = np.arange(n, dtype=np.int64)   # full-table sort order
        self._visible = self._order

    def set_incidents(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._set_arrays(frame)
        if self._sort_column is not None:
            self._order = self._sorted_order(self._sort_column, self._sort_descending)
        self._visible = self._order
        self.endResetModel()

    def set_mask(self, mask: np.ndarray) -> None:
        """Show only the rows where `mask` (one bool per incident, table order) is True."""
        self.beginResetModel()
        self._mask = np.asarray(mask, dtype=bool)
        self._visible = self._order[self._mask[self._order]]
        self.endResetModel()

    # --- what views ask ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def total_count(self) -> int:
        return len(self._ids)

    def visible_positions(self) -> np.ndarray:
        """Table positions of the rows shown, in the order shown."""
        return self._visible

    def incident_id(self, row: int) -> int:
        return int(self._ids[self._visible[row]])

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[COLUMNS[section]]
        return str(section + 1)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                                Qt.ItemDataRole.ToolTipRole):
            return None
        return self.cell_text(int(self._visible[index.row()]), COLUMNS[index.column()])

    def cell_text(self, position: int, key: str) -> str:
        """Display text of incident at table `position` for column `key`."""
        if key == "date":
            start = self._start[position]
            if np.isnan(start):
                return UNKNOWN
            return self._moment(start).strftime(MONTH_FORMAT if self._month_only[position] else DAY_FORMAT)
        if key == "time":
            return self._time_text(position)
        if key == "coords":
            lat, lon = self._lat[position], self._lon[position]
            if np.isnan(lat) or np.isnan(lon):
                return UNKNOWN
            return f"{lat:.5f}, {lon:.5f}"
        return self._text[key][position] or UNKNOWN

    @staticmethod
    def _moment(seconds: float) -> datetime:
        return _EPOCH + timedelta(seconds=int(seconds))

    def _time_text(self, position: int) -> str:
        start = self._start[position]
        if np.isnan(start) or not self._time_known[position]:
            return self._unknown_time
        text = self._moment(start).strftime(TIME_FORMAT)
        end = self._end[position]
        if end > start:  # a window (aoristic): show both ends
            text += WINDOW_DASH + self._moment(end).strftime(TIME_FORMAT)
        return text

    # --- export -----------------------------------------------------------------------
    def export_frame(self) -> pd.DataFrame:
        """The rows shown, in the order shown, with the table's columns and headers (in the user's
        language) and its date and time texts; the coordinates as two numeric columns (latitude,
        longitude) a spreadsheet can compute with. A value the table shows as "—" is an empty cell."""
        rows = self._visible
        columns: dict[str, Any] = {}
        for key in COLUMNS:
            if key == "date":
                columns[self._headers[key]] = self._date_texts(rows)
            elif key == "time":
                columns[self._headers[key]] = self._time_texts(rows)
            elif key == "coords":
                columns[self._lat_header] = self._lat[rows]
                columns[self._lon_header] = self._lon[rows]
            else:
                columns[self._headers[key]] = self._text[key][rows]
        return pd.DataFrame(columns)

    @staticmethod
    def _moments(seconds: np.ndarray) -> pd.DatetimeIndex:
        return pd.to_datetime(seconds, unit="s")   # local seconds; NaN becomes NaT

    def _date_texts(self, rows: np.ndarray) -> np.ndarray:
        moments = self._moments(self._start[rows])
        days = np.asarray(moments.strftime(DAY_FORMAT), dtype=object)
        months = np.asarray(moments.strftime(MONTH_FORMAT), dtype=object)
        texts = np.where(self._month_only[rows], months, days)
        return np.where(np.isnan(self._start[rows]), "", texts).astype(object)

    def _time_texts(self, rows: np.ndarray) -> np.ndarray:
        start, end = self._start[rows], self._end[rows]
        texts = np.asarray(self._moments(start).strftime(TIME_FORMAT), dtype=object)
        window = end > start   # NaN compares False
        if window.any():
            ends = np.asarray(self._moments(end[window]).strftime(TIME_FORMAT), dtype=object)
            texts[window] = texts[window] + WINDOW_DASH + ends
        unknown = np.isnan(start) | ~self._time_known[rows]
        return np.where(unknown, self._unknown_time, texts).astype(object)

    # --- sorting ----------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort_column = column
        self._sort_descending = order == Qt.SortOrder.DescendingOrder
        self._order = self._sorted_order(column, self._sort_descending)
        self._visible = self._order[self._mask[self._order]]
        self.layoutChanged.emit()

    def _sorted_order(self, column: int, descending: bool) -> np.ndarray:
        key, missing = self._sort_key(COLUMNS[column])
        order = np.argsort(key, kind="stable")
        if descending:
            order = order[::-1]
        # Unknown values stay at the bottom in both directions.
        return np.concatenate([order[~missing[order]], order[missing[order]]])

    def _sort_key(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        if key == "date":
            return np.nan_to_num(self._start, nan=0.0), np.isnan(self._start)
        if key == "time":
            missing = np.isnan(self._start) | ~self._time_known
            seconds_of_day = np.mod(np.nan_to_num(self._start, nan=0.0), 86_400)
            return seconds_of_day, missing
        if key == "coords":
            return np.nan_to_num(self._lat, nan=0.0), np.isnan(self._lat) | np.isnan(self._lon)
        text = self._text[key]
        lowered = np.char.lower(text.astype(str)) if len(text) else text.astype(str)
        return lowered, text == ""
