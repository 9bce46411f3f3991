"""From 'Importar' (menu, drag-and-drop) to the summary: dialog, worker, progress, result.

Owned by the main window; it sees the open project and the settings only
through what the window hands it, never by reaching into the window.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from stationmap.core.settings import Settings
from stationmap.ui.tasks import TaskProgressDialog, owned_runner

log = logging.getLogger(__name__)

# The dialogs are imported when first opened: the window builds an ImportFlow at start-up, on the
# way to the first map, and those modules (with csv and the mapping form) are not needed for it.
if TYPE_CHECKING:
    from stationmap.ui.import_dialog import ImportDialog
    from stationmap.ui.import_summary import ImportSummaryDialog


def _run_import(request: Any, progress: Any) -> Any:
    from stationmap.store.import_job import run

    return run(request, progress)


class ImportFlow(QObject):
    def __init__(self, window: QWidget, settings: Settings, project: Callable[[], Any],
                 save_settings: Callable[[], None], on_imported: Callable[[Any], None]) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings          # shared with the window, edited in place
        self._project = project            # the open store.project.Project, or None
        self._save_settings = save_settings
        self._on_imported = on_imported    # called with the ImportReport before its summary shows
        self.runner = owned_runner(self, self._show_summary, self._window)
        self.runner.cancelled.connect(self._on_cancelled)
        self.last_report: dict[str, Any] | None = None
        self.summary_dialog: "ImportSummaryDialog | None" = None
        self.cancel_notice: QMessageBox | None = None
        self._user_stopped = False   # the user pressed Cancel on the running import

    def choose_files(self) -> None:
        from stationmap.ui.import_dialog import FILE_FILTER

        files, _ = QFileDialog.getOpenFileNames(
            self._window, self.tr("Importar archivos"), self._start_folder(),
            self.tr("Tablas de incidentes (%1);;Todos los archivos (*)").replace("%1", FILE_FILTER))
        if files:
            self.begin([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Importar carpeta"), self._start_folder())
        if folder:
            self.begin([Path(folder)])

    def dialog_for(self, paths: list[Path]) -> "ImportDialog":
        """The import dialog for `paths` (shown by `begin`; tests drive it directly)."""
        from stationmap.ui.import_dialog import ImportDialog

        return ImportDialog(self._project(), paths, self._window, start_folder=self._start_folder())

    def _start_folder(self) -> str:
        """The folder of the last import, else the open project's (never the app's own data folder)."""
        from stationmap.ui.app_config import dialog_start_folder

        project = self._project()
        return dialog_start_folder(self._settings.last_import_dir,
                                   Path(project.path).parent if project is not None else "")

    def begin(self, paths: list[Path]) -> None:
        project = self._project()
        if project is None:
            return
        if not Path(project.path).exists():
            from stationmap.core.errors import ProjectError
            from stationmap.ui.error_display import show_error

            show_error(self._window, ProjectError("project.gone", path=str(project.path)))
            return
        dialog = self.dialog_for(paths)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start(dialog.request())

    def start(self, request: Any) -> None:
        """Run the import on the worker with a progress bar and Cancel.

        Only into the project that is open: if its file has gone meanwhile, the import says so
        instead of making a new, empty project at the same path."""
        request = replace(request, create_missing=False)
        if request.paths:
            first = Path(request.paths[0])
            self._settings.last_import_dir = str(first if first.is_dir() else first.parent)
            self._save_settings()
        self._user_stopped = False
        # The progress stays up after Cancel until the import has really stopped: only then is it
        # known whether it rolled back or had already committed.
        progress = TaskProgressDialog(self.runner, self.tr("Importando…"), self._window,
                                      wait_on_cancel=True)
        progress.canceled.connect(self._note_user_stop)
        self.runner.start(_run_import, request)

    def _note_user_stop(self) -> None:
        self._user_stopped = True

    def _on_cancelled(self) -> None:
        """Tell the user a cancelled import left the project as it was (the import is one transaction).

        Only after their own Cancel: an import stopped by closing the project needs no notice."""
        if not self._user_stopped:
            return
        self._user_stopped = False
        self.cancel_notice = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Importación cancelada"),
            self.tr("Importación cancelada. No se importó nada: el proyecto quedó como estaba."),
            QMessageBox.StandardButton.Ok, self._window)
        self.cancel_notice.open()

    def _show_summary(self, report: Any) -> None:
        from stationmap.ui.import_summary import ImportSummaryDialog, counts_held, latest_import_id

        self._user_stopped = False   # Cancel came after the import had committed: its summary is the truth
        self._on_imported(report)
        self.last_report = report.to_json()
        project = self._project()
        if project is not None and any(f["kind"] == "aggregated" for f in self.last_report["files"]):
            try:
                import_id = latest_import_id(project)
                self.last_report["counts"] = counts_held(project, import_id) if import_id is not None else None
            except Exception:   # the summary still shows the rows; the window says what is wrong
                log.exception("counts of the import unreadable")
        self.summary_dialog = ImportSummaryDialog(self.last_report, self._window,
                                                  Path(project.path).parent if project is not None else None)
        self.summary_dialog.open()

    def show_history(self) -> None:
        from stationmap.ui.import_summary import ImportHistoryDialog

        if self._project() is not None:
            ImportHistoryDialog(self._project(), self._window).exec()

    def cancel(self) -> None:
        self._user_stopped = False
        self.runner.cancel()

    def wait(self) -> None:
        self.runner.wait()
