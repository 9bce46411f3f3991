"""Old-format Excel (.xls, BIFF) as some station computers still save it."""

from __future__ import annotations

import datetime

import pytest

from stationmap.io.normalize import normalize
from stationmap.io.readers import read_table

xlwt = pytest.importorskip("xlwt")  # test-only writer; the app reads .xls with calamine/xlrd


def test_xls_register_reads_and_normalises_like_the_csv(tmp_path):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Registro")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    rows = [["REGISTRO DE DENUNCIAS - CPNP EL PORVENIR"], [],
            ["N° DENUNCIA", "FECHA HECHO", "HORA", "MODALIDAD", "LATITUD", "LONGITUD"],
            ["D001", datetime.date(2026, 11, 3), "21:30", "ROBO AGRAVADO", -8.07, -79.03],
            ["D002", datetime.date(2026, 11, 4), "08:15", "Hurto", -8.06, -79.02],
            ["D003", "31/02/2026", "10:00", "Hurto", -8.06, -79.02]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value, date_style if isinstance(value, datetime.date) else xlwt.Style.default_style)
    path = tmp_path / "registro.xls"
    book.save(str(path))
    raw = read_table(path)
    assert raw.header_line == 3 and list(raw.line_numbers) == [4, 5, 6]
    assert raw.frame["FECHA HECHO"].tolist()[:2] == ["2026-11-03", "2026-11-04"]
    result = normalize(raw)
    assert len(result.table) == 2 and [r.row for r in result.rejections] == [6]
    assert result.table["category"].tolist() == ["Robo", "Hurto"]
