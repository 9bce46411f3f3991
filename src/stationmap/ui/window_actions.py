"""Two menu actions of the main window that need nothing of its state but the table and the log:
Archivo ▸ Exportar tabla and Ayuda ▸ Acerca de. Their texts keep the "MainWindow" translation context
(spelled out in each call: lupdate collects only literal QCoreApplication.translate calls)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from stationmap.store.paths import log_path
from stationmap.ui.error_display import show_error


def export_table_dialog(window: Any) -> None:
    if window.incidents is None:
        return
    title = QCoreApplication.translate("MainWindow", "Exportar tabla")
    kinds = QCoreApplication.translate("MainWindow", "CSV (*.csv);;Excel (*.xlsx)")
    path, _ = QFileDialog.getSaveFileName(window, title, str(Path.home() / "incidentes.csv"), kinds)
    if path:
        export_table(window, Path(path))


def export_table(window: Any, path: Path) -> None:
    """Write the incidents the window's table shows now (filter applied) to CSV or XLSX."""
    from stationmap.io.table_export import export_table as write_table

    try:
        # The table as it shows: its columns, order and texts in the user's language (no descriptions).
        write_table(window.incident_panel.table_for_export(), path,
                    sheet_name=QCoreApplication.translate("MainWindow", "Incidentes"))
    except Exception as error:
        show_error(window, _with_translated_reason(error))
    else:
        done = QCoreApplication.translate("MainWindow", "Tabla exportada: %1")
        window.statusBar().showMessage(done.replace("%1", str(path)), 8000)


def show_about(window: Any) -> None:
    from stationmap import __version__

    text = QCoreApplication.translate(
        "MainWindow", "<h3>StationMap %1</h3>"
        "<p>Mapa del delito y plan de patrullaje para comisarías, sin conexión a internet.</p>"
        "<p>Datos de mapas © OpenStreetMap contributors (ODbL).</p>"
        "<p>Los incidentes de la estación de ejemplo son sintéticos: no son denuncias reales.</p>"
        "<p>Archivo de registro:<br>%2</p>")
    QMessageBox.about(window, QCoreApplication.translate("MainWindow", "Acerca de StationMap"),
                      text.replace("%1", __version__).replace("%2", str(log_path())))


def _with_translated_reason(error: Exception) -> Exception:
    """A refused write said with the reason in the user's language ("Operation not permitted" is not
    Spanish); the system's own words stay on the error's cause, for the log."""
    from stationmap.core.errors import StationMapError, os_reason_code
    from stationmap.core.messages import render

    code = os_reason_code(error.__cause__)
    if not isinstance(error, StationMapError) or "reason" not in error.data or code is None:
        return error
    translated = StationMapError(error.code, **{**error.data, "reason": render(code)})
    translated.__cause__ = error.__cause__
    return translated
