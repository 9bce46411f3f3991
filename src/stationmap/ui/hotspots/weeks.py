"""A spin box of whole weeks whose suffix agrees with its value: "1 semana", "8 semanas".

A QSpinBox suffix is one fixed text, so it is replaced whenever the value changes. Spanish and
English both take the singular for exactly 1, so two plain texts do (no numerus catalog entry).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSpinBox


def weeks_suffix(weeks: int) -> str:
    if weeks == 1:
        return QCoreApplication.translate("WeeksSpinBox", " semana")
    return QCoreApplication.translate("WeeksSpinBox", " semanas")


def follow_weeks(spin: QSpinBox) -> QSpinBox:
    """Keep `spin`'s suffix singular or plural as its value changes; returns `spin`."""
    spin.setSuffix(weeks_suffix(spin.value()))
    spin.valueChanged.connect(lambda weeks: spin.setSuffix(weeks_suffix(weeks)))
    return spin
