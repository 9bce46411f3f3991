"""Training kit (Modo capacitación): a fresh copy of the sample station with guided exercises."""

from __future__ import annotations

from typing import Any


def install(window: Any, lazy: bool = False) -> None:
    """Add "Modo capacitación" to the Ayuda menu; the panel docks when a session starts (always
    built on demand, so `lazy` changes nothing here)."""
    from stationmap.ui.training.mode import TrainingMode

    window.training_mode = TrainingMode(window)
