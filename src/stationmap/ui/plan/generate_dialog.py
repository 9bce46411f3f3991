"""Ask for what a new plan needs: the period, the seed, who makes it, and sectors when there are none."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

DATE_FORMAT = "dd/MM/yyyy"
# The line edit's frame and text margins, beyond the width of its text.
_LINE_EDIT_PADDING = 24


@dataclass(frozen=True)
class PlanChoices:
    start: date
    end: date
    seed: int
    author: str
    n_sectors: int


class GenerateDialog(QDialog):
    def __init__(self, start: date, end: date, *, author: str, needs_sectors: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Generar plan de patrullaje"))
        self.start = self._date_edit(start)
        self.end = self._date_edit(end)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 999_999)
        self.seed.setToolTip(self.tr("La misma semilla da el mismo plan; otra semilla cambia el orden "
                                     "aleatorio de las visitas"))
        self.author = QLineEdit(author, self)
        self.author.setPlaceholderText(self.tr("Grado y nombre de quien elabora el plan"))
        # Wide enough for the whole hint in either language ("Rank and name of wh…" was cut at 1366 px).
        self.author.setMinimumWidth(self.author.fontMetrics().horizontalAdvance(self.author.placeholderText())
                                    + _LINE_EDIT_PADDING)
        self.n_sectors = QSpinBox(self)
        self.n_sectors.setRange(2, 60)
        self.n_sectors.setValue(6)
        form = QFormLayout()
        form.addRow(self.tr("Desde"), self.start)
        form.addRow(self.tr("Hasta"), self.end)
        form.addRow(self.tr("Semilla"), self.seed)
        form.addRow(self.tr("Elaborado por"), self.author)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if needs_sectors:
            note = QLabel(self.tr("El proyecto no tiene sectores. Se generarán sectores contiguos de igual "
                                  "carga de trabajo y se guardarán en el proyecto."), self)
            note.setWordWrap(True)
            layout.addWidget(note)
            sectors_form = QFormLayout()
            sectors_form.addRow(self.tr("Número de sectores"), self.n_sectors)
            layout.addLayout(sectors_form)
        else:
            self.n_sectors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Generar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.start.dateChanged.connect(self._keep_end_after_start)

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
        return edit

    def _keep_end_after_start(self, start: QDate) -> None:
        if self.end.date() < start:
            self.end.setDate(start.addDays(6))

    def choices(self) -> PlanChoices:
        return PlanChoices(self.start.date().toPython(), self.end.date().toPython(), self.seed.value(),
                           self.author.text().strip(), self.n_sectors.value())
