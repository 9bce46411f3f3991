"""ui.system_open: an exported file opened with the computer's program, or the user told where it is."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices

from stationmap.ui.system_open import open_or_explain, open_with_system


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: calls.append(url.toLocalFile()) or True)
    return calls


def test_a_file_with_a_default_program_is_opened(qtbot, tmp_path, xdg_mime, opened):
    pdf = tmp_path / "informe.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    assert open_with_system(pdf) and opened == [str(pdf)]


def test_without_a_program_nothing_is_started_and_the_user_learns_where_the_file_is(
        qtbot, tmp_path, xdg_mime, opened, captured_boxes):
    xdg_mime("")                                     # `xdg-mime query default application/pdf` says nothing
    pdf = tmp_path / "salida" / "informe.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4\n")
    assert not open_with_system(pdf) and opened == []
    open_or_explain(None, pdf)
    assert len(captured_boxes) == 1
    assert "no tiene un programa para abrir «informe.pdf»" in captured_boxes[0] and str(pdf.parent) in captured_boxes[0]
    open_or_explain(None, pdf.parent)                # "¿Abrir la carpeta?" on a desktop without a file manager
    assert "no tiene un programa para mostrar carpetas" in captured_boxes[1] and str(pdf.parent) in captured_boxes[1]
