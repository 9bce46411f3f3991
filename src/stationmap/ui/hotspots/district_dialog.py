"""Pick the station's jurisdiction among Peru's districts (INEI 2007 limits, bundled with the app).

Many stations have no polygon file of their jurisdiction, and drawing one by hand takes a while; a
comisaría's area often follows district limits. The districts holding the station's incidents are
listed first, with how many each holds, and those holding a fair share are ticked to start with.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

# A district holding at least this share of the located incidents starts ticked.
PRESELECT_SHARE = 0.02


class DistrictJurisdictionDialog(QDialog):
    def __init__(self, choices: list[Any], parent: QWidget | None = None) -> None:
        """`choices`: maps.national_districts.district_choices(...) for the station's incidents."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Jurisdicción desde distritos"))
        self._choices = choices
        located = sum(c.incidents for c in choices)
        locale = QLocale()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Buscar distrito, provincia o departamento…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        for index, choice in enumerate(choices):
            words = f"{choice.name} — {choice.province.title()}, {choice.department.title()} ({choice.ubigeo})"
            if choice.incidents == 1:
                words += " · " + self.tr("1 incidente")
            elif choice.incidents:
                words += " · " + self.tr("%1 incidentes").replace("%1", locale.toString(choice.incidents))
            item = QListWidgetItem(words, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = located and choice.incidents >= PRESELECT_SHARE * located
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, index)
        note = QLabel(self.tr("La unión de los distritos marcados será la jurisdicción de la comisaría. Límites "
                              "distritales del INEI (2007), simplificados: revíselos en el mapa; los distritos "
                              "creados después de 2007 no figuran."), self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(560, 480)

        self.search.textChanged.connect(self._filter)
        self.list.itemChanged.connect(self._update_ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_ok()

    def chosen(self) -> list[Any]:
        """The ticked districts, in the list's order."""
        return [self._choices[self.list.item(row).data(Qt.ItemDataRole.UserRole)]
                for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not all(word in item.text().casefold() for word in words))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))
