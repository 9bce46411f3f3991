"""The filter bar above the incident table: text, date range, categories, selection chips.

Every control writes the shared `FilterState`; the bar also listens to it, so a
filter changed elsewhere (the map's selection, the heat chart's hours, "Quitar")
shows here too. Selections made on the map or the chart appear as chips with
their size and a button that removes them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, QTimer
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QMenu, QVBoxLayout,
                               QPushButton, QToolButton, QWidget)

from stationmap.core.filters import IncidentFilter
from stationmap.ui.filter_state import FilterState

_TEXT_DEBOUNCE_MS = 250  # typing a word refilters once, not once per key


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class _SelectionChip(QWidget):
    """'Selección del mapa: 12 incidentes — Quitar', hidden while there is no such selection."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.button = QPushButton(self.tr("Quitar"), self)
        self.button.setFlat(True)
        self.setStyleSheet("QLabel { background: #fff3c4; border-radius: 8px; padding: 2px 8px; }")
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.hide()


class FilterBar(QWidget):
    def __init__(self, state: FilterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        # Two rows: the filters, and under them the selection chips (usually hidden), so the
        # bar's minimum width leaves room for the map dock on a 1280-pixel laptop screen.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(4, 2, 4, 2)
        rows.setSpacing(2)
        layout = QHBoxLayout()
        chips = QHBoxLayout()
        rows.addLayout(layout)
        rows.addLayout(chips)

        self.text_edit = QLineEdit(self)
        # Short enough to show whole at 1366 px in both languages; the tooltip names every field searched.
        self.text_edit.setPlaceholderText(self.tr("Buscar categoría, calle…"))
        self.text_edit.setToolTip(self.tr("Busca en la categoría, la dirección y el distrito de cada incidente"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setMinimumWidth(100)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(_TEXT_DEBOUNCE_MS)
        self._text_timer.timeout.connect(self._commit_text)
        self.text_edit.textChanged.connect(self._text_timer.start)
        self.text_edit.returnPressed.connect(self._commit_text)

        self.from_check = QCheckBox(self.tr("Desde"), self)
        self.from_edit = self._date_edit()
        self.to_check = QCheckBox(self.tr("Hasta"), self)
        self.to_edit = self._date_edit()
        # A range can never turn inside out: moving one bound past the other drags the other
        # along (as calendar apps do), so "Desde" after "Hasta" cannot silently show nothing.
        self.from_check.toggled.connect(lambda: self._commit_dates(moved=self.to_edit))
        self.to_check.toggled.connect(lambda: self._commit_dates(moved=self.from_edit))
        self.from_edit.dateChanged.connect(lambda: self._commit_dates(moved=self.from_edit))
        self.to_edit.dateChanged.connect(lambda: self._commit_dates(moved=self.to_edit))

        self.category_button = QToolButton(self)
        self.category_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.category_menu = QMenu(self.category_button)
        self.category_button.setMenu(self.category_menu)

        self.map_chip = _SelectionChip(self)
        self.map_chip.button.clicked.connect(lambda: self._state.update(ids=None))
        self.hours_chip = _SelectionChip(self)
        self.hours_chip.button.clicked.connect(lambda: self._state.update(cells=None))

        # The search field takes all the room the other controls leave: shared with an empty stretch,
        # its hint was cut at 1366 pixels ("Search category, address, d…").
        layout.addWidget(self.text_edit, 1)
        for widget in (self.from_check, self.from_edit, self.to_check, self.to_edit, self.category_button):
            layout.addWidget(widget)
        chips.addWidget(self.map_chip)
        chips.addWidget(self.hours_chip)
        chips.addStretch(1)

        self.set_categories([])
        state.changed.connect(self._show_filter)
        self._show_filter(state.filter())

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setDate(QDate.currentDate())
        edit.setEnabled(False)
        return edit

    # --- choices ------------------------------------------------------------------------
    def set_categories(self, categories: list[str]) -> None:
        """The categories offered in the menu (the standard list plus any found in the data)."""
        self.category_menu.clear()
        self._category_actions = []
        for name in categories:
            action = self.category_menu.addAction(name)
            action.setCheckable(True)
            action.toggled.connect(self._commit_categories)
            self._category_actions.append(action)
        self.category_menu.addSeparator()
        self.category_menu.addAction(self.tr("Todas"), self._select_all_categories)
        self._show_filter(self._state.filter())

    def set_date_bounds(self, first: date | None, last: date | None) -> None:
        """Start the date pickers (those not in use) at the data's first and last day; at today
        without dated incidents, so that a new project does not show the previous one's dates."""
        today = date.today()
        blockers = [QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit)]
        if not self.from_check.isChecked():
            self.from_edit.setDate(_to_qdate(first if first is not None else today))
        if not self.to_check.isChecked():
            self.to_edit.setDate(_to_qdate(last if last is not None else today))
        del blockers

    # --- widgets -> state ---------------------------------------------------------------
    def _commit_text(self) -> None:
        self._text_timer.stop()
        self._state.update(text=self.text_edit.text().strip())

    def _commit_dates(self, moved: QDateEdit | None = None) -> None:
        """Write the date range; `moved` is the bound the user set, which the other one follows
        when they cross (ticking a box moves the newly used bound, not the one already set)."""
        if self.from_edit.date() > self.to_edit.date():
            follower = self.to_edit if moved is self.from_edit else self.from_edit
            leader = self.from_edit if follower is self.to_edit else self.to_edit
            with QSignalBlocker(follower):
                follower.setDate(leader.date())
        self.from_edit.setEnabled(self.from_check.isChecked())
        self.to_edit.setEnabled(self.to_check.isChecked())
        self._state.update(
            date_from=_to_date(self.from_edit.date()) if self.from_check.isChecked() else None,
            date_to=_to_date(self.to_edit.date()) if self.to_check.isChecked() else None)

    def _commit_categories(self) -> None:
        chosen = frozenset(a.text() for a in self._category_actions if a.isChecked())
        self._state.update(categories=chosen or None)

    def _select_all_categories(self) -> None:
        self._state.update(categories=None)

    # --- state -> widgets ---------------------------------------------------------------
    def _show_filter(self, flt: IncidentFilter) -> None:
        blockers = [QSignalBlocker(w) for w in (self.text_edit, self.from_check, self.to_check,
                                                  self.from_edit, self.to_edit,
                                                  *self._category_actions)]
        if self.text_edit.text().strip() != flt.text:
            self.text_edit.setText(flt.text)
        self.from_check.setChecked(flt.date_from is not None)
        self.to_check.setChecked(flt.date_to is not None)
        if flt.date_from is not None:
            self.from_edit.setDate(_to_qdate(flt.date_from))
        if flt.date_to is not None:
            self.to_edit.setDate(_to_qdate(flt.date_to))
        self.from_edit.setEnabled(flt.date_from is not None)
        self.to_edit.setEnabled(flt.date_to is not None)
        for action in self._category_actions:
            action.setChecked(flt.categories is not None and action.text() in flt.categories)
        del blockers
        if flt.categories is None:
            self.category_button.setText(self.tr("Categorías: todas"))
        else:
            self.category_button.setText(self.tr("Categorías: %1").replace("%1", str(len(flt.categories))))
        # Numerus forms (%n): "1 hour" / "2 hours"; Spanish gets its singular from stationmap_es.qm.
        self._show_chip(self.map_chip, flt.ids,
                        lambda n: self.tr("Selección del mapa: %n incidentes", "", n))
        self._show_chip(self.hours_chip, flt.cells,
                        lambda n: self.tr("Selección de horas: %n horas", "", n))

    @staticmethod
    def _show_chip(chip: _SelectionChip, selection: frozenset | None, text: Callable[[int], str]) -> None:
        chip.setVisible(selection is not None)
        if selection is not None:
            chip.label.setText(text(len(selection)))
