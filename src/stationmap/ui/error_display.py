"""Turn exceptions into what a user may see: a translated sentence, never a traceback.

`StationMapError`s carry a code; their message comes from the core catalogs
in the current language. Anything else is a bug: its traceback goes to the log
file and the user gets a generic message that says where that log is.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from stationmap.core.errors import StationMapError
from stationmap.core.messages import render
from stationmap.store.paths import log_path

log = logging.getLogger("stationmap")


def user_message(error: BaseException) -> str:
    if isinstance(error, StationMapError):
        return error.message()
    return render("error.unknown")


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A warning box with the error's translated message (logged with traceback if unexpected)."""
    if not isinstance(error, StationMapError):
        log.error("Unexpected error", exc_info=error)
    _message_box(parent, error)


def _message_box(parent: QWidget | None, error: BaseException) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorDisplay", "StationMap"))
    box.setText(user_message(error))
    if not isinstance(error, StationMapError):
        box.setInformativeText(
            QCoreApplication.translate("ErrorDisplay", "Archivo de registro: %1")
            .replace("%1", str(log_path())))
    box.exec()


def _excepthook(kind: type[BaseException], error: BaseException,
                traceback: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, traceback)
        return
    log.error("Uncaught exception", exc_info=(kind, error, traceback))
    if QApplication.instance() is not None:
        _message_box(QApplication.activeWindow(), error)


def install_excepthook() -> None:
    """Uncaught exceptions in slots are logged and shown translated, never as a traceback."""
    sys.excepthook = _excepthook
