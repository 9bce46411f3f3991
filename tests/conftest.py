"""Test-wide setup: an isolated config folder, paths to real data, shared fixtures."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"
SHARED_GEO = SHARED / "geo"
SAMPLE_DATA = ROOT / "sample_data"

sys.path.insert(0, str(Path(__file__).parent))  # tests/factories.py

# Settings, logs and recent-project lists of a test run must never touch the developer's own.
os.environ.setdefault("STATIONMAP_CONFIG_DIR", str(ROOT / ".pytest_config"))
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
# The GUI process's environment, as the app sets it up (the web engine's sandbox as root, numpy's
# threads, how pages reach the screen without a GPU), so that the windows under test are the app's.
from stationmap.ui.startup import prepare_environment  # noqa: E402

prepare_environment()

# The map's app:// scheme must be registered before any QApplication exists, and pytest-qt
# creates one for the first Qt test, whichever module it is in.
from stationmap.ui.map import register_app_scheme  # noqa: E402

register_app_scheme()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a clean skip when that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present on this machine")
    return path


@pytest.fixture
def config_dir(tmp_path, monkeypatch) -> Path:
    """A fresh settings/log folder for tests that check persistence."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("STATIONMAP_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def sample_project_file(tmp_path_factory) -> Path:
    """The sample station built once per test run through the normal import (read-only use)."""
    from stationmap.store.sample import write_sample_project

    path = tmp_path_factory.mktemp("sample") / "el_porvenir.stationmap"
    write_sample_project(path)
    return path


@pytest.fixture(autouse=True)
def spanish_messages():
    """Messages default to Spanish in every test; a test that switches language cannot leak it."""
    from stationmap.core.messages import set_language

    set_language("es")
    yield
    set_language("es")


class UnsavedWorkQuestions:
    """The questions the window asked before leaving unsaved work (ui.unsaved_work), and the answer
    each gets: "discard" unless a test sets "save" or "cancel"."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answer = "discard"


@pytest.fixture(autouse=True)
def unsaved_work_questions(monkeypatch):
    """Answers the window's "save before leaving?" question without a modal box, which would stop
    the run at a window's close; tests of the question read what was asked and set the answer."""
    from stationmap.ui import unsaved_work

    questions = UnsavedWorkQuestions()

    def ask(parent, work):
        questions.asked.append(work.description)
        return unsaved_work.Choice(questions.answer)

    monkeypatch.setattr(unsaved_work, "ask", ask)
    return questions


@pytest.fixture
def captured_boxes(monkeypatch):
    """Every QMessageBox text the code would show, collected without blocking the test."""
    from PySide6.QtWidgets import QMessageBox

    texts: list[str] = []

    def fake_exec(box):
        texts.append(box.text() + "\n" + box.informativeText())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a, **k: texts.append(text))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    return texts


@pytest.fixture
def bare_window(qtbot, config_dir):
    """The main window shell with no feature installed; the test installs what it exercises."""
    from stationmap.ui.app_config import SettingsStore
    from stationmap.ui.main_window import MainWindow

    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    yield window
    window.close()


def page_value(qtbot, map_panel, script: str):
    """Run `script` in a map panel's page and return its (JSON-decoded) value."""
    box: list = []
    map_panel.run_javascript(f"JSON.stringify({script})", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return json.loads(box[0])


def pytest_sessionfinish(session, exitstatus):
    """Web pages the tests have let go of are deleted while their profile and the application still
    exist: left to the interpreter's exit, they went after the profile ("Release of profile requested
    but WebEnginePage still not deleted"), and with Qt Quick drawing in software that crashed the
    process (exit 139) after every test had passed."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


@pytest.fixture(params=["read", "mapped"])
def both_reading_ways(request, monkeypatch) -> str:
    """Run a text-file test twice: the file read into memory, and memory-mapped as large files are
    (io.text_files._mapped), so that both ways meet every purpose-made file."""
    if request.param == "mapped":
        from stationmap.io import text_files

        monkeypatch.setattr(text_files, "_MAP_FROM_BYTES", 0)
    return request.param


@pytest.fixture
def xdg_mime(tmp_path, monkeypatch):
    """A desktop whose `xdg-mime query default` names a program for every file type, as
    ui.system_open asks before opening a file; call the fixture's value with "" for a laptop
    without one. The tests that open files reach QDesktopServices.openUrl only through it."""
    folder = tmp_path / "xdg-bin"
    folder.mkdir()
    answer = folder / "answer"
    script = folder / "xdg-mime"
    script.write_text(f'#!/bin/sh\ncat "{answer}"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")

    def answer_with(program: str) -> None:
        answer.write_text(program + ("\n" if program else ""), encoding="utf-8")

    answer_with("visor.desktop")
    return answer_with
