"""Training mode: a fresh copy of the sample station, exercise checks, reset."""

from __future__ import annotations

import hashlib
import json
import shutil
import string
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from stationmap.planning.plan import UnitsSpec
from stationmap.store.paths import sample_project_path
from stationmap.ui.app_config import SettingsStore
from stationmap.ui.charts.cell_selection import block_cells
from stationmap.ui.main_window import MainWindow
from stationmap.ui.training import checks, install
from stationmap.ui.training.checks import ROLL_CALL_PDF
from stationmap.ui.training.content import load_exercises


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def trainee_window(qtbot, config_dir, sample_project_file):
    """A window with training installed and the normal sample station already built."""
    shutil.copy(sample_project_file, sample_project_path())
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    install(window)
    yield window
    window.close_project()


def start_training(qtbot, window) -> Path:
    mode = window.training_mode
    with qtbot.waitSignal(mode.runner.finished, timeout=60_000):
        mode.action.trigger()
    assert mode.is_active()
    return Path(window.project.path)


def save_plan(project, cars: int, serenazgo: int, name: str, spec_in_body: bool) -> None:
    """A plan asset with the units spec in its JSON body (as planning.plan_io saves it) or in its meta."""
    spec = UnitsSpec(per_shift={shift: {"patrullero": cars, "serenazgo": serenazgo}
                                for shift in ("manana", "tarde", "noche")}).to_json()
    body = {"format": "stationmap-plan", "spec": spec} if spec_in_body else {"format": "other"}
    project.put_asset(name, "plan", json.dumps(body).encode(), {} if spec_in_body else {"spec": spec})


def test_night_selection_check_needs_both_weekend_evenings_and_only_night_hours():
    assert checks.weekend_nights_selected(block_cells((4, 22), (6, 1)))   # Fri and Sat 22-02
    assert not checks.weekend_nights_selected(block_cells((4, 22), (5, 1)))   # Friday only
    assert not checks.weekend_nights_selected(block_cells((4, 20), (6, 1)))   # 20-21 h is evening
    assert not checks.weekend_nights_selected(None)


def test_plan_check_reads_the_spec_from_meta_too(tmp_path):
    from stationmap.store.project import Project

    with Project.create(tmp_path / "p.stationmap") as project:
        assert checks.plan_with_units(project) is None
        save_plan(project, cars=6, serenazgo=3, name="a", spec_in_body=False)
        assert checks.plan_with_units(project) is None
        save_plan(project, cars=6, serenazgo=4, name="b", spec_in_body=False)
        assert checks.plan_with_units(project) == {"plan": "b"}


def test_exercises_exist_in_both_languages_with_the_same_fields():
    intro_es, spanish = load_exercises("es")
    intro_en, english = load_exercises("en")
    assert [e.id for e in spanish] == ["night_hotspot", "weekly_plan", "roll_call_pdf"]
    assert [e.id for e in english] == [e.id for e in spanish]
    assert intro_es != intro_en and all(s.title != e.title for s, e in zip(spanish, english))
    for es, en in zip(spanish, english):
        assert len(es.steps) == len(en.steps)
        fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (es.done, en.done)]
        assert fields[0] == fields[1] and fields[0], es.id


def test_training_opens_a_fresh_copy_and_the_night_exercise_flips_to_done(qtbot, trainee_window):
    window = trainee_window
    sample = sample_project_path()
    before = sha256(sample)
    path = start_training(qtbot, window)
    assert path.parent.parent == sample.parent / "capacitacion"
    assert path != sample and window.incidents is not None and len(window.incidents) == 5913
    mode = window.training_mode
    assert mode.dock.isVisibleTo(window)
    assert mode.results["night_hotspot"] is None

    with qtbot.waitSignal(mode.answer_runner.succeeded, timeout=30_000):
        window.filter_state.update(cells=block_cells((4, 22), (6, 1)))   # Fri and Sat, 22-02
    box = mode.panel.boxes["night_hotspot"]
    assert box.done and box.state_label.text().startswith("✓")
    # The sample's weekend-night critical point, named from the basemap's streets.
    assert mode.results["night_hotspot"]["place"] == "Avenida 12 de Noviembre (14 incidentes)"
    window.filter_state.update(cells=block_cells((2, 8), (2, 12)))   # a weekday morning
    assert not box.done
    assert mode.panel.progress_label.text() == "Hechos: 0 de 3"
    # Opening the copy and working on it leave the sample station itself untouched.
    assert sha256(sample) == before


def test_the_first_screen_offers_training_before_any_project_is_open(qtbot, trainee_window):
    from PySide6.QtCore import Qt

    window = trainee_window
    window.show()
    assert window.project is None and window.pages.currentWidget() is window.start_page
    button = window.training_mode.start_button
    assert button.isVisible() and button.text() == "Modo capacitación"
    with qtbot.waitSignal(window.training_mode.runner.finished, timeout=60_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.training_mode.is_active() and len(window.incidents) == 5913


def test_plan_and_pdf_checks_and_reset_makes_a_new_copy(qtbot, trainee_window, monkeypatch):
    window = trainee_window
    mode = window.training_mode
    first = start_training(qtbot, window)
    save_plan(window.project, cars=5, serenazgo=4, name="plan:2026-11-16:1", spec_in_body=True)
    mode.panel.check_button.click()
    assert mode.results["weekly_plan"] is None          # 5 cars is not the exercise
    save_plan(window.project, cars=6, serenazgo=4, name="plan:2026-11-16:2", spec_in_body=True)
    (first.parent / "informes").mkdir()
    (first.parent / "informes" / "informe_comunidad_2026-W46.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    mode.panel.check_button.click()
    assert mode.results["roll_call_pdf"] is None        # a weekly brief is not the roll-call PDF
    week = first.parent / "plan_2026-11-16_a_2026-11-22"
    week.mkdir()
    (week / ROLL_CALL_PDF).write_bytes(b"%PDF-1.4\n%%EOF\n")
    mode.panel.check_button.click()
    assert mode.results["weekly_plan"] == {"plan": "plan:2026-11-16:2"}
    assert mode.results["roll_call_pdf"] == {"file": f"{week.name}/{ROLL_CALL_PDF}"}
    assert mode.panel.progress_label.text() == "Hechos: 2 de 3"

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    mode.panel.reset_button.click()                      # "No": the session and its work stay
    assert Path(window.project.path) == first and len(window.project.assets("plan")) == 2
    assert "Se descartan la copia de esta sesión" in asked[0]
    with qtbot.waitSignal(mode.runner.finished, timeout=60_000):
        mode.panel.reset_button.click()                  # "Yes"
    second = Path(window.project.path)
    assert second != first and second.is_file()
    assert not first.parent.exists()                     # the old copy and its exports are gone
    assert window.project.assets("plan") == []
    assert mode.results == {"night_hotspot": None, "weekly_plan": None, "roll_call_pdf": None}
    # The discarded session's copy is no longer offered among the recent projects.
    window.close_project()
    recent = [a.text() for a in window.menus.recent_menu.actions()]
    assert not any(str(first) in text for text in recent) and any(str(second.resolve()) in t for t in recent)


def test_the_panel_hides_when_a_normal_project_is_opened(qtbot, trainee_window, tmp_path):
    window = trainee_window
    start_training(qtbot, window)
    mode = window.training_mode
    assert window.create_project(tmp_path / "propia.stationmap")
    qtbot.waitUntil(lambda: not mode.dock.isVisibleTo(window))
    assert "no está abierta" in mode.panel.folder_label.text()
    assert not mode.panel.check_button.isEnabled()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_trainers_guide_covers_every_exercise_with_its_answer():
    import subprocess

    from stationmap.ui.training.content import training_dir

    guide = training_dir() / "guia_del_instructor.pdf"
    text = " ".join(subprocess.run(["pdftotext", str(guide), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    _, exercises = load_exercises("es")
    for exercise in exercises:
        assert " ".join(exercise.title.split()) in text
        assert f"({exercise.minutes} min)" in text
    assert "Avenida 12 de Noviembre" in text   # the night exercise's answer, as the panel finds it


def test_a_training_copy_reopened_later_brings_its_panel_back(qtbot, trainee_window, config_dir):
    window = trainee_window
    path = start_training(qtbot, window)
    window.close_project()
    # Another window (the app restarting on its most recent project) opens the same copy.
    later = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(later)
    install(later)
    assert later.open_project(path)
    mode = later.training_mode
    assert mode.is_active() and mode.session_folder == path.parent
    qtbot.waitUntil(lambda: mode.dock.isVisibleTo(later))
    assert str(path.parent.name) in mode.panel.folder_label.text().replace("\u200b", "")
    later.close_project()
