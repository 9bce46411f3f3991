"""Projects as station laptops treat them: moved or deleted while open, write-protected, on a stick
pulled out, buried in deep folders. Each failure is said in words and the project stays as it was.

Write protection uses `chattr +i` (as the QA tester did on USB-stick copies) where it works, i.e. as
root on ext4; elsewhere those tests skip and the ones that reach the same code by SQLite's own
read-only switch (`PRAGMA query_only`) still run.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest

from stationmap.cli import main
from stationmap.core.errors import ProjectError
from stationmap.store import project as project_module
from stationmap.store.import_job import ImportRequest, run
from stationmap.store.project import Project

CSV_TEXT = (
    "nro_denuncia;fecha_hecho;hora;modalidad;latitud;longitud;direccion\n"
    "D-1;15/10/2026;21:30;ROBO;-8.07;-79.03;Av. Tahuantinsuyo 123\n"
    "D-2;16/10/2026;08:15;HURTO;-8.08;-79.04;Jr. Junin 645\n"
)


@pytest.fixture
def write_protect():
    """`protect(path)`: make a file or folder immutable (chattr +i) for the test; skip where that fails."""
    protected: list[Path] = []

    def protect(path: Path) -> None:
        try:
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
        except OSError:
            done = False
        if not done:
            pytest.skip("chattr +i does not work here (needs root on ext4)")
        protected.append(path)

    yield protect
    for path in reversed(protected):
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)


@pytest.fixture
def csv_file(tmp_path) -> Path:
    path = tmp_path / "denuncias.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def filled_project(tmp_path, csv_file) -> Path:
    path = tmp_path / "comisaria.stationmap"
    run(ImportRequest(path, [csv_file]))
    return path


def _read_only_connections(monkeypatch) -> None:
    """Every project connection refuses writes as SQLite does for a read-only file."""
    connect = project_module._connect

    def read_only(path):
        db = connect(path)
        db.execute("PRAGMA query_only = ON")
        return db

    monkeypatch.setattr(project_module, "_connect", read_only)


# --- item 1: the window imports only into the project it has open ------------------------------
@pytest.fixture
def window(qtbot, config_dir, tmp_path, monkeypatch, captured_boxes):
    from stationmap.ui.app_config import SettingsStore
    from stationmap.ui.main_window import MainWindow

    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    yield window
    window.imports.cancel()
    window.imports.wait()


def _import_in_window(qtbot, window, paths) -> list:
    """Run the window's import of `paths`; the errors it reported (empty when it succeeded)."""
    failures: list = []
    window.imports.runner.failed.connect(failures.append)
    dialog = window.imports.dialog_for(paths)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(window.imports.runner.finished, timeout=20_000):
        window.imports.start(dialog.request())
    return failures


def test_window_import_after_the_project_file_went_away_makes_no_new_project(
        qtbot, window, tmp_path, csv_file, captured_boxes):
    path = tmp_path / "comisaria.stationmap"
    assert window.open_project(_filled(path, csv_file)) is not False
    moved = path.rename(tmp_path / "movido.stationmap")
    failures = _import_in_window(qtbot, window, [csv_file])
    assert [f.code for f in failures] == ["project.gone"]
    assert not path.exists()                      # no new, empty project at the old place
    assert any("ya no está" in text for text in captured_boxes)
    with Project.open(moved) as project:
        assert project.incident_count() == 2 and len(project.imports()) == 1


def test_window_import_after_the_file_went_away_says_so_before_the_dialog(
        qtbot, window, tmp_path, csv_file, captured_boxes, monkeypatch):
    from stationmap.ui import import_dialog

    path = _filled(tmp_path / "comisaria.stationmap", csv_file)
    window.open_project(path)
    path.unlink()
    monkeypatch.setattr(import_dialog.ImportDialog, "exec", lambda self: pytest.fail("dialog shown"))
    window.imports.begin([csv_file])
    assert any("ya no está" in text for text in captured_boxes)
    assert not path.exists()


def test_command_line_import_still_creates_a_new_project(tmp_path, csv_file):
    assert main(["import", str(csv_file), "--project", str(tmp_path / "nuevo.stationmap")]) == 0
    with Project.open(tmp_path / "nuevo.stationmap") as project:
        assert project.incident_count() == 2


def _filled(path: Path, csv_file: Path) -> Path:
    run(ImportRequest(path, [csv_file]))
    return path


# --- item 2: writes refused inside a transaction are said in words -----------------------------
@pytest.mark.parametrize("protect_folder", [False, True], ids=["file", "folder"])
def test_command_line_import_into_a_write_protected_project_exits_2_with_a_clear_line(
        tmp_path, filled_project, write_protect, capsys, protect_folder):
    other = tmp_path / "otro.csv"
    other.write_text(CSV_TEXT.replace("D-", "E-"), encoding="utf-8")
    before = filled_project.read_bytes()
    write_protect(filled_project.parent if protect_folder else filled_project)
    code = main(["import", str(other), "--project", str(filled_project)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "solo lectura" in err and "Error inesperado" not in err
    assert filled_project.read_bytes() == before


def test_the_console_gets_one_translated_line_for_a_write_protected_project(
        tmp_path, filled_project, write_protect):
    # A real console: no log is kept by a command that ends well or with a coded error, and a logged
    # warning would reach stderr in English (Python prints unhandled warnings), above the message.
    import os
    import sys

    other = tmp_path / "otro.csv"
    other.write_text(CSV_TEXT.replace("D-", "E-"), encoding="utf-8")
    write_protect(filled_project)
    done = subprocess.run([sys.executable, "-m", "stationmap", "import", str(other), "--project", str(filled_project)],
                          capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, STATIONMAP_CONFIG_DIR=str(tmp_path / "config")))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "solo lectura" in lines[0], done.stderr


def test_window_import_into_a_write_protected_project_is_explained(
        qtbot, window, filled_project, write_protect, tmp_path, captured_boxes):
    other = tmp_path / "otro.csv"
    other.write_text(CSV_TEXT.replace("D-", "E-"), encoding="utf-8")
    window.open_project(filled_project)
    before = filled_project.read_bytes()
    write_protect(filled_project)
    failures = _import_in_window(qtbot, window, [other])
    assert [f.code for f in failures] == ["project.read_only"]
    assert any("solo lectura" in text for text in captured_boxes)
    assert not any("inesperado" in text for text in captured_boxes)
    assert filled_project.read_bytes() == before


def test_writes_refused_by_sqlite_inside_an_import_become_a_coded_error(tmp_path, filled_project, monkeypatch):
    other = tmp_path / "otro.csv"
    other.write_text(CSV_TEXT.replace("D-", "E-"), encoding="utf-8")
    before = filled_project.read_bytes()
    _read_only_connections(monkeypatch)
    with pytest.raises(ProjectError) as caught:
        run(ImportRequest(filled_project, [other]))
    assert caught.value.code == "project.read_only"
    assert "(attempt" not in caught.value.message("es")
    assert filled_project.read_bytes() == before


@pytest.mark.parametrize("sqlite_text, code", [
    ("database or disk is full", "project.disk_full"),
    ("disk I/O error", "project.io_error"),
    ("database is locked", "project.busy"),
])
def test_other_write_failures_inside_a_transaction_are_coded(tmp_path, sqlite_text, code):
    import sqlite3

    with Project.create(tmp_path / "a.stationmap") as project:
        with pytest.raises(ProjectError) as caught:
            with project.transaction():
                raise sqlite3.OperationalError(sqlite_text)
        assert caught.value.code == code
        assert not project.db.in_transaction        # rolled back; the next write starts afresh
        project.set_meta("after", 1)
        assert project.get_meta("after") == 1


# --- item 3: a write-protected project still builds and exports its plan -----------------------
def test_a_write_protected_project_builds_and_exports_its_plan(
        qtbot, window, tmp_path, sample_project_file, write_protect, captured_boxes, monkeypatch, xdg_mime):
    import shutil

    from PySide6.QtGui import QDesktopServices
    from datetime import date, timedelta

    from stationmap.ui.plan import install
    from stationmap.ui.plan.generate_dialog import PlanChoices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)   # "open the folder?" says yes
    week = date(2026, 11, 16)
    path = tmp_path / "porvenir.stationmap"
    shutil.copy(sample_project_file, path)
    panel = install(window)
    assert window.open_project(path)

    def build(author: str) -> None:
        with qtbot.waitSignal(panel.runner.finished, timeout=30_000):
            panel.generate_with(PlanChoices(week, week + timedelta(days=6), 1, author, 5))

    build("My. PNP Quispe")                     # writable: the sectors are made and kept
    window.close_project()
    write_protect(path)                         # the stick is locked before it is opened, as QA did
    before = path.read_bytes()
    assert window.open_project(path)
    build("Cmdte. Ñúñez")                       # another author: the project cannot keep it
    assert panel.plan is not None and panel.plan.author == "Cmdte. Ñúñez"
    assert not any("No se puede" in text or "inesperado" in text for text in captured_boxes)
    out = tmp_path / "exportado"
    with qtbot.waitSignal(panel.exported, timeout=60_000):
        panel.export_to(out)
    assert (out / "plan_patrullaje.pdf").read_bytes().startswith(b"%PDF")
    panel.save_version()                        # only saving needs writing, and says so
    assert "solo lectura" in captured_boxes[-1]
    assert path.read_bytes() == before
    panel.runner.wait()


# --- item 4: a save refused half-way is not damage ----------------------------------------------
def test_a_save_refused_half_way_is_not_called_damage_and_the_project_comes_back(tmp_path, write_protect):
    path = tmp_path / "a.stationmap"
    project = Project.create(path)
    project.set_meta("turno", "mañana")
    write_protect(path)                          # the stick is locked while the project is open
    codes = []
    for attempt in (lambda: project.set_meta("turno", "noche"), lambda: project.get_meta("turno"),
                    lambda: Project.open(path)):
        with pytest.raises(ProjectError) as caught:
            attempt()
        codes.append(caught.value.code)
        assert "está dañado y" not in caught.value.message("es") and "respaldo" not in caught.value.message("es")
    assert "project.damaged" not in codes
    assert codes[-1] == "project.read_only_unfinished_save"
    subprocess.run(["chattr", "-i", str(path)], check=True)   # unlocked: SQLite undoes the half-save
    assert project.get_meta("turno") == "mañana"               # the same connection recovers
    with Project.open(path) as again:
        assert again.get_meta("turno") == "mañana"
    project.close()


@pytest.mark.parametrize("sqlite_text, code", [
    ("attempt to write a readonly database", "project.read_only_unfinished_save"),
    ("disk I/O error", "project.io_error"),
    ("database disk image is malformed", "project.damaged"),
])
def test_opening_says_damaged_only_for_damage(tmp_path, monkeypatch, sqlite_text, code):
    import sqlite3

    path = tmp_path / "a.stationmap"
    Project.create(path).close()

    def failing_connect(path):
        raise sqlite3.OperationalError(sqlite_text) if "malformed" not in sqlite_text \
            else sqlite3.DatabaseError(sqlite_text)

    monkeypatch.setattr(project_module, "_connect", failing_connect)
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    assert caught.value.code == code
    assert sqlite_text not in caught.value.message("es")        # SQLite's English stays in the log


# --- item 5: a plan exported into a write-protected folder ---------------------------------------
def test_command_line_plan_into_a_write_protected_folder_says_so(tmp_path, sample_project_file, write_protect,
                                                                  capsys):
    import shutil

    project = tmp_path / "porvenir.stationmap"
    shutil.copy(sample_project_file, project)
    folder = tmp_path / "rodir"
    folder.mkdir()
    write_protect(folder)
    code = main(["plan", "--project", str(project), "--from", "2026-11-16", "--to", "2026-11-22",
                 "--out", str(folder / "plan")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"No se puede escribir el plan en la carpeta «{folder / 'plan'}»: no hay permiso de escritura en «{folder}»." in err
    assert "inesperado" not in err


def test_command_line_plan_from_a_write_protected_project_does_not_claim_its_sectors_were_saved(
        tmp_path, sample_project_file, write_protect, capsys):
    import shutil

    project = tmp_path / "porvenir.stationmap"
    shutil.copy(sample_project_file, project)   # no sectors yet: the plan makes them
    write_protect(project)
    code = main(["plan", "--project", str(project), "--from", "2026-11-16", "--to", "2026-11-22",
                 "--out", str(tmp_path / "plan")])
    out = capsys.readouterr().out
    assert code == 0
    assert "sectores de carga similar para este plan; no se guardaron en él porque no se puede escribir" in out
    assert "y se guardaron en él" not in out


# --- item 6: an old-format project on a write-protected stick -----------------------------------
@pytest.mark.parametrize("protect_folder", [True, False], ids=["folder", "file"])
def test_an_old_project_on_a_write_protected_stick_is_explained(tmp_path, write_protect, protect_folder):
    from test_store_project import _write_version_1_project

    stick = tmp_path / "usb"
    stick.mkdir()
    path = stick / "vieja.stationmap"
    _write_version_1_project(path)
    original = path.read_bytes()
    write_protect(stick if protect_folder else path)
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    assert caught.value.code == "project.needs_upgrade_read_only"
    message = caught.value.message("es")
    assert "versión anterior" in message and "Copie el proyecto" in message
    assert ".bak" not in message and "Errno" not in message
    assert path.read_bytes() == original
    assert [p.name for p in stick.iterdir()] == ["vieja.stationmap"]   # no useless backup left behind


# --- item 7: paths too long for SQLite or the file system ---------------------------------------
def _deep_folder(root: Path, total_bytes: int) -> Path:
    """A folder whose path is about `total_bytes` long (folders of 100 characters)."""
    import os

    folder = root
    while len(os.fsencode(str(folder))) < total_bytes - 30:
        folder = folder / ("carpeta_" + "x" * 92)
    os.makedirs(folder)
    return folder


def test_a_project_path_too_long_for_sqlite_is_said_so(tmp_path):
    import os

    folder = _deep_folder(tmp_path, 540)
    long_path = folder / "comisaria_el_porvenir.stationmap"
    assert len(os.fsencode(str(long_path))) > 512
    with pytest.raises(ProjectError) as caught:
        Project.create(long_path)
    assert caught.value.code == "project.path_too_long"
    short = tmp_path / "corta.stationmap"
    Project.create(short).close()
    os.rename(short, long_path)                  # made elsewhere, then copied deep into a stick
    with pytest.raises(ProjectError) as caught:
        Project.open(long_path)
    assert caught.value.code == "project.path_too_long"
    assert "demasiado larga" in caught.value.message("es")


def test_a_file_name_too_long_is_said_so(tmp_path, capsys):
    name = "estación_" + "x" * 250 + ".stationmap"
    assert main(["sample", "--project", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert "demasiado larga" in err and "inesperado" not in err
    with pytest.raises(ProjectError) as caught:
        Project.open(tmp_path / name)
    assert caught.value.code == "project.path_too_long"


# --- item 8: reasons in the user's language -----------------------------------------------------
def test_table_export_into_a_write_protected_folder_gives_the_reason_in_spanish(
        qtbot, window, tmp_path, write_protect, captured_boxes):
    from factories import make_incidents

    assert window.create_project(tmp_path / "p.stationmap")
    window.incident_panel.set_incidents(make_incidents(20, seed=4))
    folder = tmp_path / "rodir"
    folder.mkdir()
    write_protect(folder)
    window.export_table(folder / "tabla.csv")
    assert any(f"No se pudo escribir {folder / 'tabla.csv'}: no hay permiso" in text for text in captured_boxes)
    assert not any("Operation not permitted" in text for text in captured_boxes)


@pytest.mark.parametrize("sqlite_text, words", [
    ("attempt to write a readonly database", "solo lectura"),
    ("database or disk is full", "No queda espacio"),
    ("disk I/O error", "el disco no respondió"),
    ("database disk image is malformed", "está dañado"),
])
def test_project_errors_say_the_cause_in_words_and_keep_sqlites_in_the_log(tmp_path, sqlite_text, words, caplog):
    import sqlite3

    caplog.set_level(logging.INFO, logger="stationmap")
    error_type = sqlite3.DatabaseError if "malformed" in sqlite_text else sqlite3.OperationalError
    with Project.create(tmp_path / "a.stationmap") as project:
        with pytest.raises(ProjectError) as caught:
            with project.transaction():
                raise error_type(sqlite_text)
    for language in ("es", "en"):
        assert sqlite_text not in caught.value.message(language)
    assert words in caught.value.message("es")
    assert sqlite_text in caplog.text


# --- item 9: a project damaged deep inside, opened over another one -----------------------------
def _damaged_deep_inside(source: Path, path: Path) -> Path:
    """A copy of `source` whose incident data pages are overwritten (the QA tester overwrote 300 KB in
    the middle of the file): the header, schema and indexes read fine, the incidents do not."""
    import sqlite3

    with sqlite3.connect(source) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = [n for (n,) in db.execute("SELECT pageno FROM dbstat WHERE name = 'incident_chunks' "
                                         "AND pagetype = 'overflow'")]
    db.close()
    assert pages
    data = bytearray(source.read_bytes())
    for number in pages:
        data[(number - 1) * page_size:number * page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    return path


def test_opening_a_project_damaged_deep_inside_keeps_the_open_one(
        qtbot, window, tmp_path, csv_file, sample_project_file, captured_boxes):
    first = _filled(tmp_path / "comisaria.stationmap", csv_file)
    assert window.open_project(first)
    damaged = _damaged_deep_inside(sample_project_file, tmp_path / "dañado.stationmap")
    assert window.open_project(damaged) is False
    assert any("está dañado" in text for text in captured_boxes)
    assert window.project is not None and Path(window.project.path) == first   # still open, still shown
    assert len(window.incidents) == 2 and window.project.incident_count() == 2
    assert window.pages.currentWidget() is window.incident_panel       # not the start page
    assert window.windowTitle().startswith("comisaria")


def test_a_project_damaged_deep_inside_at_start_up_leaves_no_project_open(
        qtbot, window, tmp_path, sample_project_file, captured_boxes):
    damaged = _damaged_deep_inside(sample_project_file, tmp_path / "dañado.stationmap")
    window.open_project(damaged, map_first=True)
    qtbot.waitUntil(lambda: any("está dañado" in text for text in captured_boxes), timeout=20_000)
    assert window.project is None                                       # not held half-shown
    assert window.pages.currentWidget() is window.start_page


# --- item 11: dropping a project file opens it ----------------------------------------------------
def _drop(window, *paths: Path) -> bool:
    """Drag `paths` over the window and drop them; whether the drag was accepted."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    window.dragEnterEvent(enter)
    if enter.isAccepted():
        window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                    Qt.KeyboardModifier.NoModifier))
    return enter.isAccepted()


def test_a_project_dropped_on_the_start_page_is_opened(qtbot, window, tmp_path, csv_file):
    path = _filled(tmp_path / "comisaria.stationmap", csv_file)
    assert window.project is None
    assert _drop(window, path)
    assert window.project is not None and Path(window.project.path) == path
    assert len(window.incidents) == 2


def test_a_project_dropped_over_another_asks_first_like_opening(qtbot, window, tmp_path, csv_file, monkeypatch):
    first = Project.create(tmp_path / "primera.stationmap")
    first.close()
    second = _filled(tmp_path / "segunda.stationmap", csv_file)
    assert window.open_project(first.path)
    started: list = []
    monkeypatch.setattr(window.imports, "begin", started.append)
    monkeypatch.setattr(window, "may_leave_project", lambda: False)   # the user keeps unsaved work
    _drop(window, second)
    assert Path(window.project.path) == first.path and started == []
    monkeypatch.setattr(window, "may_leave_project", lambda: True)
    _drop(window, second)
    assert Path(window.project.path) == second and started == []      # opened, not imported


def test_data_files_dropped_on_the_start_page_are_refused_with_the_reason(qtbot, window, csv_file, captured_boxes):
    _drop(window, csv_file)
    assert window.project is None
    assert any("primero abra o cree un proyecto" in text for text in captured_boxes)


def test_a_write_protected_project_without_sectors_still_builds_its_plan(
        qtbot, window, tmp_path, sample_project_file, write_protect, captured_boxes):
    # The sample has no sectors: the plan makes them. On a locked stick they cannot be kept, and the
    # plan is built from them all the same.
    import shutil
    from datetime import date, timedelta

    from stationmap.planning import project_geography as geo
    from stationmap.store.project import Project
    from stationmap.ui.plan import install
    from stationmap.ui.plan.generate_dialog import PlanChoices

    path = tmp_path / "porvenir.stationmap"
    shutil.copy(sample_project_file, path)
    with Project.open(path) as project:
        assert not geo.sectors(project)
    write_protect(path)
    before = path.read_bytes()
    panel = install(window)
    assert window.open_project(path)
    week = date(2026, 11, 16)
    with qtbot.waitSignal(panel.runner.finished, timeout=60_000):
        panel.generate_with(PlanChoices(week, week + timedelta(days=6), 1, "My. PNP Quispe", 5))
    assert panel.plan is not None and len(panel.plan.sectors) == 5
    assert "no se guardaron porque el proyecto no se puede escribir" in panel.status.text()
    assert not any("No se puede" in text or "solo lectura" in text for text in captured_boxes)
    assert path.read_bytes() == before
    panel.runner.wait()
