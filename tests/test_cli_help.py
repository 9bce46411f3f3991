"""`stationmap --help` in one language (argparse's own words too) and where this run's log file is."""

from __future__ import annotations

import subprocess
import sys

import pytest

from stationmap.cli import main
from stationmap.store import paths, portable

ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help message and exit",
                    "optional arguments", "show program's version number")


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_spanish_help_says_where_the_log_file_is_in_spanish_only(capsys, config_dir):
    out = _help(capsys)
    assert out.startswith("uso: stationmap")
    assert "opciones:" in out and "mostrar esta ayuda y salir" in out and "mostrar la versión y salir" in out
    assert f"archivo de registro:\n  {config_dir / 'stationmap.log'}" in out
    assert not [word for word in ARGPARSE_ENGLISH if word in out], out
    assert " / " not in out                 # no more "español / English" halves side by side
    for command in ("import", "sample", "plan", "brief", "gui"):
        text = _help(capsys, command)
        assert text.startswith(f"uso: stationmap {command}") and "opciones:" in text
        assert not [word for word in ARGPARSE_ENGLISH if word in text], text


def test_english_help_on_request(capsys, config_dir):
    out = _help(capsys, "--lang", "en")
    assert out.startswith("usage: stationmap") and "options:" in out and "show this help and exit" in out
    assert f"log file:\n  {config_dir / 'stationmap.log'}" in out
    assert "uso:" not in out and "opciones" not in out and "registro" not in out
    text = _help(capsys, "plan", "--lang=en")
    assert "first day (dd/mm/yyyy or yyyy-mm-dd)" in text and "primer" not in text


def test_help_names_the_portable_folder_and_makes_no_folder(capsys, tmp_path, monkeypatch):
    program = tmp_path / "StationMap"
    program.mkdir()
    monkeypatch.setattr(portable, "program_folder", lambda frozen=None: program)
    monkeypatch.setenv(portable.PORTABLE_ENV, "1")
    monkeypatch.setenv(paths.CONFIG_ENV, "")   # restored after the test: portable mode sets it
    out = _help(capsys)
    data = program / portable.PORTABLE_FOLDER
    assert f"  {data / 'stationmap.log'}" in out and "Modo portátil: configuración, registro" in out
    # Not portable: the per-user folder is named, not made, by --help.
    monkeypatch.setenv(portable.PORTABLE_ENV, "0")
    monkeypatch.setenv(paths.CONFIG_ENV, str(tmp_path / "nunca_creada"))
    out = _help(capsys)
    assert str(tmp_path / "nunca_creada" / "stationmap.log") in out and "portátil" not in out
    assert not (tmp_path / "nunca_creada").exists()


@pytest.mark.parametrize(("lang", "says"), [
    ([], ["uso: stationmap plan", "stationmap plan: error: faltan estos argumentos: --from, --to, --out"]),
    (["--lang", "en"], ["usage: stationmap plan",
                        "stationmap plan: error: the following arguments are required: --from, --to, --out"]),
])
def test_a_wrong_command_line_is_explained_in_the_users_language(capsys, lang, says):
    with pytest.raises(SystemExit) as done:
        main(["plan", *lang, "--project", "p.stationmap"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert all(line in err for line in says), err


def test_an_unknown_language_is_refused_in_spanish(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "fr"])
    assert "argumento --lang: valor no válido: 'fr'" in capsys.readouterr().err


def test_the_console_program_prints_the_help_with_the_log_file(config_dir):
    done = subprocess.run([sys.executable, "-m", "stationmap", "--help"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("uso: ") and str(config_dir / "stationmap.log") in done.stdout
