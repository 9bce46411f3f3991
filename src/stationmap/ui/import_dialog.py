"""Choose what to import, look at the first rows, confirm or fix the guessed columns.

The dialog only builds an `ImportRequest`; the import itself runs on a worker
(`ui.import_flow`). The preview comes from `io.preview.preview`, the same guess
the importer makes, so what the user confirms here is what will be applied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (QDragEnterEvent, QDropEvent, QKeyEvent, QPalette, QStandardItem,
                           QStandardItemModel)
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QListWidget,
                               QPushButton, QRadioButton, QScrollArea, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from stationmap.ui.error_display import show_error
from stationmap.ui.mapping_form import MappingForm

PREVIEW_ROWS = 50
FILE_FILTER = "*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.geojson *.json"
# Room for a wide preview and both columns of the mapping form, where the screen has it.
PREFERRED_SIZE = QSize(1100, 760)
# Still shows some preview rows, a few mapping fields (they scroll) and the buttons.
MINIMUM_SIZE = QSize(640, 440)
# The title bar and borders the window manager adds outside the dialog's own size.
WINDOW_FRAME = QSize(16, 40)


class FileList(QListWidget):
    """The files to import; Delete (or Backspace) asks to remove the selected ones."""

    remove_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selectedItems():
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)


class ImportDialog(QDialog):
    def __init__(self, project: Any, paths: list[Path], parent: QWidget | None = None,
                 start_folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importar incidentes"))
        self.setAcceptDrops(True)
        self._project = project
        self._start_folder = start_folder
        self.paths: list[Path] = []
        self._unreadable: set[Path] = set()   # files whose preview failed; the import will warn about them
        self._previewed: Path | None = None
        self.preview: Any = None
        self.mapping_edited = False   # True once the user changed the guess in any way

        self.files_list = FileList(self)
        self.files_list.setMaximumHeight(90)
        self.files_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files_list.currentRowChanged.connect(self._preview_row)
        self.files_list.remove_requested.connect(self.remove_selected)
        add_files = QPushButton(self.tr("Agregar archivos…"), self)
        add_files.clicked.connect(self._add_files_dialog)
        add_folder = QPushButton(self.tr("Agregar carpeta…"), self)
        add_folder.clicked.connect(self._add_folder_dialog)
        self.remove_button = QPushButton(self.tr("Quitar"), self)
        self.remove_button.setToolTip(self.tr("Quitar de la lista los archivos seleccionados (Supr)"))
        self.remove_button.clicked.connect(self.remove_selected)

        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        # A workbook's sheet: shown only for a workbook of several sheets. The importer picks the first
        # sheet holding a table it recognises; a cover sheet, or a second table, is the user's call.
        self.sheet_label = QLabel(self.tr("Hoja:"), self)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.activated.connect(self._on_sheet_chosen)
        self.sheet: str | None = None   # the sheet the user chose; None: the importer's choice
        self.preview_model = QStandardItemModel(self)
        self.preview_view = QTableView(self)
        self.preview_view.setModel(self.preview_model)
        self.preview_view.verticalHeader().setDefaultSectionSize(20)

        self.mapping_form = MappingForm(self)
        self.mapping_form.changed.connect(self._mark_edited)
        mapping_scroll = QScrollArea(self)
        mapping_scroll.setWidgetResizable(True)
        mapping_scroll.setWidget(self.mapping_form)

        self.day_first_box = QGroupBox(self.tr("Las fechas de este archivo pueden leerse de dos "
                                               "formas. ¿Cómo están escritas?"), self)
        self.day_first_radio = QRadioButton(self.tr("día/mes/año (dd/mm/aaaa)"), self)
        self.month_first_radio = QRadioButton(self.tr("mes/día/año (mm/dd/aaaa)"), self)
        self._day_first_group = QButtonGroup(self)
        for radio in (self.day_first_radio, self.month_first_radio):
            self._day_first_group.addButton(radio)
            radio.toggled.connect(self._on_day_first)
        day_layout = QHBoxLayout(self.day_first_box)
        day_layout.addWidget(self.day_first_radio)
        day_layout.addWidget(self.month_first_radio)
        self.day_first_box.hide()

        self.profile_combo = QComboBox(self)
        load_profile = QPushButton(self.tr("Cargar perfil"), self)
        load_profile.clicked.connect(lambda: self.load_profile(self.profile_combo.currentText()))
        save_profile = QPushButton(self.tr("Guardar como perfil…"), self)
        save_profile.clicked.connect(self._save_profile_dialog)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("Importar"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancelar"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        files_row = QHBoxLayout()
        files_row.addWidget(self.files_list, 1)
        files_buttons = QVBoxLayout()
        files_buttons.addWidget(add_files)
        files_buttons.addWidget(add_folder)
        files_buttons.addWidget(self.remove_button)
        files_buttons.addStretch(1)
        files_row.addLayout(files_buttons)
        profile_row = QHBoxLayout()
        profile_row.addWidget(QLabel(self.tr("Perfil de columnas:"), self))
        profile_row.addWidget(self.profile_combo, 1)
        profile_row.addWidget(load_profile)
        profile_row.addWidget(save_profile)
        mapping_box = QWidget(self)
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_layout.addWidget(QLabel(self.tr("<b>Columnas</b> (corrija lo que no corresponda)"), self))
        mapping_layout.addWidget(mapping_scroll, 1)
        mapping_layout.addLayout(profile_row)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.preview_view)
        splitter.addWidget(mapping_box)
        splitter.setSizes([330, 330])
        info_row = QHBoxLayout()
        info_row.addWidget(self.info_label, 1)
        info_row.addWidget(self.sheet_label)
        info_row.addWidget(self.sheet_combo)
        self._show_sheets([])
        layout = QVBoxLayout(self)
        layout.addLayout(files_row)
        layout.addLayout(info_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.day_first_box)
        layout.addWidget(self.buttons)

        self._refresh_profiles()
        self.add_paths(paths)
        self.fit_to((parent or self).screen().availableGeometry())

    def fit_to(self, available: QRect) -> None:
        """Take the preferred size where the screen's free area (without the taskbar) has room for it
        and the frame around it, else that area: a laptop's 1366×768 is smaller than the preferred
        size, and a dialog taller than the screen hides its Importar button."""
        room = available.size() - WINDOW_FRAME
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(room))
        self.resize(PREFERRED_SIZE.boundedTo(room).expandedTo(self.minimumSize()))

    # --- files ----------------------------------------------------------------------------
    def add_paths(self, paths: list[Path]) -> None:
        """Add files and folders (a folder adds its supported files); previews the first."""
        from stationmap.io.readers import expand_inputs

        if not paths:
            self._update_buttons()
            return
        try:
            found = expand_inputs(paths)
        except Exception as error:
            show_error(self, error)
            found = []
        for path in found:
            if path not in self.paths:
                self.paths.append(path)
                self.files_list.addItem(path.name)
        if self.files_list.currentRow() < 0 and self.paths:
            self.files_list.setCurrentRow(0)
        self._update_buttons()

    def remove_selected(self) -> None:
        """Take the selected files off the list; the preview moves on if its file went."""
        rows = sorted({index.row() for index in self.files_list.selectedIndexes()}, reverse=True)
        if not rows:
            return
        # One preview at the end, not one per row the list passes through while shrinking.
        self.files_list.blockSignals(True)
        for row in rows:
            self._unreadable.discard(self.paths.pop(row))
            self.files_list.takeItem(row)
        kept = self._previewed in self.paths
        row = self.paths.index(self._previewed) if kept else min(rows[-1], len(self.paths) - 1)
        self.files_list.setCurrentRow(row)
        self.files_list.blockSignals(False)
        if not self.paths:
            self._clear_preview("")
        elif not kept:
            self.show_preview(self.paths[row])
        self._update_buttons()

    def _add_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Archivos a importar"), self._start_folder,
            self.tr("Tablas de incidentes (%1);;Todos los archivos (*)").replace("%1", FILE_FILTER))
        self.add_paths([Path(f) for f in files])

    def _add_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Carpeta a importar"), self._start_folder)
        if folder:
            self.add_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        event.acceptProposedAction()
        self.add_paths([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])

    # --- preview --------------------------------------------------------------------------
    def _preview_row(self, row: int) -> None:
        if 0 <= row < len(self.paths):
            self.show_preview(self.paths[row])

    def show_preview(self, path: Path) -> None:
        from stationmap.io.preview import preview

        self._previewed = path
        try:
            sheets = self._sheets_of(path)
            sheet = self.sheet if self.sheet in sheets else None
            result = preview(path, rows=PREVIEW_ROWS, sheet=sheet)
        except Exception as error:   # InputFileError explains itself; a bug is logged
            if self.sheet_combo.count() > 1:   # no table on the sheets tried: the user may pick one
                self._clear_preview(str(error))
                self._update_buttons()
                return
            self._mark_unreadable(path)
            self._update_buttons()
            show_error(self, error)
            return
        self.preview = result
        if self.mapping_edited and self.mapping_form.mapping() is not None:
            # Keep the user's corrections when moving between files of the same export.
            result.mapping = self.mapping_form.mapping()
        self._show_raw(result.raw)
        if result.raw.sheet:
            self.sheet_combo.setCurrentText(result.raw.sheet)
        self.info_label.setText(self._describe(result))
        self.mapping_form.set_mapping(list(result.raw.frame.columns), result.mapping)
        self.day_first_box.setVisible(bool(result.day_first_ambiguous))
        self._update_buttons()

    def _sheets_of(self, path: Path) -> list[str]:
        """The workbook's sheets, also shown in the chooser when there are several ([] for a text file)."""
        from stationmap.io.readers import sheet_names

        try:
            sheets = sheet_names(path)
        finally:
            self._show_sheets([])
        self._show_sheets(sheets)
        return sheets

    def _show_sheets(self, sheets: list[str]) -> None:
        self.sheet_combo.clear()
        self.sheet_combo.addItems(sheets)
        for widget in (self.sheet_label, self.sheet_combo):
            widget.setVisible(len(sheets) > 1)

    def _on_sheet_chosen(self, index: int) -> None:
        self.sheet = self.sheet_combo.itemText(index)
        self.mapping_edited = False   # another sheet, other columns: guessed afresh
        if self._previewed is not None:
            self.show_preview(self._previewed)

    def _mark_unreadable(self, path: Path) -> None:
        """Say the file cannot be read; with other files on the list, that they can still be imported
        (the import skips an unreadable file among several and reports it as a warning)."""
        self._unreadable.add(path)
        if len(self.paths) > 1:
            text = self.tr("No se pudo leer %1. Puede quitarlo de la lista; si lo deja, la importación "
                           "lo omitirá y lo anotará como aviso.").replace("%1", path.name)
        else:
            text = self.tr("No se pudo leer %1.").replace("%1", path.name)
        item = self.files_list.item(self.paths.index(path))
        item.setForeground(self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        item.setToolTip(text)
        self._clear_preview(text)

    def _clear_preview(self, text: str) -> None:
        self.preview = None
        self.preview_model.clear()
        self.info_label.setText(text)
        if not self.paths:
            self.day_first_box.hide()

    def _describe(self, result: Any) -> str:
        raw = result.raw
        kind = getattr(result.kind, "value", str(result.kind))
        kinds = {"incidents": self.tr("registro de incidentes"),
                 "aggregated": self.tr("tabla agregada (conteos por distrito y mes)")}
        delimiters = {",": self.tr("coma"), ";": self.tr("punto y coma"), "|": self.tr("barra |"),
                      "\t": self.tr("tabulador")}
        # A text file's encoding and delimiter; a spreadsheet's sheet. Neither has the other's.
        parts = []
        if raw.encoding:
            parts.append(self.tr("Codificación: %1").replace("%1", self._encoding_text(raw)))
        if raw.delimiter:
            parts.append(self.tr("Separador: %1").replace("%1", delimiters.get(raw.delimiter, raw.delimiter)))
        if raw.sheet:
            parts.append(self.tr("Hoja: %1").replace("%1", raw.sheet))
        parts.append(self.tr("Tipo: %1").replace("%1", kinds.get(kind, kind)))
        parts.append(self.tr("Vista previa de las primeras %1 filas").replace("%1", str(len(raw.frame))))
        return " · ".join(parts)

    def _encoding_text(self, raw: Any) -> str:
        """The preview's encoding in words, and what it was judged on: the preview reads only the first
        rows of a long file, and the import, which reads it all, must not be seen to contradict it."""
        from stationmap.io.readers import ENCODING_FIRST_ROWS, ENCODING_OTHER_LATER

        text = self._encoding_name(raw.encoding)
        if raw.encoding_scope == ENCODING_OTHER_LATER:
            return self.tr("%1 al comienzo; más adelante hay líneas en otra codificación, que la "
                           "importación leerá con la suya").replace("%1", text)
        if raw.encoding_scope == ENCODING_FIRST_ROWS:
            return self.tr("%1 (según las primeras filas)").replace("%1", text)
        return text

    def _encoding_name(self, label: str) -> str:
        """The reader's encoding label (RawTable.encoding, kept as is in the import report) in the
        user's language: codec names in capitals, mixed files described."""
        from stationmap.io.readers import mixed_encoding_parts

        mixed = mixed_encoding_parts(label)
        if mixed is None:
            return self.tr("UTF-8 con BOM") if label == "utf-8-sig" else label.upper()
        fallback, lines = mixed
        if lines is None:
            return self.tr("mixta: encabezado en %1, filas en UTF-8").replace("%1", fallback.upper())
        if lines == 1:
            return self.tr("mixta: UTF-8, salvo 1 línea en %1").replace("%1", fallback.upper())
        return (self.tr("mixta: UTF-8, salvo %1 líneas en %2")
                .replace("%1", str(lines)).replace("%2", fallback.upper()))

    def _show_raw(self, raw: Any) -> None:
        frame = raw.frame
        self.preview_model.clear()
        self.preview_model.setHorizontalHeaderLabels([str(c) for c in frame.columns])
        for values in frame.itertuples(index=False):
            self.preview_model.appendRow([QStandardItem(str(v)) for v in values])
        self.preview_model.setVerticalHeaderLabels([str(n) for n in raw.line_numbers])
        self.preview_view.resizeColumnsToContents()

    # --- mapping --------------------------------------------------------------------------
    def _mark_edited(self) -> None:
        self.mapping_edited = True
        self._update_buttons()

    def _on_day_first(self) -> None:
        mapping = self.mapping_form.mapping()
        if mapping is None:
            return
        if self.day_first_radio.isChecked():
            mapping.day_first = True
        elif self.month_first_radio.isChecked():
            mapping.day_first = False
        self._mark_edited()

    def _refresh_profiles(self) -> None:
        self.profile_combo.clear()
        if self._project is not None:
            self.profile_combo.addItems(sorted(self._project.mapping_profiles()))

    def load_profile(self, name: str) -> None:
        profile = self._project.mapping_profiles().get(name) if self._project is not None else None
        if profile is None or self.preview is None:
            return
        self.preview.mapping = profile
        self.mapping_form.set_mapping(list(self.preview.raw.frame.columns), profile)
        self._mark_edited()

    def save_profile(self, name: str) -> None:
        try:
            self._project.save_mapping_profile(name, self.mapping_form.mapping())
        except Exception as error:
            show_error(self, error)
            return
        self._refresh_profiles()
        self.profile_combo.setCurrentText(name)

    def _save_profile_dialog(self) -> None:
        if self.mapping_form.mapping() is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Guardar perfil"), self.tr("Nombre del perfil:"))
        if ok and name.strip():
            self.save_profile(name.strip())

    def _update_buttons(self) -> None:
        answered = (self.day_first_box.isHidden()
                    or self.day_first_radio.isChecked() or self.month_first_radio.isChecked())
        # A file that cannot be read does not hold back the others.
        readable = any(path not in self._unreadable for path in self.paths)
        self.import_button.setEnabled(readable and answered)
        self.remove_button.setEnabled(bool(self.paths))

    # --- result ---------------------------------------------------------------------------
    def request(self) -> Any:
        """The ImportRequest the user confirmed.

        An untouched guess is not forced on the other files: each file is then guessed
        on its own (or matched to a saved profile) by the importer.
        """
        from stationmap.store.import_job import ImportRequest

        mapping = self.mapping_form.mapping() if self.mapping_edited else None
        return ImportRequest(project=Path(self._project.path), paths=list(self.paths), mapping=mapping,
                             sheet=self.sheet)
