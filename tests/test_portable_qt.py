"""Portable mode reaches Qt's own settings: a file dialog leaves nothing in the user's profile.

Each check runs in a fresh process whose HOME is a temporary folder, since Qt reads where the user's
settings go once per process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stationmap.store.portable import PORTABLE_FOLDER, PORTABLE_MARKER

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the user's Qt settings are files under HOME")

# What an export does: a save dialog opened on the training folder, a file chosen, the dialog gone.
_EXPORT_WITH_A_DIALOG = """
import sys
from pathlib import Path
import shiboken6
from PySide6.QtWidgets import QApplication, QFileDialog
from stationmap.store.portable import active_portable_dir, enable_portable_mode

program, session = Path(sys.argv[1]), Path(sys.argv[2])
enable_portable_mode(program, frozen=True)
from stationmap.ui.portable_qt import keep_qt_settings_in, qt_project_settings

app = QApplication(sys.argv[:1])
portable = active_portable_dir(program, frozen=True)
if portable is not None:
    keep_qt_settings_in(portable, app)
dialog = QFileDialog(None, "Exportar plan", str(session))
dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
dialog.selectFile(str(session / "plan.pdf"))
dialog.open()
dialog.accept()
shiboken6.delete(dialog)   # QFileDialog saves its state as it is destroyed
print(qt_project_settings()["FileDialog/lastVisited"])
"""


def _run(code: str, home: Path, *args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "STATIONMAP_CONFIG_DIR"}
    environ.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", **(env or {}))
    result = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                            env=environ, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def workshop(tmp_path):
    program = tmp_path / "StationMap"
    session = program / PORTABLE_FOLDER / "capacitacion" / "sesion_1"
    session.mkdir(parents=True)
    (program / PORTABLE_MARKER).write_text("", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    return program, session, home


def test_a_file_dialog_in_portable_mode_keeps_its_folders_in_the_portable_folder(workshop):
    program, session, home = workshop
    result = _run(_EXPORT_WITH_A_DIALOG, home, program, session)
    assert _files(home) == []                          # nothing in the user's profile
    kept = (program / PORTABLE_FOLDER / "QtProject.conf").read_text(encoding="utf-8")
    assert f"lastVisited=file://{session}" in kept
    assert result.stdout.strip() == f"file://{session}"


def test_without_portable_mode_the_dialog_keeps_qts_usual_place(workshop):
    # The check above means something: the same dialog, not portable, writes under HOME.
    program, session, home = workshop
    installed = program.parent / "Instalado"   # no StationMapData, no portable.txt beside it
    installed.mkdir()
    _run(_EXPORT_WITH_A_DIALOG, home, installed, session)
    assert _files(home) == [".config/QtProject.conf"]
    assert not (installed / PORTABLE_FOLDER).exists()


_PUT_BACK = """
import sys
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog
from stationmap.ui.portable_qt import qt_project_settings, restore_qt_project_settings

app = QApplication(sys.argv[:1])
if sys.argv[1] == "had-settings":
    own = QSettings(QSettings.Scope.UserScope, "QtProject")
    own.setValue("FileDialog/lastVisited", "file:///home/juan/Documentos")
    own.setValue("Qt/customColors", ["#112233"])
    own.sync()
before = qt_project_settings()
dialog = QFileDialog(None, "Exportar mapa", sys.argv[2])
shiboken6.delete(dialog)
assert "FileDialog/viewMode" in qt_project_settings()   # the dialog did write
restore_qt_project_settings(before)
after = qt_project_settings()
print(sorted(after.items()) if after else None)
"""


@pytest.mark.parametrize("had", ["had-settings", "none"])
def test_on_windows_the_users_own_qt_settings_are_put_back_as_they_were(tmp_path, had):
    # Windows keeps them in the registry, which no path moves: the same QSettings calls on Linux's
    # files check that what the user had (or nothing) is what stays once the application quits.
    home = tmp_path / "home"
    home.mkdir()
    result = _run(_PUT_BACK, home, had, tmp_path)
    expected = ("[('FileDialog/lastVisited', 'file:///home/juan/Documentos'), ('Qt/customColors', ['#112233'])]"
                if had == "had-settings" else "None")
    assert result.stdout.strip() == expected


_THE_WINDOW_EXPORTS = """
import sys
from pathlib import Path
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
import stationmap.store.portable as portable
import stationmap.ui.startup as startup
from stationmap.app import run_gui

program, session = Path(sys.argv[1]), Path(sys.argv[2])
portable.program_folder = lambda frozen=None: program   # the checkout stands in for the bundle's folder

def export_once(store, project_path, **_):
    dialog = QFileDialog(None, "Exportar mapa", str(session))
    dialog.open()
    dialog.accept()
    shiboken6.delete(dialog)
    QTimer.singleShot(0, QApplication.instance().quit)
    return object()

startup.start_window = export_once
print(run_gui(None))
"""


def test_the_application_started_portable_keeps_the_dialogs_folders_on_the_stick(workshop):
    # The way the window starts (app.run_gui), with the window replaced by one export.
    program, session, home = workshop
    result = _run(_THE_WINDOW_EXPORTS, home, program, session, env={"STATIONMAP_PORTABLE": "1"})
    assert result.stdout.strip() == "0"
    assert _files(home) == []
    data = program / PORTABLE_FOLDER
    assert {"QtProject.conf", "stationmap.log"} <= set(_files(data))
    assert f"lastVisited=file://{session}" in (data / "QtProject.conf").read_text(encoding="utf-8")
