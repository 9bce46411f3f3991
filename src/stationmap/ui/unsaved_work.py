"""Work a feature holds but has not saved (a generated patrol plan), and the question before it is lost.

The main window asks before it closes or opens another project (MainWindow.add_unsaved_work):
a commander who generated next week's plan and quits should not find it gone on Monday.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


@dataclass(frozen=True)
class UnsavedWork:
    description: str            # what would be lost, as a sentence for the user
    save: Callable[[], bool]    # saves it; False when it could not (the feature has said why)


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


_BUTTONS = {QMessageBox.StandardButton.Save: Choice.SAVE, QMessageBox.StandardButton.Discard: Choice.DISCARD}


def ask(parent: QWidget | None, work: UnsavedWork) -> Choice:
    """Save, discard or stay: a message box with the work's description (Qt translates the buttons)."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("UnsavedWork", "Cambios sin guardar"),
                      work.description, QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(QCoreApplication.translate("UnsavedWork", "¿Desea guardarlo antes de continuar?"))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return _BUTTONS.get(QMessageBox.StandardButton(box.exec()), Choice.CANCEL)


def may_go_on(parent: QWidget | None, pending: list[Callable[[], UnsavedWork | None]]) -> bool:
    """Whether what `pending` reports may be left: each piece saved or discarded, none cancelled."""
    for report in pending:
        work = report()
        if work is None:
            continue
        choice = ask(parent, work)
        if choice is Choice.CANCEL or (choice is Choice.SAVE and not work.save()):
            return False
    return True
