"""Análisis → Categorías…: raw values, weights, spelling suggestions, bulk re-assignment, Aplicar."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QItemSelectionModel

from stationmap.store import import_job
from stationmap.store.project import Project
from stationmap.ui.brief import install
from stationmap.ui.brief.category_editor import CATEGORY, RAW

HEADER = "N;NRO_DENUNCIA;FECHA_HECHO;HORA_HECHO;MODALIDAD;DIRECCION;DISTRITO;UBIGEO;LATITUD;LONGITUD"
MISSPELLED = "EXTORCION"   # a typing slip for EXTORSIÓN that no keyword rule recognises


@pytest.fixture
def planted_sample(tmp_path, sample_project_file):
    """The sample station plus five imported rows whose modalidad is misspelled."""
    path = tmp_path / "estacion.stationmap"
    shutil.copy(sample_project_file, path)
    rows = [f"{i};2026-99999-{i:05d};{10 + i}/11/2026;21:15;{MISSPELLED};JR. UNION 5{i};EL PORVENIR;130102;"
            f"-8.0771{i};-79.0198{i}" for i in range(1, 6)]
    source = tmp_path / "mal_escrito.csv"
    source.write_text("\n".join([HEADER, *rows]) + "\n", encoding="cp1252")
    report = import_job.run(import_job.ImportRequest(path, [source]))
    assert report.imported == 5
    return path


@pytest.fixture
def window(bare_window):
    return bare_window


def _category_of_raw(incidents, raw):
    return set(incidents.loc[incidents["category_raw"] == raw, "category"])


def test_unifying_a_planted_misspelling_recategorises_project_and_window(qtbot, window, planted_sample):
    tools = install(window)
    window.open_project(planted_sample)
    assert _category_of_raw(window.incidents, MISSPELLED) == {"No especificado"}
    editor = tools.open_category_editor()
    row = next(r for r in range(editor.raw_table.rowCount()) if editor.raw_table.item(r, RAW).text() == MISSPELLED)
    assert editor.raw_table.item(row, CATEGORY).text() == "No especificado"
    group_row = next(i for i, g in enumerate(editor.groups) if MISSPELLED in dict(g.members))
    assert dict(editor.groups[group_row].members)[MISSPELLED] == 5
    assert editor.groups[group_row].suggestion in ("EXTORSIÓN", "EXTORSION")
    # The only group split across categories comes first; the sample's other groups are already one.
    assert group_row == 0 and editor.unify_buttons[0].isEnabled()
    assert [b.text() for b in editor.unify_buttons[1:]] == ["Ya unificadas"] * (len(editor.groups) - 1)
    editor.unify_buttons[group_row].click()
    assert editor.raw_table.item(row, CATEGORY).text() == "Extorsión"
    assert not editor.unify_buttons[group_row].isEnabled()
    with qtbot.waitSignal(window.incidents_changed, timeout=30_000):
        editor.apply_button.click()
    assert _category_of_raw(window.incidents, MISSPELLED) == {"Extorsión"}
    assert set(window.incidents.loc[window.incidents["category_raw"] == MISSPELLED, "weight"]) == {6.0}
    with Project.open(planted_sample) as project:
        stored = project.incidents()
        assert _category_of_raw(stored, MISSPELLED) == {"Extorsión"}
        # The table keeps the decision, so the next import of this spelling lands in Extorsión too.
        category, _weight = project.category_table().classify(stored["category_raw"][
            stored["category_raw"] == MISSPELLED])
        assert set(category) == {"Extorsión"}


def test_bulk_reassignment_and_a_new_weight_reach_every_incident(qtbot, window, tmp_path, sample_project_file):
    path = tmp_path / "estacion.stationmap"
    shutil.copy(sample_project_file, path)
    tools = install(window)
    window.open_project(path)
    before = window.incidents.copy()
    editor = tools.open_category_editor()
    chosen = {"HURTO DE VEHICULO", "ROBO DE VEHICULO"}
    selection = editor.raw_table.selectionModel()
    for r in range(editor.raw_table.rowCount()):
        if editor.raw_table.item(r, RAW).text() in chosen:
            selection.select(editor.raw_table.model().index(r, 0),
                             QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    editor.assign_selected("Hurto")
    assert {editor.category_of(raw) for raw in chosen} == {"Hurto"}
    weight_row = next(r for r in range(editor.weight_table.rowCount())
                      if editor.weight_table.item(r, 0).text() == "Daños")
    editor.weight_table.item(weight_row, 1).setData(0, 2.5)
    with qtbot.waitSignal(window.incidents_changed, timeout=30_000):
        editor.apply_button.click()
    after = window.incidents
    moved = before["category_raw"].isin(chosen)
    assert moved.sum() == 146 and set(after.loc[moved, "category"]) == {"Hurto"}
    assert set(after.loc[moved, "weight"]) == {3.0}
    assert set(after.loc[after["category"] == "Daños", "weight"]) == {2.5}
    untouched = ~moved & (before["category"] != "Daños")
    assert (after.loc[untouched, "category"] == before.loc[untouched, "category"]).all()


def test_cancel_writes_nothing(qtbot, window, tmp_path, sample_project_file):
    path = tmp_path / "estacion.stationmap"
    shutil.copy(sample_project_file, path)
    tools = install(window)
    window.open_project(path)
    editor = tools.open_category_editor()
    editor.assign_selected("Hurto")   # nothing selected: nothing changes
    editor.raw_table.selectRow(0)
    editor.assign_selected("Otros")
    editor.reject()
    with Project.open(path) as project:
        assert set(project.incidents()["category"]) == set(window.incidents["category"])
        assert "Otros" not in set(project.incidents()["category"])
