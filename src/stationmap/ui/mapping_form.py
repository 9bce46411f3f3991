"""One combo box per incident field, listing the file's columns: the guessed mapping, editable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QWidget

NO_COLUMN = ""   # the combo's "(ninguna)" entry carries an empty column name

# Fields shown in the first column of the form: the ones nearly every file has.
_MAIN_FIELDS = ("date", "time", "datetime", "category", "subcategory", "lat", "lon", "address",
                "district", "ubigeo", "source_id")


class MappingForm(QWidget):
    changed = Signal()   # the user picked another column for some field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: dict[str, QComboBox] = {}
        self._columns: list[str] = []
        self._mapping: Any = None
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)

    def field_labels(self) -> dict[str, str]:
        return {
            "source_id": self.tr("N.º de denuncia / ID"),
            "datetime": self.tr("Fecha y hora"),
            "date": self.tr("Fecha"),
            "time": self.tr("Hora"),
            "date_end": self.tr("Fecha de fin"),
            "time_end": self.tr("Hora de fin"),
            "year": self.tr("Año"),
            "month": self.tr("Mes"),
            "day": self.tr("Día"),
            "category": self.tr("Categoría / modalidad"),
            "subcategory": self.tr("Subcategoría"),
            "lat": self.tr("Latitud"),
            "lon": self.tr("Longitud"),
            "coords": self.tr("Coordenadas (una columna)"),
            "x": self.tr("UTM este (X)"),
            "y": self.tr("UTM norte (Y)"),
            "address": self.tr("Dirección"),
            "district": self.tr("Distrito"),
            "ubigeo": self.tr("UBIGEO"),
            "station": self.tr("Comisaría"),
            "description": self.tr("Descripción"),
            "count": self.tr("Cantidad (tablas agregadas)"),
            "department": self.tr("Departamento"),
            "province": self.tr("Provincia"),
        }

    def set_mapping(self, columns: list[str], mapping: Any) -> None:
        """Show `mapping` (an io.mapping.ColumnMapping) for a file with these `columns`."""
        from stationmap.io.mapping import MAPPABLE_FIELDS

        self._columns = list(columns)
        self._mapping = mapping
        if not self.combos:
            self._build(MAPPABLE_FIELDS)
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(ninguna)"), NO_COLUMN)
            for column in self._columns:
                combo.addItem(column, column)
            chosen = mapping.fields.get(field, NO_COLUMN)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _build(self, fields: tuple[str, ...]) -> None:
        labels = self.field_labels()
        ordered = [f for f in _MAIN_FIELDS if f in fields] + [f for f in fields if f not in _MAIN_FIELDS]
        forms = (QFormLayout(), QFormLayout())
        half = (len(ordered) + 1) // 2
        for position, field in enumerate(ordered):
            combo = QComboBox(self)
            combo.setObjectName(f"mapping_{field}")
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(lambda _i, f=field: self._on_combo(f))
            forms[0 if position < half else 1].addRow(labels.get(field, field), combo)
            self.combos[field] = combo
        self._grid.addLayout(forms[0], 0, 0)
        self._grid.addLayout(forms[1], 0, 1)

    def _on_combo(self, field: str) -> None:
        column = self.combos[field].currentData()
        if column:
            self._mapping.fields[field] = column
        else:
            self._mapping.fields.pop(field, None)
        self.changed.emit()

    def mapping(self) -> Any:
        """The ColumnMapping as the user left it (the same object, edited in place)."""
        return self._mapping
