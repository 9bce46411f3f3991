"""The first screen: its recent projects list shows names and where they are, without a sideways scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stationmap.ui.start_page import RECENT_LIST_WIDTH, StartPage


def test_recent_projects_use_the_columns_width_and_shorten_long_paths_in_the_middle(qtbot, tmp_path):
    page = StartPage()
    qtbot.addWidget(page)
    page.resize(1366, 700)
    project = tmp_path / "MEMORIA USB" / "Informes de la comisaría El Porvenir" / "2026" / "noviembre" / "porvenir.stationmap"
    project.parent.mkdir(parents=True)
    project.touch()
    long_path = str(project)
    page.set_recent([long_path, str(tmp_path / "cajamarca.stationmap")])
    page.show()
    qtbot.waitExposed(page)
    listing = page.recent_list
    assert listing.width() >= RECENT_LIST_WIDTH
    assert listing.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert listing.textElideMode() == Qt.TextElideMode.ElideMiddle
    first = listing.item(0)
    assert first.toolTip() == long_path and first.data(Qt.ItemDataRole.UserRole) == long_path
    assert first.text().startswith("porvenir  —  ")


def test_a_project_on_a_stick_not_connected_stays_listed_greyed_and_a_deleted_one_leaves(
        qtbot, config_dir, tmp_path, sample_project_file):
    """QA: a project whose stick was not plugged in vanished from the lists without a word, and was
    not there the next day with the stick in."""
    import shutil

    from stationmap.ui.app_config import SettingsStore
    from stationmap.ui.main_window import MainWindow

    here = tmp_path / "aqui.stationmap"
    shutil.copy(sample_project_file, here)
    deleted = tmp_path / "borrado.stationmap"                       # its folder is here, the file is not
    on_stick = tmp_path / "USB_no_conectada" / "porvenir.stationmap"  # its whole folder is missing
    store = SettingsStore(config_dir)
    settings = store.load()
    settings.recent_projects = [str(on_stick), str(deleted), str(here)]
    store.save(settings)
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    window._show_project_state()
    assert window.settings.recent_projects == [str(on_stick), str(here)]
    item = window.start_page.recent_list.item(0)
    assert item.text().endswith("(no disponible)") and not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "conecte la memoria USB" in item.toolTip()
    assert window.start_page.recent_list.item(1).flags() & Qt.ItemFlag.ItemIsEnabled
    actions = window.menus.recent_menu.actions()
    assert [a.isEnabled() for a in actions] == [False, True]


def test_archivo_cerrar_proyecto_goes_back_to_the_first_screen_after_asking_about_unsaved_work(
        qtbot, config_dir, tmp_path, monkeypatch):
    """QA: the only ways out of a project were Salir or opening another one."""
    import stationmap.ui.unsaved_work as unsaved_work
    from stationmap.ui.app_config import SettingsStore
    from stationmap.ui.main_window import MainWindow

    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    assert not window.menus.close_project.isEnabled()
    assert window.create_project(tmp_path / "p.stationmap")
    assert window.menus.close_project.isEnabled()
    asked, answers = [], [unsaved_work.Choice.CANCEL, unsaved_work.Choice.DISCARD]
    monkeypatch.setattr(unsaved_work, "ask", lambda parent, work: asked.append(work.description) or answers.pop(0))
    window.add_unsaved_work(lambda: unsaved_work.UnsavedWork("El plan de la semana 47 no está guardado.", lambda: True))
    window.menus.close_project.trigger()                      # Cancel: the project stays open
    assert window.project is not None and len(asked) == 1
    window.menus.close_project.trigger()                      # Discard: closed, back to the first screen
    assert window.project is None and window.pages.currentWidget() is window.start_page
    assert not window.menus.close_project.isEnabled() and answers == []
