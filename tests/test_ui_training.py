"""Training mode: a fresh copy of the sample station, exercise checks and their hints, progress, reset."""

from __future__ import annotations

import hashlib
import json
import shutil
import string
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from stationmap.core.messages import set_language
from stationmap.planning.plan import UnitsSpec
from stationmap.store.paths import sample_project_path
from stationmap.ui.app_config import SettingsStore
from stationmap.ui.charts.cell_selection import block_cells
from stationmap.ui.main_window import MainWindow
from stationmap.ui.training import checks, install
from stationmap.ui.training.checks import PENDING, ROLL_CALL_PDF
from stationmap.ui.training.content import GUIDE_FILES, load_exercises

NEXT_WEEK = (date(2026, 11, 16), date(2026, 11, 22))   # the week after the sample's last incident
SHIFTS = ("manana", "tarde", "noche")


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


def save_plan(project, cars: int | dict, serenazgo: int | dict, name: str, spec_in_body: bool,
              week: tuple[date, date] = NEXT_WEEK, version: int = 1, **other_kinds: int) -> None:
    """A plan asset as planning.plan_io saves it (period and version in its meta, the units spec and
    the shifts in its JSON body), or with the spec in its meta. `cars`/`serenazgo`: one count for
    every shift, or a count per shift."""
    def count(value, shift):
        return value[shift] if isinstance(value, dict) else value

    spec = UnitsSpec(per_shift={shift: {kind: n for kind, n in (("patrullero", count(cars, shift)),
                                                                ("serenazgo", count(serenazgo, shift)),
                                                                *other_kinds.items()) if n}
                                for shift in SHIFTS}).to_json()
    period = {"period_start": week[0].isoformat(), "period_end": week[1].isoformat()}
    meta = {**period, "version": version, "created_at": f"2026-11-15T10:00:0{version}"}
    shifts = [{"key": shift, "start_hour": hour, "hours": 8} for shift, hour in zip(SHIFTS, (6, 14, 22))]
    body = {"format": "stationmap-plan", **period, "shifts": shifts, "version": version}
    if spec_in_body:
        body["spec"] = spec
    else:
        meta["spec"] = spec
    project.put_asset(name, "plan", json.dumps(body).encode(), meta)


def test_night_selection_check_needs_both_weekend_evenings_and_only_night_hours():
    assert checks.weekend_nights_selected(block_cells((4, 22), (6, 1)))   # Fri and Sat 22-02
    assert not checks.weekend_nights_selected(block_cells((4, 22), (5, 1)))   # Friday only
    assert not checks.weekend_nights_selected(block_cells((4, 20), (6, 1)))   # 20-21 h is evening
    assert not checks.weekend_nights_selected(None)


def test_a_night_selection_that_falls_short_says_what_is_missing():
    assert checks.night_selection(None) == PENDING and checks.night_selection(set()) == PENDING   # untouched
    friday = checks.night_selection(block_cells((4, 22), (4, 23)))     # Friday 22-23 h, Saturday left out
    assert not friday.done and "solo la noche del viernes" in friday.hint and "sábado" in friday.hint
    saturday = checks.night_selection(block_cells((5, 22), (6, 1)))
    assert not saturday.done and "solo la noche del sábado" in saturday.hint
    evening = checks.night_selection(block_cells((4, 20), (6, 1)))     # both nights, but from 20 h
    assert not evening.done and "20 h, 21 h" in evening.hint and "viernes" not in evening.hint
    morning = checks.night_selection(block_cells((2, 8), (2, 12)))
    assert "08 h" in morning.hint and "ni del sábado" in morning.hint
    english = checks.night_selection(block_cells((4, 22), (4, 23)), language="en")
    assert "only Friday night" in english.hint
    assert checks.night_selection(block_cells((4, 22), (6, 1))).hint == ""


def test_plan_check_reads_the_spec_from_meta_too(tmp_path):
    from stationmap.store.project import Project

    with Project.create(tmp_path / "p.stationmap") as project:
        assert checks.plan_with_units(project, NEXT_WEEK) == PENDING
        save_plan(project, cars=6, serenazgo=3, name="a", spec_in_body=False)
        assert not checks.plan_with_units(project, NEXT_WEEK).done
        save_plan(project, cars=6, serenazgo=4, name="b", spec_in_body=False, version=2)
        assert checks.plan_with_units(project, NEXT_WEEK).detail == {"week": "16/11/2026 – 22/11/2026",
                                                                     "version": 2}


def test_plan_check_wants_six_cars_and_four_serenazgo_in_every_shift_of_next_week(tmp_path):
    from stationmap.reports.jobs import DEFAULT_UNITS
    from stationmap.store.project import Project

    defaults = DEFAULT_UNITS.per_shift
    with Project.create(tmp_path / "p.stationmap") as project:
        # The resources a project starts with: 6 and 4 at night only. Not the exercise.
        save_plan(project, {s: defaults[s]["patrullero"] for s in SHIFTS},
                  {s: defaults[s]["serenazgo"] for s in SHIFTS}, name="plan:2026-11-16:1", spec_in_body=True)
        check = checks.plan_with_units(project, NEXT_WEEK)
        assert not check.done
        # The hint names the saved plan as the plan panel does, and the units of the wrong shifts.
        assert "16/11/2026 – 22/11/2026, versión 1" in check.hint
        assert "mañana: 3 patrulleros, 2 serenazgos; tarde: 4 patrulleros, 3 serenazgos" in check.hint
        assert "noche" not in check.hint.split("El ejercicio")[0]
        english = checks.plan_with_units(project, NEXT_WEEK, language="en")
        assert "morning: 3 patrol cars, 2 serenazgo units" in english.hint
        # Six and four everywhere, plus two motorcycle units, is still not what was asked.
        save_plan(project, 6, 4, name="plan:2026-11-16:2", spec_in_body=True, version=2, motorizado=2)
        check = checks.plan_with_units(project, NEXT_WEEK)
        assert not check.done and "2 motorizados" in check.hint
        # The right units for another week: the hint says which week is wanted.
        save_plan(project, 6, 4, name="plan:2026-11-09:1", spec_in_body=True, version=3,
                  week=(date(2026, 11, 9), date(2026, 11, 15)))
        check = checks.plan_with_units(project, NEXT_WEEK)
        assert not check.done and "09/11/2026 – 15/11/2026" in check.hint and "16/11/2026" in check.hint
        save_plan(project, 6, 4, name="plan:2026-11-16:3", spec_in_body=True, version=4)
        assert checks.plan_with_units(project, NEXT_WEEK) == checks.Check(
            detail={"week": "16/11/2026 – 22/11/2026", "version": 4})


def test_a_pdf_that_is_not_the_roll_call_pdf_gets_a_hint(tmp_path):
    assert checks.exported_pdf(tmp_path) == PENDING
    (tmp_path / "informes").mkdir()
    (tmp_path / "informes" / "informe_2026-W46.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    check = checks.exported_pdf(tmp_path)
    assert not check.done and "informe_2026-W46.pdf" in check.hint and ROLL_CALL_PDF in check.hint
    (tmp_path / "semana").mkdir()
    (tmp_path / "semana" / ROLL_CALL_PDF).write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert checks.exported_pdf(tmp_path).detail == {"file": f"semana/{ROLL_CALL_PDF}"}


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
    box = mode.panel.boxes["night_hotspot"]
    assert mode.results["night_hotspot"] == PENDING and box.state_label.text() == "Pendiente (unos 10 min)"

    # Friday 22-23 h only: not done, and the box says what is missing instead of "Pendiente".
    window.filter_state.update(cells=block_cells((4, 22), (4, 23)))
    assert not box.done and box.state_label.text().startswith("Todavía no: ")
    assert "sábado" in box.state_label.text()
    with qtbot.waitSignal(mode.answer_runner.succeeded, timeout=30_000):
        window.filter_state.update(cells=block_cells((4, 22), (6, 1)))   # Fri and Sat, 22-02
    assert box.done and box.state_label.text().startswith("✓")
    # The sample's weekend-night critical point, named from the basemap's streets.
    assert mode.results["night_hotspot"].detail["place"] == "Avenida 12 de Noviembre (14 incidentes)"
    assert mode.panel.progress_label.text() == "Hechos: 1 de 3"
    # Done stays done for the session: another selection, or none, keeps the ✓ and the count.
    window.filter_state.update(cells=block_cells((2, 8), (2, 12)))   # a weekday morning
    window.filter_state.clear()
    assert box.done and "Avenida 12 de Noviembre (14 incidentes)" in box.state_label.text()
    assert mode.panel.progress_label.text() == "Hechos: 1 de 3"
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
    assert not mode.results["weekly_plan"].done          # 5 cars is not the exercise, and it says so
    assert "5 patrulleros" in mode.panel.boxes["weekly_plan"].state_label.text()
    save_plan(window.project, cars=6, serenazgo=4, name="plan:2026-11-16:2", spec_in_body=True, version=2)
    (first.parent / "informes").mkdir()
    (first.parent / "informes" / "informe_comunidad_2026-W46.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    mode.panel.check_button.click()
    assert not mode.results["roll_call_pdf"].done        # a weekly brief is not the roll-call PDF
    assert "informe_comunidad_2026-W46.pdf" in mode.panel.boxes["roll_call_pdf"].state_label.text()
    week = first.parent / "plan_2026-11-16_a_2026-11-22"
    week.mkdir()
    (week / ROLL_CALL_PDF).write_bytes(b"%PDF-1.4\n%%EOF\n")
    mode.panel.check_button.click()
    assert mode.results["weekly_plan"].detail == {"week": "16/11/2026 – 22/11/2026", "version": 2}
    # The done text names the plan as the plan panel does, not by its asset name.
    plan_text = mode.panel.boxes["weekly_plan"].state_label.text()
    assert "16/11/2026 – 22/11/2026, versión 2" in plan_text and "plan:2026" not in plan_text
    assert mode.results["roll_call_pdf"].detail == {"file": f"{week.name}/{ROLL_CALL_PDF}"}
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
    assert mode.results == {"night_hotspot": PENDING, "weekly_plan": PENDING, "roll_call_pdf": PENDING}
    assert mode.panel.progress_label.text() == "Hechos: 0 de 3"   # a reset starts over
    # The discarded session's copy is no longer offered among the recent projects: at once,
    # in the menu and on the first screen, and still after the project is closed.
    for _ in range(2):
        recent = [a.text() for a in window.menus.recent_menu.actions()]
        listed = [window.start_page.recent_list.item(i).text() for i in range(window.start_page.recent_list.count())]
        for texts in (recent, listed):
            assert not any(str(first.resolve()) in t for t in texts)
            assert [t for t in texts if str(second.resolve()) in t]
        assert not any(str(first.resolve()) == p for p in window.settings.recent_projects)
        window.close_project()


def test_the_plan_generated_with_the_default_resources_is_not_the_exercise(qtbot, trainee_window):
    """The tester's case, through the plan panel as a trainee works: Generar plan… ▸ Generar with the
    default resources, Guardar versión. Saving is announced (work_written): no Comprobar needed."""
    from stationmap.ui.plan import install as install_plan
    from stationmap.ui.plan.generate_dialog import PlanChoices
    from stationmap.ui.plan.work import next_week

    window = trainee_window
    mode = window.training_mode
    start_training(qtbot, window)
    assert next_week(window.incidents) == NEXT_WEEK
    panel = install_plan(window)

    def generate_and_save() -> None:
        with qtbot.waitSignal(panel.runner.finished, timeout=60_000):
            panel.generate_with(PlanChoices(*NEXT_WEEK, 1, "Alf. PNP Rojas", 6))
        panel.save_version()

    generate_and_save()                                  # the default resources
    box = mode.panel.boxes["weekly_plan"]
    qtbot.waitUntil(lambda: box.state_label.text().startswith("Todavía no: "), timeout=10_000)
    assert not box.done and "mañana: 3 patrulleros, 2 serenazgos" in box.state_label.text()
    exercise = {**panel.units_editor.spec().to_json(),
                "per_shift": {s: {"patrullero": 6, "serenazgo": 4} for s in SHIFTS}}
    panel.units_editor.set_spec(UnitsSpec.from_json(exercise))
    generate_and_save()
    qtbot.waitUntil(lambda: box.done, timeout=10_000)
    assert box.state_label.text() == ("✓ Plan del 16/11/2026 – 22/11/2026, versión 2, guardado con 6 patrulleros "
                                      "y 4 unidades de serenazgo en cada turno.")
    panel.runner.wait()


def test_the_panel_hides_when_a_normal_project_is_opened(qtbot, trainee_window, tmp_path):
    window = trainee_window
    start_training(qtbot, window)
    mode = window.training_mode
    assert window.create_project(tmp_path / "propia.stationmap")
    qtbot.waitUntil(lambda: not mode.dock.isVisibleTo(window))
    assert "no está abierta" in mode.panel.folder_label.text()
    assert not mode.panel.check_button.isEnabled()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("language", ["es", "en"])
def test_the_trainers_guide_covers_every_exercise_with_its_answer(language):
    import subprocess

    from stationmap.ui.training.content import guide_path

    guide = guide_path(language)
    assert guide.name == GUIDE_FILES[language]
    text = " ".join(subprocess.run(["pdftotext", str(guide), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    intro, exercises = load_exercises(language)
    assert " ".join(intro.split()) in text
    for exercise in exercises:
        assert " ".join(exercise.title.split()) in text
        assert f"({exercise.minutes} min)" in text
        assert " ".join(exercise.answer.split()) in text   # when the panel marks it done, as the panel does
    assert "Avenida 12 de Noviembre" in text   # the night exercise's answer, as the panel finds it
    assert "build_guide" not in text and "resources/" not in text   # no developer detail on the page


@pytest.mark.parametrize("language", ["es", "en"])
def test_ayuda_opens_the_trainers_guide_of_the_window_language(qtbot, trainee_window, monkeypatch, language,
                                                                 xdg_mime):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)
    set_language(language)
    window = trainee_window
    assert window.training_mode.guide_action in window.extension_menu("help").actions()
    window.training_mode.guide_action.trigger()
    assert opened == [Path(__file__).resolve().parents[1] / "resources" / "training" / GUIDE_FILES[language]]
    assert opened[0].is_file()


@pytest.mark.parametrize("system", ["linux_desktop_without_reader", "shell_refuses"])
def test_a_laptop_without_a_pdf_reader_is_told_where_the_guide_is(qtbot, trainee_window, monkeypatch,
                                                                   captured_boxes, xdg_mime, system):
    from PySide6.QtGui import QDesktopServices

    opened = []
    if system == "linux_desktop_without_reader":   # xdg-open would start, find nothing and say nothing
        xdg_mime("")
        monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    else:                                          # Windows' shell: no program associated with .pdf
        monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    trainee_window.training_mode.guide_action.trigger()
    assert opened == []
    assert len(captured_boxes) == 1 and "no tiene un programa para leer PDF" in captured_boxes[0]
    assert GUIDE_FILES["es"] in captured_boxes[0]


def test_a_training_copy_reopened_later_brings_its_panel_back(qtbot, trainee_window, config_dir):
    window = trainee_window
    path = start_training(qtbot, window)
    mode = window.training_mode
    with qtbot.waitSignal(mode.answer_runner.succeeded, timeout=30_000):
        window.filter_state.update(cells=block_cells((4, 22), (6, 1)))   # exercise 1 done
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
    # What was done in the session is still done, with no hour selected now.
    assert later.filter_state.filter().cells is None
    qtbot.waitUntil(lambda: mode.panel.boxes["night_hotspot"].done)
    assert "Avenida 12 de Noviembre (14 incidentes)" in mode.panel.boxes["night_hotspot"].state_label.text()
    assert mode.panel.progress_label.text() == "Hechos: 1 de 3"
    later.close_project()
