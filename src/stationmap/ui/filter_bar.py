"""The filter bar above the incident table: text, date range, categories, selection chips.

Every control writes the shared `FilterState`; the bar also listens to it, so a
filter changed elsewhere (the map's selection, the heat chart's hours, "Quitar")
shows here too. Selections made on the map or the chart appear as chips with
their size and a button that removes them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QMenu, QVBoxLayout,
                               QPushButton, QToolButton, QWidget)

from stationmap.core.filters import IncidentFilter
from stationmap.ui.filter_state import FilterState

_TEXT_DEBOUNCE_MS = 250  # typing a word refilters once, not once per key
# Room the category button keeps beyond "Categorías: todas" for the name of one chosen category.
_CATEGORY_NAME_ROOM = 40


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class _DateEdit(QDateEdit):
    """A date field a date can be typed into: 01112026 (or 01/11/2026) gives 01/11/2026.

    Qt's QDateEdit refuses a digit typed into a full section with the cursor in it (after a click, the
    day "17" has no room for a "0"), so typing after a click changed nothing. Here the first digit
    typed after a click replaces the section clicked, and the sections after it follow as Qt fills
    them. The date is written to the filter once typed (Enter, Tab, leaving the field), not at every
    key: a half-typed date would refilter the table and drag the other bound along.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._overwrite = False
        self.setKeyboardTracking(False)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        # Weeks start on Monday in Peru (Qt's locale for Peru and the "C" locale start on Sunday).
        self.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.lineEdit().installEventFilter(self)   # clicks on the text go to the line edit, not here

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lineEdit() and event.type() == QEvent.Type.MouseButtonPress:
            self._overwrite = True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._overwrite and event.text().isdigit() and not self.lineEdit().hasSelectedText():
            self.setSelectedSection(self.currentSection())
        self._overwrite = False
        super().keyPressEvent(event)


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
        # A fixed width: the search field beside it takes the rest, so choosing a category (whose name
        # the button shows) must not move the date fields under the user's pointer.
        self.category_button.setText(self.tr("Categorías: todas"))
        self.category_button.setFixedWidth(self.category_button.sizeHint().width() + _CATEGORY_NAME_ROOM)

        self.map_chip = _SelectionChip(self)
        self.map_chip.button.clicked.connect(lambda: self._state.update(ids=None))
        self.hours_chip = _SelectionChip(self)
        self.hours_chip.button.clicked.connect(lambda: self._state.update(cells=None))
        self._map_count: int | None = None   # what the map selection holds under the other filters
        self.clear_all_button = QPushButton(self.tr("Quitar todos los filtros"), self)
        self.clear_all_button.setFlat(True)
        self.clear_all_button.clicked.connect(self.clear_all)
        self.clear_all_button.hide()

        # The search field takes all the room the other controls leave: shared with an empty stretch,
        # its hint was cut at 1366 pixels ("Search category, address, d…").
        layout.addWidget(self.text_edit, 1)
        for widget in (self.from_check, self.from_edit, self.to_check, self.to_edit, self.category_button):
            layout.addWidget(widget)
        chips.addWidget(self.map_chip)
        chips.addWidget(self.hours_chip)
        chips.addSpacing(12)   # apart from the chips' own "Quitar"
        chips.addWidget(self.clear_all_button)
        chips.addStretch(1)

        self.set_categories([])
        state.changed.connect(self._show_filter)
        self._show_filter(state.filter())

    def _date_edit(self) -> QDateEdit:
        edit = _DateEdit(self)
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

    def show_map_selection_count(self, count: int | None) -> None:
        """The incidents the map selection holds under the other filters (the table's rows while it
        is in use); without it the chip counts the incidents selected."""
        self._map_count = count
        self._show_map_chip(self._state.filter())

    # --- widgets -> state ---------------------------------------------------------------
    def clear_all(self) -> None:
        """Quitar todos los filtros: text, dates, categories and both selections."""
        self._text_timer.stop()   # a word typed just now must not come back after the clearing
        self._state.clear()

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
        self._show_categories(flt.categories)
        self._show_map_chip(flt)
        # Numerus forms (%n): "1 hour" / "2 hours"; Spanish gets its singular from stationmap_es.qm.
        self._show_chip(self.hours_chip, flt.cells, lambda: len(flt.cells or ()),
                        lambda n: self.tr("Selección de horas: %n horas", "", n))
        self.clear_all_button.setVisible(not flt.is_empty)

    def _show_categories(self, categories: frozenset[str] | None) -> None:
        button = self.category_button
        if categories is None:
            button.setText(self.tr("Categorías: todas"))
            button.setToolTip("")
            return
        names = sorted(categories, key=str.lower)
        if len(names) == 1:
            template = self.tr("Categoría: %1")
            metrics = button.fontMetrics()
            # What the button's frame and menu arrow take, measured on the text it shows now.
            frame = button.sizeHint().width() - metrics.horizontalAdvance(button.text())
            room = button.maximumWidth() - frame - metrics.horizontalAdvance(template.replace("%1", ""))
            button.setText(template.replace("%1", metrics.elidedText(names[0], Qt.TextElideMode.ElideRight,
                                                                    max(room, 0))))
        else:
            button.setText(self.tr("Categorías: %1").replace("%1", str(len(names))))
        button.setToolTip("\n".join(names))

    def _show_map_chip(self, flt: IncidentFilter) -> None:
        self._show_chip(self.map_chip, flt.ids,
                        lambda: self._map_count if self._map_count is not None else len(flt.ids or ()),
                        lambda n: self.tr("Selección del mapa: %n incidentes", "", n))

    @staticmethod
    def _show_chip(chip: _SelectionChip, selection: frozenset | None, count: Callable[[], int],
                   text: Callable[[int], str]) -> None:
        chip.setVisible(selection is not None)
        if selection is not None:
            chip.label.setText(text(count()))
