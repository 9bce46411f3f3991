"""Informes → "Informe semanal…": pick a week, a threshold and a folder; write the four files.

The files come from `reports.jobs.run_brief`, the same function the CLI's
`stationmap brief` calls, run on the worker with a progress bar and Cancel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from stationmap.core.errors import StationMapError
from stationmap.core.messages import render
from stationmap.ui.error_display import show_error
from stationmap.ui.system_open import open_or_explain
from stationmap.ui.tasks import TaskProgressDialog, owned_runner

DEFAULT_THRESHOLD = 3


def _run_brief(request: Any, progress: Any) -> list[Path]:
    from stationmap.reports.jobs import run_brief

    return run_brief(request, progress)


class BriefDialog(QDialog):
    """Writes the brief for the project file at `project_path`; `incidents` only fill the week list.

    It belongs to that project: when its window announces another one (opened, closed, or a training
    copy reset into a new folder), the dialog closes, since Generar would brief a project the user
    has left, or a file that no longer exists.
    """

    written = Signal(list)   # the files run_brief wrote

    def __init__(self, project_path: Path, incidents: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from stationmap.reports.brief_weeks import available_weeks

        self.setWindowTitle(self.tr("Informe semanal"))
        self._project_path = Path(project_path)
        self.files: list[Path] = []
        self.runner = owned_runner(self, self._show_files)
        project_changed = getattr(parent, "project_changed", None)   # the window's extension point
        if project_changed is not None:
            project_changed.connect(self._project_changed)

        weeks, complete = available_weeks(incidents)
        self.week = QComboBox(self)
        for label in weeks:
            self.week.addItem(label if label != complete else self.tr("%1 (última semana completa)")
                              .replace("%1", label), label)
        if complete is not None:
            self.week.setCurrentIndex(weeks.index(complete))
        self.threshold = QSpinBox(self)
        self.threshold.setRange(1, 50)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setToolTip(self.tr("La versión para la comunidad no muestra ningún conteo menor que este."))
        self.folder = QLineEdit(str(self._project_path.parent / "informes"), self)
        choose = QPushButton(self.tr("Elegir…"), self)
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)

        form = QFormLayout()
        form.addRow(self.tr("Semana (ISO):"), self.week)
        form.addRow(self.tr("Umbral de la versión comunitaria:"), self.threshold)
        form.addRow(self.tr("Carpeta de salida:"), folder_row)

        self.generate_button = QPushButton(self.tr("Generar informe"), self)
        self.generate_button.setDefault(True)
        self.generate_button.setEnabled(bool(weeks))
        self.generate_button.clicked.connect(self.generate)
        # Only weeks the data cover whole are listed (reports.brief_weeks): none for a project of
        # counts only, or with less than a week of incidents.
        self.result_label = QLabel(self.tr("No hay ninguna semana completa con incidentes fechados. El informe "
                                           "semanal necesita incidentes uno a uno, con su fecha; los conteos "
                                           "agregados (como los del SIDPOL) se ven en Ver → Estadísticas "
                                           "agregadas.") if not weeks else "", self)
        self.result_label.setWordWrap(True)
        self.file_list = QListWidget(self)
        self.file_list.itemDoubleClicked.connect(lambda item: self._open(Path(item.text())))
        self.open_folder_button = QPushButton(self.tr("Abrir carpeta"), self)
        self.open_pdf_button = QPushButton(self.tr("Abrir PDF"), self)
        for button in (self.open_folder_button, self.open_pdf_button):
            button.setEnabled(False)
        self.open_folder_button.clicked.connect(lambda: self._open(Path(self.folder.text())))
        self.open_pdf_button.clicked.connect(lambda: self._open(self.files[0]))
        open_row = QHBoxLayout()
        open_row.addWidget(self.generate_button)
        open_row.addStretch(1)
        open_row.addWidget(self.open_folder_button)
        open_row.addWidget(self.open_pdf_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(open_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.file_list, 1)
        layout.addWidget(close)
        self.resize(620, 380)

    def selected_week(self) -> str | None:
        return self.week.currentData()

    def generate(self) -> None:
        from stationmap.reports.jobs import BriefRequest, check_out_folder

        week = self.selected_week()
        if week is None:
            return
        folder = Path(self.folder.text()).expanduser()
        try:   # checked here, so the user hears "choose another folder" before any work; made only on writing
            check_out_folder(folder)
        except StationMapError as error:
            show_error(self, error)
            return
        request = BriefRequest(self._project_path, week, folder, threshold=self.threshold.value())
        self.file_list.clear()
        self.result_label.clear()
        TaskProgressDialog(self.runner, self.tr("Preparando el informe semanal…"), self)
        self.runner.start(_run_brief, request)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Carpeta de salida"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _show_files(self, files: list[Path]) -> None:
        self.files = list(files)
        self.file_list.addItems([str(f) for f in self.files])
        text = self.tr("Se escribieron %1 archivos. Doble clic en uno para abrirlo.").replace("%1", str(len(self.files)))
        provisional = getattr(files, "provisional_sectors", 0)
        if provisional:   # the project was not changed: say where the brief's sectors came from
            text += "\n" + render("brief.provisional_sectors", {"count": provisional})
        self.result_label.setText(text)
        self.open_folder_button.setEnabled(True)
        self.open_pdf_button.setEnabled(bool(self.files))
        self.written.emit(self.files)

    def _project_changed(self, project: Any) -> None:
        if project is not None and Path(project.path).resolve() == self._project_path.resolve():
            return   # the same project announced again (its table read after the map, a reload)
        self.reject()   # cancels a brief under way, and WA_DeleteOnClose (ui.brief) frees the dialog

    def _open(self, path: Path) -> None:
        open_or_explain(self, path)

    def reject(self) -> None:
        self.runner.cancel()
        self.runner.wait()
        super().reject()
