"""The station's resources: units per shift and type, units kept at the station, sector bounds, call share.

One row per unit type plus the units kept at the station (retén), one
column per shift. The spec is the usual weekly roster: the same counts every
day of the plan. Locks are not edited here: they belong to a plan.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QAbstractScrollArea, QFormLayout, QHeaderView, QLabel,
                               QPushButton, QSizePolicy, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from stationmap.analysis.temporal_tables import shift_names
from stationmap.core.shifts import DEFAULT_SHIFTS, ShiftPlan
from stationmap.planning.allocation import UNIT_KINDS
from stationmap.planning.plan import UnitsSpec

MAX_UNITS = 99


class WheelOnlyWhenFocused(QObject):
    """Spin boxes and combos in a scrolling panel take the wheel only once clicked into (focused).

    Scrolling the dock with the pointer passing over them changed unit counts unseen (two notches
    took Patrullero Mañana from 3 to 1). Unfocused, the wheel event is left unaccepted, so Qt passes
    it on to the parents: the table, then the dock's scroll area, which scrolls.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True
        return False


def take_wheel_only_when_focused(widget: QWidget, guard: WheelOnlyWhenFocused) -> None:
    """Apply `guard` to `widget`; the wheel no longer gives it focus either (Qt's default for both)."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(guard)


class UnitsEditor(QWidget):
    save_requested = Signal(object)   # the UnitsSpec shown, when the user presses Guardar recursos
    edited = Signal()                 # a value shown changed (by the user or set_spec)

    def __init__(self, parent: QWidget | None = None, shifts: ShiftPlan = DEFAULT_SHIFTS) -> None:
        super().__init__(parent)
        self._shift_keys = [s.key for s in shifts.shifts]
        kind_titles = {"patrullero": self.tr("Patrullero"), "integrado": self.tr("Patrullaje integrado"),
                       "motorizado": self.tr("Motorizado"), "serenazgo": self.tr("Serenazgo"),
                       "a_pie": self.tr("A pie")}
        # Unit types down and shifts across: a narrow dock shows it whole.
        rows = [*UNIT_KINDS, "at_station"]
        self.table = QTableWidget(len(rows), len(self._shift_keys), self)
        self.table.setVerticalHeaderLabels([kind_titles[k] for k in UNIT_KINDS] + [self.tr("En comisaría (retén)")])
        # The retén is not one more unit: it is taken from the units above (UnitsSpec.at_station).
        reten_hint = self.tr("Cuántas de las unidades de arriba se quedan en la comisaría como retén; "
                             "no se suman a ellas")
        header_item = self.table.verticalHeaderItem(len(rows) - 1) or QTableWidgetItem()
        header_item.setToolTip(reten_hint)
        self.table.setVerticalHeaderItem(len(rows) - 1, header_item)
        self.reten_note = QLabel(self.tr("«En comisaría (retén)» no suma unidades: de las unidades de arriba, "
                                         "esas se quedan en la comisaría y las demás salen a los sectores."), self)
        self.reten_note.setWordWrap(True)
        self.table.setHorizontalHeaderLabels(shift_names(shifts))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.table.setToolTip(self.tr("Unidades disponibles en cada turno, iguales todos los días del plan"))
        self.counts: dict[tuple[str, str], QSpinBox] = {}
        for row, kind in enumerate(rows):
            for column, shift in enumerate(self._shift_keys):
                box = QSpinBox(self.table)
                box.setRange(0, MAX_UNITS)
                box.setFrame(False)
                if kind == "at_station":
                    box.setToolTip(reten_hint)
                self.table.setCellWidget(row, column, box)
                self.counts[(shift, kind)] = box

        self.minimum = QSpinBox(self)
        self.minimum.setRange(0, MAX_UNITS)
        self.minimum.setToolTip(self.tr("Unidades que todo sector tiene siempre"))
        self.cap = QSpinBox(self)
        self.cap.setRange(0, MAX_UNITS)
        self.cap.setSpecialValueText(self.tr("sin tope"))
        self.cap.setToolTip(self.tr("Ningún sector recibe más unidades que este tope"))
        self.calls_share = QSpinBox(self)
        self.calls_share.setRange(5, 95)
        self.calls_share.setSingleStep(5)
        self.calls_share.setSuffix(" %")
        self.calls_share.setToolTip(self.tr("Parte del turno reservada para atender llamadas; "
                                            "el resto es patrullaje preventivo de puntos críticos"))
        self.save_button = QPushButton(self.tr("Guardar recursos"), self)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.spec()))
        self.unsaved_note = QLabel(self.tr("Hay cambios sin guardar en los recursos."), self)
        self.unsaved_note.setStyleSheet("color: #a15c00;")
        self._wheel_guard = WheelOnlyWhenFocused(self)
        for box in [*self.counts.values(), self.minimum, self.cap, self.calls_share]:
            take_wheel_only_when_focused(box, self._wheel_guard)
            box.valueChanged.connect(self._value_changed)
        self._saved_spec: UnitsSpec | None = None

        form = QFormLayout()
        form.addRow(self.tr("Mínimo por sector"), self.minimum)
        form.addRow(self.tr("Tope por sector"), self.cap)
        form.addRow(self.tr("Tiempo para llamadas"), self.calls_share)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.reten_note)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.unsaved_note)
        layout.addStretch(1)
        self.set_spec(UnitsSpec(per_shift={}))

    def set_spec(self, spec: UnitsSpec) -> None:
        """Show `spec` as the resources kept in the project (nothing unsaved)."""
        self._saved_spec = None   # no "unsaved" flicker while the boxes are filled one by one
        for (shift, kind), box in self.counts.items():
            if kind == "at_station":
                box.setValue(int(spec.at_station.get(shift, 0)))
            else:
                box.setValue(int(spec.per_shift.get(shift, {}).get(kind, 0)))
        self.minimum.setValue(spec.minimum_per_sector)
        self.cap.setValue(spec.cap_per_sector or 0)
        self.calls_share.setValue(round(100 * (1.0 - spec.proactive_share)))
        self.mark_saved()

    def mark_saved(self) -> None:
        """What is shown now is what the project keeps."""
        self._saved_spec = self.spec()
        self._value_changed()

    def is_modified(self) -> bool:
        """Whether the resources shown differ from those kept in the project."""
        return self._saved_spec is not None and self.spec() != self._saved_spec

    def _value_changed(self, *_args: object) -> None:
        self.unsaved_note.setVisible(self.is_modified())
        self.edited.emit()

    def spec(self) -> UnitsSpec:
        """The resources shown, without locks; types with no units are left out."""
        per_shift = {shift: {kind: self.counts[(shift, kind)].value() for kind in UNIT_KINDS
                             if self.counts[(shift, kind)].value() > 0} for shift in self._shift_keys}
        at_station = {shift: self.counts[(shift, "at_station")].value() for shift in self._shift_keys
                      if self.counts[(shift, "at_station")].value() > 0}
        return UnitsSpec(per_shift=per_shift, at_station=at_station, minimum_per_sector=self.minimum.value(),
                         cap_per_sector=self.cap.value() or None,
                         proactive_share=round(1.0 - self.calls_share.value() / 100.0, 2))
