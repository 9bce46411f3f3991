"""`stationmap plan` and `stationmap brief` as a script would call them."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from stationmap.cli import main
from stationmap.planning import project_geography as geo
from stationmap.store.project import Project


@pytest.fixture
def project(sample_project_file, tmp_path):
    path = tmp_path / "estacion.stationmap"
    shutil.copy(sample_project_file, path)
    return path


def test_plan_command_writes_every_file_and_keeps_generated_sectors(project, tmp_path, capsys):
    units = tmp_path / "unidades.json"
    units.write_text(json.dumps({"per_shift": {"manana": {"patrullero": 2, "serenazgo": 1},
                                               "tarde": {"patrullero": 3, "serenazgo": 2},
                                               "noche": {"patrullero": 5, "serenazgo": 3}},
                                 "at_station": {"noche": 1}}), encoding="utf-8")
    out = tmp_path / "plan"
    code = main(["plan", "--project", str(project), "--from", "2026-11-16", "--to", "2026-11-22",
                 "--units", str(units), "--sectors", "4", "--out", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "se crearon 4 sectores" in printed
    assert {p.name for p in out.iterdir()} >= {"plan_patrullaje.pdf", "plan_patrullaje.html", "tarjetas_de_ruta.pdf",
                                                "plan.xlsx", "plan.geojson", "plan.kml", "puntos_criticos.gpx"}
    with Project.open(project) as reopened:
        assert len(geo.sectors(reopened)) == 4
    # A second plan uses the saved sectors instead of making new ones.
    assert main(["plan", "--project", str(project), "--from", "2026-11-23", "--to", "2026-11-29",
                 "--out", str(tmp_path / "plan2")]) == 0
    assert "se crearon" not in capsys.readouterr().out


def test_brief_command_and_its_errors(project, tmp_path, capsys):
    assert main(["brief", "--project", str(project), "--week", "2026-W46", "--out", str(tmp_path / "b")]) == 0
    assert (tmp_path / "b" / "informe_semanal_2026-W46.pdf").stat().st_size > 10_000
    capsys.readouterr()
    assert main(["brief", "--project", str(project), "--week", "semana 46", "--out", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert "2026-W47" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_plan_command_refuses_a_bad_units_file_with_one_line(project, tmp_path, capsys):
    bad = tmp_path / "u.json"
    bad.write_text('{"per_shift": 5}', encoding="utf-8")
    code = main(["plan", "--project", str(project), "--from", "2026-11-16", "--to", "2026-11-22",
                 "--units", str(bad), "--out", str(tmp_path / "x"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and "“per_shift” must be an object" in err and len(err.strip().splitlines()) == 1


def _plan(project, tmp_path, *extra, start="2026-11-16", end="2026-11-16", units=None):
    args = ["plan", "--project", str(project), "--from", start, "--to", end, "--out", str(tmp_path / "out")]
    if units is not None:
        path = tmp_path / "u.json"
        path.write_text(units if isinstance(units, str) else json.dumps(units, ensure_ascii=False), encoding="utf-8")
        args += ["--units", str(path)]
    return main(args + list(extra))


@pytest.mark.parametrize("units, lang, words", [
    (None, "es", None),   # a missing units file (the path is given, the file is not there)
    ('{"per_shift": {"manana": {"patrullero": 3}},}', "es", "no es JSON válido: hay un error en la línea 1, columna 45"),
    ('{"per_shift": {"manana": {"patrullero": 3}},}', "en", "is not valid JSON: there is a mistake at line 1, column 45"),
    ({"per_shift": {"manana": {}, "tarde": {}, "noche": {}}}, "es", "no tiene ninguna unidad en ningún turno"),
    ({"per_shift": {"manana": {"patrullero": 3}}, "cap_per_sector": 0}, "en", "must be at least 1"),
    ({"per_shift": {"noche": {"patrullero": 2}}, "at_station": {"noche": 5}}, "es",
     "En el turno Noche se dejan 5 unidades en la comisaría («at_station»), pero ese turno solo tiene 2"),
    ({"per_shift": {"manana": {"patrullero": 3}}, "proactive_share": 40}, "es", "debe estar entre 0 y 1"),
    ({"per_shift": {"mañanas": {"patrullero": 3}}}, "en", "Did you mean “manana”?"),
])
def test_plan_command_explains_units_file_mistakes(project, tmp_path, capsys, units, lang, words):
    if units is None:
        code = main(["plan", "--project", str(project), "--from", "2026-11-16", "--to", "2026-11-16",
                     "--units", str(tmp_path / "falta.json"), "--out", str(tmp_path / "out")])
        words = f"No se encontró el archivo de unidades «{tmp_path / 'falta.json'}»"
    else:
        code = _plan(project, tmp_path, "--lang", lang, units=units)
    err = capsys.readouterr().err
    assert code == 2 and words in err, err
    assert len(err.strip().splitlines()) == 1 and "Errno" not in err and "Expecting" not in err


def test_plan_command_takes_the_natural_spelling_of_a_shift(project, tmp_path, capsys):
    units = {"per_shift": {"Mañana": {"patrullero": 3}, "tarde": {"patrullero": 3}, "noche": {"patrullero": 3}}}
    assert _plan(project, tmp_path, units=units) == 0
    capsys.readouterr()
    rows = pd.read_csv(tmp_path / "out" / "plan_asignaciones.csv", encoding="utf-8-sig")
    assert (rows["Turno"] == "Mañana").sum() == 3


def test_plan_command_dates_as_peruvians_write_them(project, tmp_path, capsys):
    assert _plan(project, tmp_path, start="16/11/2026", end="17/11/2026") == 0
    assert "Plan escrito" in capsys.readouterr().out
    assert _plan(project, tmp_path, "--lang", "en", start="16-11-26") == 2
    err = capsys.readouterr().err
    assert "“16-11-26” is not a date. Write it as dd/mm/yyyy" in err and len(err.strip().splitlines()) == 1


def test_plan_command_refuses_a_year_long_plan(project, tmp_path, capsys):
    assert _plan(project, tmp_path, start="16/11/2026", end="16/11/2027") == 2
    err = capsys.readouterr().err
    assert "tiene 366 días; un plan cubre como máximo 31 días" in err
    assert not (tmp_path / "out").exists()


def test_plan_command_warns_when_the_lookback_has_no_incidents(project, tmp_path, capsys):
    assert _plan(project, tmp_path, "--lang", "en", start="2030-01-07", end="2030-01-13") == 0
    out = capsys.readouterr().out
    assert "! There are no incidents in the 8 weeks before 07/01/2030" in out


# --- QA round 2: a reader that stops reading (`stationmap plan … | head -1`) -----------------------

class _ClosedPipe:
    """A standard output whose reader has gone: every write fails as a closed pipe does."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_plan_and_brief_quietly_after_their_files_are_written(project, tmp_path, capsys,
                                                                                 monkeypatch):
    import sys

    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", _ClosedPipe())
        assert _plan(project, tmp_path) == 0
        assert main(["brief", "--project", str(project), "--week", "2026-W46", "--out", str(tmp_path / "b")]) == 0
    assert capsys.readouterr().err == ""
    assert (tmp_path / "out" / "plan_patrullaje.pdf").stat().st_size > 0
    assert (tmp_path / "b" / "informe_semanal_2026-W46.pdf").stat().st_size > 0


def test_plan_command_says_one_sector_and_one_critical_point_in_the_singular(project, tmp_path, capsys):
    from stationmap.core.messages import render

    assert _plan(project, tmp_path, "--sectors", "1") == 0
    assert "se creó 1 sector y se guardó en él." in capsys.readouterr().out
    assert render("commands.plan_written", {"files": "11", "out": "x", "count": 1}, "es") == (
        "Plan escrito: 11 archivos en x (1 punto crítico).")
    assert render("commands.plan_written", {"files": "11", "out": "x", "count": 1200}, "en") == (
        "Plan written: 11 files in x (1,200 critical points).")
