"""The main window's menus and actions (Archivo, Importar, Ver, Ayuda).

Only builds actions and exposes them; the window connects them to its own slots,
so this module knows nothing about projects or imports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

LANGUAGE_NAMES = {"es": "Español", "en": "English"}


class MainMenus(QObject):
    recent_chosen = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&Archivo"))
        self.new_project = file_menu.addAction(self.tr("&Nuevo proyecto…"))
        self.new_project.setShortcut(QKeySequence.StandardKey.New)
        self.open_project = file_menu.addAction(self.tr("&Abrir proyecto…"))
        self.open_project.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Proyectos &recientes"))
        self.close_project = file_menu.addAction(self.tr("&Cerrar proyecto"))
        self.close_project.setShortcut(QKeySequence.StandardKey.Close)
        file_menu.addSeparator()
        self.export_table = file_menu.addAction(self.tr("&Exportar tabla…"))
        file_menu.addSeparator()
        self.quit = file_menu.addAction(self.tr("&Salir"))
        self.quit.setShortcut(QKeySequence.StandardKey.Quit)

        import_menu = bar.addMenu(self.tr("&Importar"))
        self.import_files = import_menu.addAction(self.tr("Importar &archivos…"))
        self.import_files.setShortcut(QKeySequence("Ctrl+I"))
        self.import_folder = import_menu.addAction(self.tr("Importar &carpeta…"))
        import_menu.addSeparator()
        self.import_reports = import_menu.addAction(self.tr("&Reportes de importación…"))

        self.view_menu = bar.addMenu(self.tr("&Ver"))
        self._panel_separator = self.view_menu.addSeparator()
        language_menu = self.view_menu.addMenu(self.tr("&Idioma"))
        self._language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setData(code)
            self._language_group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            self.language_actions[code] = action

        self._bar = bar
        self._extension_menus: dict[str, QMenu] = {}
        self.help_menu = bar.addMenu(self.tr("A&yuda"))
        self.about = self.help_menu.addAction(self.tr("&Acerca de StationMap"))

        self.project_actions = (self.close_project, self.export_table, self.import_files, self.import_folder,
                                self.import_reports)

    def extension_menu(self, key: str) -> QMenu:
        """Feature menus in a fixed order between Ver and Ayuda, made when first asked for."""
        if key == "help":
            return self.help_menu
        titles = {"map": self.tr("&Mapa"), "analysis": self.tr("A&nálisis"), "patrol": self.tr("&Patrullaje"),
                  "reports": self.tr("In&formes")}
        if key not in self._extension_menus:
            menu = QMenu(titles[key], self._bar)
            following = [m for k, m in self._extension_menus.items()
                         if list(titles).index(k) > list(titles).index(key)]
            before = following[0].menuAction() if following else self.help_menu.menuAction()
            self._bar.insertMenu(before, menu)
            self._extension_menus[key] = menu
        return self._extension_menus[key]

    def add_panel_toggle(self, action: QAction) -> None:
        """A dock's show/hide action, listed in Ver above the language menu."""
        self.view_menu.insertAction(self._panel_separator, action)

    def set_language(self, code: str) -> None:
        self.language_actions.get(code, self.language_actions["es"]).setChecked(True)

    def set_project_open(self, is_open: bool) -> None:
        for action in self.project_actions:
            action.setEnabled(is_open)

    def set_recent(self, paths: list[str]) -> None:
        menu: QMenu = self.recent_menu
        menu.clear()
        for path in paths:
            action = menu.addAction(f"{Path(path).name}  —  {path}")
            action.triggered.connect(lambda _checked=False, p=path: self.recent_chosen.emit(p))
            action.setEnabled(Path(path).is_file())   # greyed while its USB stick or drive is not connected
        menu.setEnabled(bool(paths))
