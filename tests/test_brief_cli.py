"""`stationmap brief` as a script calls it: one clear line for each refusal, nothing written, project untouched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

import pytest

from conftest import shared_path
from stationmap.cli import main
from stationmap.core.progress import no_progress
from stationmap.planning import project_geography as geo
from stationmap.store.project import Project


@pytest.fixture
def project(sample_project_file, tmp_path):
    path = tmp_path / "estacion.stationmap"
    shutil.copy(sample_project_file, path)
    return path


def _brief(project, out, *extra) -> int:
    return main(["brief", "--project", str(project), "--out", str(out), *extra])


def _one_line(err: str) -> str:
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and "Error inesperado" not in err, err
    return err


@pytest.mark.parametrize("week, words", [
    ("2026-W47", "No hay datos para la semana 2026-W47 (del 16/11/2026 al 22/11/2026): los incidentes del "
                 "proyecto llegan hasta el 15/11/2026. La última semana con datos completos es la 2026-W46."),
    ("2027-W05", "No hay datos para la semana 2027-W05"),
    ("2020-W10", "los incidentes del proyecto empiezan el 17/11/2025"),
])
def test_a_week_without_data_is_refused_and_no_folder_is_made(project, tmp_path, capsys, week, words):
    out = tmp_path / "informes" / "b"
    assert _brief(project, out, "--week", week) == 2
    captured = capsys.readouterr()
    err = _one_line(captured.err)
    assert words in err and "descenso" not in err + captured.out
    assert not (tmp_path / "informes").exists()


def test_a_counts_only_project_is_told_what_the_brief_needs(tmp_path, capsys):
    project = tmp_path / "cajamarca.stationmap"
    assert main(["import", str(shared_path("data", "peru-sidpol-cajamarca")), "--project", str(project)]) == 0
    capsys.readouterr()
    assert _brief(project, tmp_path / "out", "--week", "2025-W46") == 2
    err = _one_line(capsys.readouterr().err)
    assert "necesita incidentes uno a uno, con su fecha" in err and "Ver → Estadísticas agregadas" in err
    assert "jurisdicción" not in err
    assert not (tmp_path / "out").exists()
    assert _brief(project, tmp_path / "out", "--week", "2025-W46", "--lang", "en") == 2
    assert "View → Aggregated statistics" in capsys.readouterr().err


def test_an_out_that_is_a_file_or_cannot_be_made_gets_one_line(project, tmp_path, capsys):
    a_file = tmp_path / "informe.pdf"
    a_file.write_text("ya existe")
    assert _brief(project, a_file, "--week", "2026-W46") == 2
    assert f"No se puede escribir el informe en la carpeta «{a_file}»: ya existe un archivo" in \
        _one_line(capsys.readouterr().err)
    assert _brief(project, a_file / "sub", "--week", "2026-W46", "--lang", "en") == 2
    assert f"“{a_file}” is a file, not a folder" in _one_line(capsys.readouterr().err)
    assert _brief(project, "/proc/stationmap-no/informes", "--week", "2026-W46") == 2   # even root cannot
    assert "No se puede escribir el informe en la carpeta «/proc/stationmap-no/informes»" in \
        _one_line(capsys.readouterr().err)


@pytest.mark.parametrize("threshold", ["0", "-5"])
def test_a_threshold_below_one_is_refused(project, tmp_path, capsys, threshold):
    assert _brief(project, tmp_path / "out", "--week", "2026-W46", "--threshold", threshold) == 2
    err = _one_line(capsys.readouterr().err)
    assert f"debe ser 1 o más (se indicó {threshold})" in err
    assert not (tmp_path / "out").exists()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.chromium
def test_a_brief_leaves_the_project_as_it_was_and_says_its_sectors_are_provisional(project, tmp_path, capsys):
    from offline_browser import screenshot

    before = _digest(project)
    assert _brief(project, tmp_path / "b", "--week", "2026-W46") == 0
    out = capsys.readouterr().out
    assert "6 sectores provisionales" in out and "el proyecto no se modificó" in out
    assert _digest(project) == before, "making a brief must not write to the project"
    with Project.open(project) as reopened:
        assert geo.sectors(reopened) == []
    pdf = subprocess.run(["pdftotext", str(tmp_path / "b" / "informe_semanal_2026-W46.pdf"), "-"],
                         capture_output=True, text=True).stdout
    assert "Sectores provisionales" in pdf
    html = (tmp_path / "b" / "informe_semanal_2026-W46.html").read_text(encoding="utf-8")
    # The HTML chart is viridis (yellow = busiest): its note must not speak of dark cells.
    assert "Amarillo = más incidentes" in html and "Más oscuro" not in html
    assert "Sectores provisionales" in html
    screenshot(tmp_path, tmp_path / "b" / "informe_semanal_2026-W46.html")   # opens with no network
    # The community's version says so in the public's words, with no instruction to the app's menus.
    community = (tmp_path / "b" / "informe_comunidad_2026-W46.html").read_text(encoding="utf-8")
    community_pdf = subprocess.run(["pdftotext", str(tmp_path / "b" / "informe_comunidad_2026-W46.pdf"), "-"],
                                   capture_output=True, text=True).stdout
    for text in (community, " ".join(community_pdf.split())):
        assert "6 sectores de este informe se trazaron para él" in text and "Análisis" not in text


def test_the_progress_messages_speak_the_briefs_language(project, tmp_path):
    from stationmap.reports.jobs import BriefRequest, run_brief

    messages: list[str] = []
    run_brief(BriefRequest(project, "2026-W46", tmp_path / "en", language="en"),
              lambda fraction, message="": messages.append(message) or no_progress(fraction, message))
    shown = [m for m in messages if m]
    assert shown and not {"proyecto", "análisis"} & set(shown)
    assert "Reading the project…" in shown and "Analysing the week…" in shown


def test_the_html_brief_has_the_weekly_quality_table_of_the_pdf(project, tmp_path):
    """The PDF's last page lists eight weeks of data quality; the HTML had no such table."""
    import re

    assert _brief(project, tmp_path / "b", "--week", "2026-W46") == 0
    pdf = subprocess.run(["pdftotext", "-layout", str(tmp_path / "b" / "informe_semanal_2026-W46.pdf"), "-"],
                         capture_output=True, text=True).stdout
    html = (tmp_path / "b" / "informe_semanal_2026-W46.html").read_text(encoding="utf-8")
    # One format for every percentage of both documents, "98 %" with a no-break space so it never
    # splits; on the PDF page "0 %" reads so too, but pdftotext may join a narrow "0" and its "%".
    week_rows = re.findall(r"^\s*(\d\d/\d\d/2026)\s+(\d+)\s+(\d+) ?%\s+(\d+) ?%\s+(\d+) ?%\s*$", pdf, re.MULTILINE)
    assert len(week_rows) == 8 and week_rows[-1][0] == "09/11/2026"
    for week, incidents, located, timed, unspecified in week_rows:
        assert (f"<td>{week}</td>\n<td>{incidents}</td><td>{located}\xa0%</td><td>{timed}\xa0%</td>"
                f"<td>{unspecified}\xa0%</td>") in html
    shares = re.findall(r"<td>(\d+\.\d)(.)%</td>", html)
    assert shares and {space for _, space in shares} == {"\xa0"}
