"""The incident table with its filter bar, re-filtered whenever the shared filter changes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from stationmap.analysis.filtering import filter_mask
from stationmap.core.filters import IncidentFilter
from stationmap.core.model import UNKNOWN_CATEGORY
from stationmap.ui.filter_bar import FilterBar
from stationmap.ui.filter_state import FilterState
from stationmap.ui.incident_table_model import IncidentTableModel

_EPOCH = datetime(1970, 1, 1)


def standard_categories() -> list[str]:
    """The importer's standard category list, or just 'No especificado' before it exists."""
    try:
        from stationmap.io.categories import CategoryTable
    except ImportError:
        return [UNKNOWN_CATEGORY]
    return list(CategoryTable.default().standard_categories())


class IncidentPanel(QWidget):
    counts_changed = Signal(int, int)   # shown, total

    def __init__(self, state: FilterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._incidents = pd.DataFrame()
        self.filter_bar = FilterBar(state, self)
        self.model = IncidentTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 90, 190, 260, 130, 170)):
            self.view.setColumnWidth(column, width)
        self.view.sortByColumn(0, self.view.horizontalHeader().sortIndicatorOrder())
        # A project without incidents (new, or of SIDPOL counts only) says what to do instead of an empty grid.
        self.no_incidents_label = QLabel(self.tr(
            "Este proyecto no tiene incidentes. Impórtelos con Importar → Importar archivos… o arrastrando los "
            "archivos a esta ventana. Los conteos por distrito y mes (como los del SIDPOL) se ven en el mapa y "
            "en Ver → Estadísticas agregadas."), self)
        self.no_incidents_label.setWordWrap(True)
        self.no_incidents_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_incidents_label.setMargin(24)
        self.no_incidents_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view)
        layout.addWidget(self.no_incidents_label, 1)
        state.changed.connect(self._apply_filter)

    def set_incidents(self, incidents: pd.DataFrame) -> None:
        self._incidents = incidents
        self.view.setVisible(len(incidents) > 0)
        self.filter_bar.setEnabled(len(incidents) > 0)
        self.no_incidents_label.setVisible(not len(incidents))
        self.model.set_incidents(incidents)
        found = set(incidents["category"].dropna().astype(str)) if len(incidents) else set()
        standard = standard_categories()
        self.filter_bar.set_categories(standard + sorted(found - set(standard)))
        self.filter_bar.set_date_bounds(*self._date_bounds(incidents))
        self._apply_filter(self._state.filter())

    @staticmethod
    def _date_bounds(incidents: pd.DataFrame) -> tuple[date | None, date | None]:
        if not len(incidents):
            return None, None
        start = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
        if np.isnan(start).all():
            return None, None
        first, last = np.nanmin(start), np.nanmax(start)
        return ((_EPOCH + timedelta(seconds=int(first))).date(),
                (_EPOCH + timedelta(seconds=int(last))).date())

    def shown_incidents(self) -> pd.DataFrame:
        """The rows the table shows, in its order, with all their stored columns; free-text
        descriptions stay out (personal data)."""
        shown = self._incidents.iloc[self.model.visible_positions()]
        return shown.drop(columns=["description"], errors="ignore")

    def table_for_export(self) -> pd.DataFrame:
        """The table as the user sees it (Archivo ▸ Exportar tabla): its columns, headers, order and
        texts, coordinates as numbers in columns of their own (IncidentTableModel.export_frame)."""
        return self.model.export_frame()

    def _apply_filter(self, flt: IncidentFilter) -> None:
        if len(self._incidents):
            self.model.set_mask(filter_mask(self._incidents, flt))
        # The map chip counts what its selection holds under the other filters: the rows shown.
        self.filter_bar.show_map_selection_count(None if flt.ids is None else self.model.rowCount())
        self.counts_changed.emit(self.model.rowCount(), self.model.total_count())
