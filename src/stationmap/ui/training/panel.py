"""The side panel of training mode: the guided exercises, each with its ✓ once done, or a hint
saying what is missing once the trainee has tried it.

It only shows; `TrainingMode` decides what is done and reacts to the buttons.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from stationmap.ui.training.checks import PENDING, Check
from stationmap.ui.training.content import Exercise

DONE_STYLE = "color: #1a7f37; font-weight: bold;"
PENDING_STYLE = "color: #6e6e6e;"
HINT_STYLE = "color: #9a3d00;"   # dark orange: not an error, but not to be overlooked either
MINIMUM_WIDTH = 340   # the numbered steps stay readable, two or three words a line at worst


class ExerciseBox(QGroupBox):
    """One exercise: numbered title, steps, and its state (pending, a hint, or ✓ with what was found).

    The title is a wrapped label, not the group box's own title, which never wraps and
    would make a narrow dock scroll sideways.
    """

    def __init__(self, number: int, exercise: Exercise, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self.done = False
        self.title_label = QLabel(f"<b>{number}. {exercise.title}</b>", self)
        self.title_label.setWordWrap(True)
        steps = QLabel("<ol style='margin-left:-20px'>"
                       + "".join(f"<li>{step}</li>" for step in exercise.steps) + "</ol>", self)
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(steps)
        layout.addWidget(self.state_label)
        self.set_result(PENDING)

    def set_result(self, check: Check) -> None:
        self.done = check.done
        if check.done:
            text, style = "✓ " + self.exercise.done.format(**check.detail), DONE_STYLE
        elif check.hint:
            text, style = self.tr("Todavía no: %1").replace("%1", check.hint), HINT_STYLE
        else:
            text = self.tr("Pendiente (unos %1 min)").replace("%1", str(self.exercise.minutes))
            style = PENDING_STYLE
        if text != self.state_label.text():   # rechecked every few seconds: keep a selection made in it
            self.state_label.setText(text)
            self.state_label.setStyleSheet(style)


class TrainingPanel(QWidget):
    check_requested = Signal()
    reset_requested = Signal()

    def __init__(self, intro: str, exercises: list[Exercise], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_panel")
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.intro_label = QLabel(intro, self)
        self.intro_label.setWordWrap(True)
        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_label = QLabel(self)
        self.boxes = {exercise.id: ExerciseBox(n, exercise) for n, exercise in enumerate(exercises, 1)}
        self.check_button = QPushButton(self.tr("Comprobar"), self)
        self.reset_button = QPushButton(self.tr("Reiniciar"), self)
        self.reset_button.setToolTip(self.tr("Descarta la copia y prepara una nueva desde la estación de "
                                             "ejemplo"))
        self.check_button.clicked.connect(self.check_requested)
        self.reset_button.clicked.connect(self.reset_requested)
        self._build_layout()
        self.set_folder(None)

    def _build_layout(self) -> None:
        content = QWidget(self)
        column = QVBoxLayout(content)
        for widget in (self.intro_label, self.folder_label, *self.boxes.values()):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_label, 1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def set_folder(self, folder: Path | None) -> None:
        """The session folder (exports go there); None while no training copy is open."""
        if folder is None:
            self.folder_label.setText(self.tr("La copia de capacitación no está abierta. Use «Modo "
                                              "capacitación» en el menú Ayuda."))
        else:
            # A zero-width space after each separator lets a long path wrap in a narrow dock.
            wrappable = str(folder).replace(os.sep, os.sep + "\u200b")
            self.folder_label.setText(self.tr("Carpeta de la capacitación: %1").replace("%1", wrappable))
        self.folder_label.setToolTip(str(folder) if folder is not None else "")
        self.check_button.setEnabled(folder is not None)

    def set_results(self, results: dict[str, Check]) -> None:
        for exercise_id, box in self.boxes.items():
            box.set_result(results.get(exercise_id, PENDING))
        done = sum(box.done for box in self.boxes.values())
        self.progress_label.setText(self.tr("Hechos: %1 de %2").replace("%1", str(done))
                                    .replace("%2", str(len(self.boxes))))
