"""What happened to every row of an import: per-file counts, warnings, rejected rows.

Shown after each import and later from Importar > Reportes de importación. Both
take the report in the shape of `ImportReport.to_json()` (a plain dict), which
is also what the project keeps in its import history.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog,
                               QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from stationmap.core.errors import StationMapError
from stationmap.core.messages import current_language, render
from stationmap.core.numbers import count_text
from stationmap.core.timestamps import month_label, shown_timestamp
from stationmap.ui.error_display import show_error

# A folded warning names its first files and its last, not all eighteen months of a folder.
FILES_NAMED = 3


def _fill_table(table: QTableWidget, headers: list[str], rows: list[list[Any]],
                plain_numbers: frozenset[int] = frozenset(), stretch: int = -1) -> None:
    """`rows` into `table`; whole numbers right-aligned, as counts ("1,234") except in the columns
    `plain_numbers` (a file's line numbers, written as the user's editor shows them).

    Columns fit their contents, but column `stretch` (default the last) takes the width that is left
    and cuts its text short: a list of file names as wide as its text pushed the counts out of view."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            shown = count_text(value) if isinstance(value, int) and c not in plain_numbers else str(value)
            item = QTableWidgetItem(shown)
            item.setToolTip(str(value))   # long reasons and file names stay readable
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch % len(headers), QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.resizeRowsToContents()


def _fit_height(table: QTableWidget, max_rows: int) -> None:
    """Make a short table just tall enough for its rows, so no empty band is left below."""
    rows = min(table.rowCount(), max_rows)
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(rows))
    if table.rowCount() > max_rows:
        height += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height + 2)


REASON_HEADERS = ("archivo", "fila", "codigo", "motivo")


def counts_held(project: Any, import_id: int) -> dict[str, int] | None:
    """What the counts that import `import_id` added to `project` hold: rows, denuncias (the sum of
    their counts), districts and first and last month (yyyymm); None when it added none."""
    counts = project.counts()
    mine = counts[counts["import_id"] == import_id]
    if not len(mine):
        return None
    months = mine["year"].astype(int) * 100 + mine["month"].astype(int)
    return {"rows": int(len(mine)), "denuncias": int(round(float(mine["count"].sum()))),
            "districts": int(mine["ubigeo"].nunique()), "first": int(months.min()), "last": int(months.max())}


def latest_import_id(project: Any) -> int | None:
    imports = project.imports()
    return None if imports.empty else int(imports["id"].max())


def _warning_key(warning: dict[str, Any]) -> tuple[Any, ...]:
    """Warnings alike across files: the same code with the same data but for the file's own figures
    (how many rows, which rows). A record without code (an old report) folds by its words."""
    code, data = warning.get("code"), warning.get("data")
    if not code or not isinstance(data, dict):
        return ("", warning.get("message", ""))
    return (code, tuple(sorted((k, str(v)) for k, v in data.items() if k not in ("count", "rows", "file"))))


def _whole(value: Any) -> int | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None


def fold_warnings(warnings: list[dict[str, Any]], rows_text: str = "…"
                  ) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """The warnings grouped by `_warning_key`, in the order they first came: (the warning said once,
    with the rows of every file added up in its "count" and `rows_text` for the list of its rows, and
    the warnings of each file)."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for warning in warnings:
        groups.setdefault(_warning_key(warning), []).append(warning)
    folded = []
    for members in groups.values():
        first = dict(members[0])
        counts = [_whole((m.get("data") or {}).get("count")) for m in members]
        if len(members) > 1 and isinstance(first.get("data"), dict) and first.get("code"):
            data = dict(first["data"])
            if "count" in data and None not in counts:
                data["count"] = sum(counts)   # type: ignore[arg-type]
            if "rows" in data:
                data["rows"] = rows_text   # each file's rows are in its own line, under the folded one
            first["message"] = render(first["code"], data)
        folded.append((first, members))
    return folded


def write_rejections_csv(rejections: list[dict[str, Any]], path: Path,
                         reason_headers: tuple[str, ...] = REASON_HEADERS) -> None:
    """The rejected rows with their reasons and, after those, their cells as they were read: the user
    corrects them in a spreadsheet and imports this file again (the reason columns, named by
    `reason_headers` in the user's language, are not mapped). UTF-8 with BOM so Excel on a Spanish
    Windows reads the accents right."""
    columns = list(dict.fromkeys(name for item in rejections for name in (item.get("cells") or {})))
    try:
        with open(path, "w", newline="", encoding="utf-8-sig") as out:
            writer = csv.writer(out)
            writer.writerow([*reason_headers, *columns])
            for item in rejections:
                cells = item.get("cells") or {}
                writer.writerow([item.get("file", ""), item.get("row", ""), item.get("code", ""),
                                 item.get("message", ""), *(cells.get(name, "") for name in columns)])
    except OSError as error:
        raise StationMapError("ui.export_failed", path=str(path),
                              reason=error.strerror or str(error)) from error


class ImportSummaryDialog(QDialog):
    """`project_folder` (the project file's folder) is where the rejected rows are offered to go."""

    def __init__(self, report: dict[str, Any], parent: QWidget | None = None,
                 project_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.project_folder = project_folder
        self.setWindowTitle(self.tr("Resumen de importación"))
        self.resize(900, 600)
        self.report = report
        self.rejections: list[dict[str, Any]] = list(report.get("rejections", []))

        self.totals_label = QLabel(self.tr(
            "Filas leídas: %1 · importadas: %2 · duplicadas: %3 · rechazadas: %4")
            .replace("%1", count_text(report.get("rows_read", 0)))
            .replace("%2", count_text(report.get("imported", 0)))
            .replace("%3", count_text(report.get("duplicates", 0)))
            .replace("%4", count_text(report.get("rejected", 0))), self)
        self.totals_label.setStyleSheet("font-weight: bold;")
        # Counts per district and month (a SIDPOL table) are not incidents: they are not in the table
        # nor in the "Incidentes" counter, so the summary says what they are and where they show.
        self.counts_label = QLabel(self._counts_text(report), self)
        self.counts_label.setWordWrap(True)
        self.counts_label.setVisible(bool(self.counts_label.text()))

        self.files_table = QTableWidget(self)
        kinds = {"incidents": self.tr("incidentes"), "aggregated": self.tr("conteos agregados")}
        _fill_table(self.files_table,
                    [self.tr("Archivo"), self.tr("Tipo"), self.tr("Leídas"), self.tr("Importadas"),
                     self.tr("Duplicadas"), self.tr("Rechazadas")],
                    [[Path(f.get("file", "")).name, kinds.get(f.get("kind", ""), f.get("kind", "")),
                      int(f.get("rows_read", 0)), int(f.get("imported", 0)),
                      int(f.get("duplicates", 0)), int(f.get("rejected", 0))]
                     for f in report.get("files", [])], stretch=0)
        _fit_height(self.files_table, max_rows=6)

        # The same warning of every monthly file of a folder is one line (its rows added up, its files
        # named); each file's own line is under it, unfolded on a click.
        self.warnings_view = QTreeWidget(self)
        self.warnings_view.setHeaderHidden(True)
        self.warnings_view.setWordWrap(True)
        self.warnings_view.setMaximumHeight(140)
        # Completes a catalog sentence's "(filas {rows})": the rows are each file's, listed under it.
        rows_text = self.tr("en el detalle de cada archivo")
        for warning, members in fold_warnings(list(report.get("warnings", [])), rows_text):
            self.warnings_view.addTopLevelItem(self._warning_item(warning, members))

        self.rejections_table = QTableWidget(self)
        _fill_table(self.rejections_table, [self.tr("Archivo"), self.tr("Fila"), self.tr("Motivo")],
                    [[Path(r.get("file", "")).name, int(r.get("row", 0)), r.get("message", "")]
                     for r in self.rejections], plain_numbers=frozenset({1}))

        self.export_button = QPushButton(self.tr("Exportar rechazos a CSV…"), self)
        self.export_button.setEnabled(bool(self.rejections))
        self.export_button.clicked.connect(self._export_dialog)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.files_table)
        layout.addWidget(QLabel(self.tr("Avisos"), self))
        layout.addWidget(self.warnings_view)
        layout.addWidget(QLabel(self.tr("Filas rechazadas"), self))
        layout.addWidget(self.rejections_table, 1)
        layout.addWidget(buttons)
        self.warnings_view.setVisible(bool(report.get("warnings")))

    def warning_lines(self) -> list[str]:
        """The warnings as shown, one line per warning folded across files."""
        return [self.warnings_view.topLevelItem(i).text(0) for i in range(self.warnings_view.topLevelItemCount())]

    def _warning_item(self, warning: dict[str, Any], members: list[dict[str, Any]]) -> QTreeWidgetItem:
        def line(w: dict[str, Any]) -> str:
            return f"{Path(w.get('file', '')).name}: {w.get('message', '')}"

        if len(members) == 1:
            item = QTreeWidgetItem([line(warning)])
            item.setToolTip(0, line(warning))
            return item
        names = [Path(m.get("file", "")).name for m in members]
        shown = names if len(names) <= FILES_NAMED else [*names[:FILES_NAMED - 1], "…", names[-1]]
        files = self.tr("en %n archivos: %1", "", len(names)).replace("%1", ", ".join(shown))
        # The files on a line of their own: after the sentence, they were cut off at the dialog's edge.
        item = QTreeWidgetItem([f"{warning.get('message', '')}\n{files}"])
        item.setToolTip(0, "\n".join(names))
        for member in members:
            child = QTreeWidgetItem([line(member)])
            child.setToolTip(0, line(member))
            item.addChild(child)
        return item

    def _counts_text(self, report: dict[str, Any]) -> str:
        """For an import of counts: what they are, what they hold and where to see them; "" otherwise."""
        from stationmap.maps.labels import page_text

        if not any(f.get("kind") == "aggregated" for f in report.get("files", [])):
            return ""
        where = self.tr("Véalos en la capa «%1» del mapa y en Ver → Estadísticas agregadas.").replace(
            "%1", page_text(current_language())["layer_districts"])
        held = report.get("counts")
        if not held:
            return self.tr("Son conteos de denuncias por distrito y mes, no incidentes: no entran en la tabla de "
                           "incidentes. Esta importación no agregó conteos nuevos.") + " " + where
        return self.tr("Son conteos de denuncias por distrito y mes, no incidentes: %Ln denuncias en %1 "
                       "distritos, de %2 a %3.", "", int(held["denuncias"])) \
            .replace("%1", count_text(int(held["districts"]))) \
            .replace("%2", month_label(int(held["first"]))).replace("%3", month_label(int(held["last"]))) \
            + " " + where

    def export_folder(self) -> Path:
        """Beside the project file. Not the folder the imported files came from: that is usually a
        folder of monthly exports, and its next folder import would read the rejected rows as one more
        month (rejecting them again, or importing them half-corrected). The home folder without a
        project folder, or when it is gone (a USB stick taken out)."""
        if self.project_folder is not None and Path(self.project_folder).is_dir():
            return Path(self.project_folder)
        return Path.home()

    def _export_dialog(self) -> None:
        name = self.tr("rechazos") + f"_{dt.date.today():%Y-%m-%d}.csv"   # tr() outside the f-string: lupdate sees it
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Exportar rechazos"),
                                              str(self.export_folder() / name), "CSV (*.csv)")
        if path:
            headers = (self.tr("archivo"), self.tr("fila"), self.tr("codigo"), self.tr("motivo"))
            try:
                write_rejections_csv(self.rejections, Path(path), headers)
            except StationMapError as error:
                show_error(self, error)


class ImportHistoryDialog(QDialog):
    """Every import of the project; 'Ver detalle' opens its summary with its rejected rows."""

    def __init__(self, project: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reportes de importación"))
        self.resize(860, 420)
        self._project = project
        self._imports = project.imports()
        self.table = QTableWidget(self)
        _fill_table(self.table,
                    [self.tr("Fecha"), self.tr("Archivos"), self.tr("Leídas"), self.tr("Importadas"),
                     self.tr("Duplicadas"), self.tr("Rechazadas")],
                    [[shown_timestamp(row.started_at), self._file_names(row.files), int(row.rows_read),
                      int(row.imported), int(row.duplicates), int(row.rejected)]
                     for row in self._imports.itertuples()], stretch=1)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.show_detail(row))
        detail = QPushButton(self.tr("Ver detalle"), self)
        detail.clicked.connect(lambda: self.show_detail(self.table.currentRow()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(detail, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if self._imports.empty:
            layout.addWidget(QLabel(self.tr("Este proyecto aún no tiene importaciones."), self))
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    @staticmethod
    def _file_names(files_json: str) -> str:
        try:
            files = json.loads(files_json)
        except (TypeError, json.JSONDecodeError):
            return str(files_json)
        return ", ".join(Path(str(f)).name for f in files) if isinstance(files, list) else str(files)

    def report_for(self, row: int) -> dict[str, Any]:
        record = self._imports.iloc[row]
        try:
            report = json.loads(record["report_json"] or "{}")
        except (TypeError, json.JSONDecodeError):
            report = {}
        for key in ("rows_read", "imported", "duplicates", "rejected"):
            report[key] = int(record[key])
        rejected = self._project.rejections(int(record["id"]))
        report["rejections"] = rejected[["file", "row", "code", "message", "cells"]].to_dict("records")
        if any(f.get("kind") == "aggregated" for f in report.get("files", []) if isinstance(f, dict)):
            report["counts"] = counts_held(self._project, int(record["id"]))
        return report

    def show_detail(self, row: int) -> None:
        if 0 <= row < len(self._imports):
            ImportSummaryDialog(self.report_for(row), self, Path(self._project.path).parent).exec()
