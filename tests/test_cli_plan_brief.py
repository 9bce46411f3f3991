"""`stationmap plan` and `stationmap brief` as a script would call them."""

from __future__ import annotations

import json
import shutil

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
    assert code == 2 and "units file is not valid" in err and len(err.strip().splitlines()) == 1
