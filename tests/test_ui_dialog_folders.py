"""Where the window's file dialogs open: never in the app's own (hidden) data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from stationmap.store.paths import sample_project_path
from stationmap.ui.app_config import SettingsStore, dialog_start_folder
from stationmap.ui.main_window import MainWindow


def test_after_the_sample_station_dialogs_open_in_the_users_folders_not_the_apps(
        qtbot, config_dir, tmp_path, sample_project_file):
    """QA: after 'Abrir estación de ejemplo', 'Nuevo proyecto' and 'Importar carpeta' opened in the app's
    data folder (where the sample lives), a hidden folder the user never chose."""
    sample = sample_project_path()                    # inside config_dir: STATIONMAP_CONFIG_DIR
    shutil.copy(sample_project_file, sample)
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    assert window.open_project(sample)
    for folder in (window._dialog_folder(), window.imports._start_folder()):
        assert config_dir.resolve() not in Path(folder).resolve().parents and Path(folder).resolve() != config_dir.resolve()
        assert Path(folder).is_dir()
    station = tmp_path / "comisaria"
    station.mkdir()
    assert window.create_project(station / "porvenir.stationmap")
    assert window._dialog_folder() == str(station.resolve())        # the last project's folder, again
    assert window.imports._start_folder() == str(station.resolve())


def test_the_start_folder_takes_the_first_usable_candidate(tmp_path, config_dir):
    inside = config_dir / "entrenamiento"
    inside.mkdir()
    assert dialog_start_folder("", inside, tmp_path / "no_existe", tmp_path) == str(tmp_path.resolve())
