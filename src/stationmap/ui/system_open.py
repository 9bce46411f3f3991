"""Opening an exported file or folder with the computer's own program, and saying so when there is none.

`QDesktopServices.openUrl` answers True on Linux as soon as xdg-open has started, even when xdg-open
then finds no program for the file: on a workshop laptop without a PDF reader, "¿Abrirlo? Sí" did
nothing at all. On Linux the default program for the file's type is asked first (xdg-mime, beside
xdg-open in xdg-utils); on Windows the shell itself fails when no program is associated, and openUrl
says so.
"""

from __future__ import annotations

import mimetypes
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from stationmap.core.errors import StationMapError
from stationmap.ui.error_display import show_error


def open_with_system(path: Path) -> bool:
    """Open `path` (a file or a folder) as a double click would; False when nothing can open it."""
    if sys.platform.startswith("linux") and not _linux_has_program_for(path):
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_or_explain(parent: QWidget | None, path: Path) -> None:
    """open_with_system, or a message saying where the file is, to open it elsewhere."""
    if open_with_system(path):
        return
    if path.is_dir():
        show_error(parent, StationMapError("system.no_folder_program", path=str(path)))
    else:
        show_error(parent, StationMapError("system.no_program", name=path.name, folder=str(path.parent)))


def _linux_has_program_for(path: Path) -> bool:
    """Whether the desktop names a default program for the file's type (True when it cannot be asked:
    Qt then tries its own ways)."""
    xdg_mime = shutil.which("xdg-mime")
    kind = "inode/directory" if path.is_dir() else mimetypes.guess_type(path.name)[0]
    if xdg_mime is None or kind is None:
        return True
    try:
        answer = subprocess.run([xdg_mime, "query", "default", kind], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return True
    return answer.returncode != 0 or bool(answer.stdout.strip())
