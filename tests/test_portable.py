"""Portable mode: data beside a (temporary) executable folder, or in the checkout with the switch."""

from __future__ import annotations

import os
import sys

import pytest

from stationmap.store import paths
from stationmap.store.portable import (PORTABLE_ENV, PORTABLE_FOLDER, PORTABLE_MARKER,
                                       enable_portable_mode, portable_data_dir, program_folder)


@pytest.fixture
def exe_folder(tmp_path):
    folder = tmp_path / "StationMap"
    folder.mkdir()
    (folder / "StationMap.exe").write_bytes(b"MZ")
    return folder


def test_a_data_folder_beside_the_executable_holds_settings_log_and_sample(exe_folder, monkeypatch):
    (exe_folder / PORTABLE_FOLDER).mkdir()
    monkeypatch.delenv(paths.CONFIG_ENV, raising=False)
    chosen = enable_portable_mode(exe_folder, frozen=True)
    assert chosen == exe_folder / PORTABLE_FOLDER
    assert os.environ[paths.CONFIG_ENV] == str(chosen)
    # Everything that goes through store.paths now lives on the stick.
    assert paths.app_data_dir() == chosen
    assert paths.log_path().parent == chosen
    assert paths.sample_project_path().parent == chosen
    assert paths.app_cache_dir() == chosen   # the map cache too: nothing left on the laptop


def test_the_map_cache_is_kept_apart_from_settings_in_the_platform_cache_folder(tmp_path, monkeypatch):
    # On Windows under %LOCALAPPDATA% (not the roaming profile a domain laptop copies at each logon).
    monkeypatch.delenv(paths.CONFIG_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    expected = {"win32": (tmp_path / "roaming" / "StationMap", tmp_path / "local" / "StationMap" / "cache"),
                "linux": (tmp_path / "data" / "stationmap", tmp_path / "cache" / "stationmap")}
    for platform, (data, cache) in expected.items():
        monkeypatch.setattr(sys, "platform", platform)
        assert (paths.app_data_dir(), paths.app_cache_dir()) == (data, cache)


def test_settings_written_by_the_ui_land_in_the_portable_folder(exe_folder, monkeypatch, qapp):
    from stationmap.ui.app_config import SettingsStore

    (exe_folder / PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.delenv(paths.CONFIG_ENV, raising=False)
    chosen = enable_portable_mode(exe_folder, frozen=True)
    assert chosen == exe_folder / PORTABLE_FOLDER and chosen.is_dir()   # made from the marker
    store = SettingsStore()
    settings = store.load()
    settings.language = "en"
    store.save(settings)
    assert (chosen / "stationmap.ini").is_file()
    assert SettingsStore().load().language == "en"


def test_no_marker_means_the_normal_per_user_folder(exe_folder):
    environ: dict[str, str] = {}
    assert portable_data_dir(exe_folder, environ, frozen=True) is None
    assert enable_portable_mode(exe_folder, environ, frozen=True) is None
    assert environ == {}


def test_an_explicit_config_dir_wins_over_portable(exe_folder, tmp_path):
    (exe_folder / PORTABLE_FOLDER).mkdir()
    environ = {paths.CONFIG_ENV: str(tmp_path / "support")}
    assert enable_portable_mode(exe_folder, environ, frozen=True) is None
    assert environ[paths.CONFIG_ENV] == str(tmp_path / "support")


def test_source_runs_need_the_switch_and_use_the_checkout(tmp_path):
    checkout = tmp_path / "repo"
    checkout.mkdir()
    assert portable_data_dir(checkout, {}, frozen=False) is None
    (checkout / PORTABLE_MARKER).write_text("")   # a marker alone does not switch a checkout
    assert portable_data_dir(checkout, {}, frozen=False) is None
    environ = {PORTABLE_ENV: "1"}
    assert enable_portable_mode(checkout, environ, frozen=False) == checkout / PORTABLE_FOLDER
    assert environ[paths.CONFIG_ENV] == str(checkout / PORTABLE_FOLDER)


def test_program_folder_is_the_executables_when_frozen(monkeypatch, exe_folder):
    monkeypatch.setattr(sys, "executable", str(exe_folder / "StationMap.exe"))
    assert program_folder(frozen=True) == exe_folder.resolve()
    assert (program_folder(frozen=False) / "pyproject.toml").is_file()


def test_a_folder_that_cannot_be_made_falls_back_to_the_per_user_folder(exe_folder):
    # A file where the data folder should be stands in for a read-only stick (works as root too).
    (exe_folder / PORTABLE_MARKER).write_text("")
    (exe_folder / PORTABLE_FOLDER).write_text("not a folder")
    environ: dict[str, str] = {}
    assert enable_portable_mode(exe_folder, environ, frozen=True) is None
    assert paths.CONFIG_ENV not in environ


def test_recent_projects_inside_the_program_folder_survive_a_renamed_workshop_folder(tmp_path):
    from stationmap.store.portable import path_to_store, stored_path

    program = tmp_path / "Taller" / "StationMap"
    session = program / PORTABLE_FOLDER / "capacitacion" / "sesion_1" / "estacion.stationmap"
    stored = path_to_store(session, program)
    assert stored == "StationMapData/capacitacion/sesion_1/estacion.stationmap"
    moved = tmp_path / "Taller_lunes" / "StationMap"
    assert stored_path(stored, moved) == str(moved / PORTABLE_FOLDER / "capacitacion" / "sesion_1"
                                              / "estacion.stationmap")
    # Elsewhere, and outside portable mode (no base), paths stay as they are; old absolute entries read.
    elsewhere = tmp_path / "Documentos" / "trujillo.stationmap"
    assert path_to_store(elsewhere, program) == str(elsewhere)
    assert path_to_store(session, None) == str(session)
    assert stored_path(str(session), moved) == str(session)
    assert stored_path("C:\\Users\\ana\\p.stationmap", moved) == "C:\\Users\\ana\\p.stationmap"
    assert stored_path("", moved) == "" and stored_path("x.stationmap", None) == "x.stationmap"


def test_the_portable_folder_in_use_is_known_after_the_command_line_chose_it(exe_folder):
    from stationmap.store.portable import active_portable_dir

    (exe_folder / PORTABLE_MARKER).write_text("")
    environ: dict[str, str] = {}
    assert active_portable_dir(exe_folder, environ, frozen=True) is None      # not switched on yet
    chosen = enable_portable_mode(exe_folder, environ, frozen=True)
    assert enable_portable_mode(exe_folder, environ, frozen=True) is None     # a second call chooses nothing
    assert active_portable_dir(exe_folder, environ, frozen=True) == chosen   # ... but the folder is known
    environ[paths.CONFIG_ENV] = "/elsewhere"                                   # support staff's own folder
    assert active_portable_dir(exe_folder, environ, frozen=True) is None


def test_the_settings_keep_a_workshop_folders_recent_projects_when_it_moves(tmp_path, monkeypatch, qapp):
    # A workshop folder on a USB stick: Windows gives the stick another drive letter on the next laptop,
    # or the trainer renames the copy. Recent projects inside it still open; others stay as they were.
    from stationmap.ui.app_config import SettingsStore

    def run_from(folder):
        (folder / PORTABLE_MARKER).write_text("", encoding="utf-8")
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", str(folder / "StationMap.exe"))
        monkeypatch.delenv(paths.CONFIG_ENV, raising=False)
        return enable_portable_mode()

    first = tmp_path / "E" / "StationMap"
    first.mkdir(parents=True)
    (first / "StationMap.exe").write_bytes(b"MZ")
    data = run_from(first)
    session = data / "capacitacion" / "sesion_1" / "estacion.stationmap"
    elsewhere = tmp_path / "Documentos" / "trujillo.stationmap"
    store = SettingsStore()
    settings = store.load()
    settings.recent_projects = [str(session), str(elsewhere)]
    settings.last_import_dir = str(data / "datos")
    store.save(settings)

    moved = tmp_path / "F" / "StationMap"
    moved.parent.mkdir()
    first.rename(moved)
    run_from(moved)
    again = SettingsStore().load()
    assert again.recent_projects == [str(moved / PORTABLE_FOLDER / "capacitacion" / "sesion_1" / "estacion.stationmap"),
                                     str(elsewhere)]
    assert again.last_import_dir == str(moved / PORTABLE_FOLDER / "datos")
