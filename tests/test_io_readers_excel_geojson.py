"""io.readers on Excel workbooks and GeoJSON made in the test: cell text, header rows, broken files."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest

from stationmap.core.errors import InputFileError
from stationmap.io.readers import read_table


def error_code(path, **kwargs) -> str:
    with pytest.raises(InputFileError) as caught:
        read_table(path, **kwargs)
    assert caught.value.data["file"] == str(path)
    return caught.value.code


@pytest.fixture
def workbook_path(tmp_path):
    """A police-style export: a title row, a blank row, the header on row 3 starting in column B."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Denuncias"
    sheet["B1"] = "REGISTRO DE DENUNCIAS - CPNP EL PORVENIR"
    sheet.append([])
    sheet.append([None, "id", "fecha", "hora", "fecha_hora", "modalidad", "latitud", "ubigeo", "fecha"])
    sheet.append([None, 8325024.0, dt.date(2026, 11, 16), dt.time(21, 30), dt.datetime(2026, 11, 16, 21, 30, 5),
                  "Extorsión", -8.0712345, 130102, "texto"])
    sheet.append([])
    sheet.append([None, 8325025, dt.datetime(2026, 11, 17), None, None, "Robo", None, "060101", None])
    sheet["B6"].number_format = "0"
    other = book.create_sheet("Resumen")
    other.append(["distrito", "total"])
    other.append(["EL PORVENIR", 12])
    path = tmp_path / "denuncias.xlsx"
    book.save(path)
    return path


def test_excel_cells_become_the_text_a_spreadsheet_shows(workbook_path):
    table = read_table(workbook_path)
    assert table.sheet == "Denuncias" and table.encoding == "" and table.delimiter == ""
    assert table.header_line == 3
    assert list(table.frame.columns) == ["id", "fecha", "hora", "fecha_hora", "modalidad", "latitud", "ubigeo",
                                         "fecha_2"]
    first, second = table.frame.to_dict("records")
    assert first == {"id": "8325024", "fecha": "2026-11-16", "hora": "21:30:00", "fecha_hora": "2026-11-16 21:30:05",
                     "modalidad": "Extorsión", "latitud": "-8.0712345", "ubigeo": "130102", "fecha_2": "texto"}
    assert second["id"] == "8325025" and second["fecha"] == "2026-11-17" and second["ubigeo"] == "060101"
    assert second["hora"] == "" and second["latitud"] == ""
    assert table.line_numbers.tolist() == [4, 6]  # the spreadsheet's own row numbers; row 5 is blank
    assert {w.code for w in table.warnings} == {"read.header_not_first", "read.duplicate_columns"}


def test_the_fallback_reader_gives_the_same_text_as_calamine(workbook_path):
    """openpyxl reads a workbook calamine cannot; a cell must read the same whichever reader ran."""
    from stationmap.io.excel_files import _Calamine, _Openpyxl, cell_text

    def as_text(book):
        try:
            return [[cell_text(value) for value in row] for row in book.rows("Denuncias", None)]
        finally:
            book.close()

    calamine_rows, openpyxl_rows = as_text(_Calamine(str(workbook_path))), as_text(_Openpyxl(str(workbook_path)))
    width = max(len(row) for row in calamine_rows)
    assert [row + [""] * (width - len(row)) for row in openpyxl_rows] == calamine_rows
    assert calamine_rows[3][1:4] == ["8325024", "2026-11-16", "21:30:00"]


def test_excel_named_sheet_and_missing_sheet(workbook_path):
    table = read_table(workbook_path, sheet="Resumen")
    assert table.frame.to_dict("records") == [{"distrito": "EL PORVENIR", "total": "12"}]
    with pytest.raises(InputFileError) as caught:
        read_table(workbook_path, sheet="Enero")
    assert caught.value.code == "read.sheet_not_found"
    assert "Denuncias, Resumen" in caught.value.message("es")


def test_excel_max_rows(workbook_path):
    table = read_table(workbook_path, max_rows=1)
    assert table.frame["id"].tolist() == ["8325024"] and table.line_numbers.tolist() == [4]


def test_text_file_named_xlsx_is_told_to_be_renamed(tmp_path):
    path = tmp_path / "falso.xlsx"
    path.write_text("id;fecha\n1;01/11/2026\n")
    with pytest.raises(InputFileError) as caught:
        read_table(path)
    assert caught.value.code == "read.excel_is_text"
    assert ".csv" in caught.value.message("es") and "falso.xlsx" in caught.value.message("en")


def test_web_page_named_xls(tmp_path):
    path = tmp_path / "reporte.xls"
    path.write_text("<html><body><table><tr><td>id</td><td>fecha</td></tr></table></body></html>")
    assert error_code(path) == "read.excel_is_html"


def test_empty_and_random_files_named_xlsx(tmp_path):
    empty = tmp_path / "vacio.xlsx"
    empty.write_bytes(b"")
    assert error_code(empty) == "read.empty"
    noise = tmp_path / "ruido.xls"
    noise.write_bytes(bytes(range(256)) * 40)
    assert error_code(noise) == "read.corrupt"


def test_truncated_xlsx_is_corrupt(tmp_path, workbook_path):
    data = workbook_path.read_bytes()
    path = tmp_path / "cortado.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert error_code(path) == "read.corrupt"


@pytest.mark.parametrize("name", ["falso.xlsx", "falso.xls"])
def test_a_damaged_workbook_is_explained_in_words_and_the_librarys_reason_logged(tmp_path, caplog, name):
    """The library's reason ("Cannot detect file format") is English and no help to the user: it goes to
    the log (and stays the error's cause), the message says what to do."""
    from stationmap.io.readers import OLE_SIGNATURE, ZIP_SIGNATURE

    path = tmp_path / name
    path.write_bytes((ZIP_SIGNATURE if name.endswith("x") else OLE_SIGNATURE) + b"garbage")
    with caplog.at_level("INFO", logger="stationmap"), pytest.raises(InputFileError) as caught:
        read_table(path)
    error = caught.value
    assert error.code == "read.corrupt"
    assert error.message("es") == (
        f"No se puede leer el libro de Excel «{path}»: está dañado o no es un archivo Excel. Si se abre en "
        "Excel, guárdelo de nuevo como libro de Excel (.xlsx) o como CSV e impórtelo otra vez.")
    assert error.message("en").startswith(f"The Excel workbook “{path}” cannot be read: it is damaged")
    reason = str(error.__cause__)
    assert reason and reason not in error.message("es") + error.message("en")
    assert any(str(path) in record.getMessage() and reason in record.getMessage() for record in caplog.records)


def test_zip_that_is_not_a_workbook_is_corrupt(tmp_path):
    path = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hola.txt", "hola")
    assert error_code(path) == "read.corrupt"


def test_a_blank_first_sheet_is_passed_over_unless_asked_for(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Portada"
    data = book.create_sheet("Datos")
    data.append(["id", "fecha"])
    data.append([1, dt.date(2026, 11, 1)])
    path = tmp_path / "portada.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.sheet == "Datos" and table.frame.to_dict("records") == [{"id": "1", "fecha": "2026-11-01"}]
    assert error_code(path, sheet="Portada") == "read.empty"


def test_empty_sheet_is_an_empty_file(tmp_path):
    import openpyxl

    path = tmp_path / "vacio.xlsx"
    openpyxl.Workbook().save(path)
    assert error_code(path) == "read.empty"


# --- GeoJSON -------------------------------------------------------------------------------------


def feature(geometry, **properties):
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def test_geojson_points_become_rows_with_lon_lat(tmp_path):
    collection = {"type": "FeatureCollection", "features": [
        feature({"type": "Point", "coordinates": [-79.0301, -8.0712]}, id=1, modalidad="Extorsión",
                fecha="2026-11-16", detalle={"arma": True}),
        feature({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}, id=2),
        feature(None, id=3, modalidad="Robo", extra=None),
        {"type": "Point", "coordinates": [0, 0]},
        feature({"type": "Point", "coordinates": [-79.05, -8.1, 30.0]}, id=5, modalidad="Hurto"),
    ]}
    path = tmp_path / "puntos.geojson"
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    table = read_table(path)
    assert list(table.frame.columns) == ["id", "modalidad", "fecha", "detalle", "extra", "lon", "lat"]
    assert table.frame.to_dict("records") == [
        {"id": "1", "modalidad": "Extorsión", "fecha": "2026-11-16", "detalle": '{"arma": true}', "extra": "",
         "lon": "-79.0301", "lat": "-8.0712"},
        {"id": "3", "modalidad": "Robo", "fecha": "", "detalle": "", "extra": "", "lon": "", "lat": ""},
        {"id": "5", "modalidad": "Hurto", "fecha": "", "detalle": "", "extra": "", "lon": "-79.05", "lat": "-8.1"},
    ]
    assert table.line_numbers.tolist() == [1, 3, 5]
    assert [(b.row, b.code) for b in table.bad_rows] == [(2, "read.geometry_not_point"), (4, "read.feature_invalid")]
    assert "Polygon" in table.bad_rows[0].message("en")
    assert table.rows_read == 5


def test_geojson_that_is_not_json(tmp_path):
    path = tmp_path / "roto.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [')
    assert error_code(path) == "read.not_json"


def test_json_that_is_not_a_feature_collection(tmp_path):
    path = tmp_path / "lista.json"
    path.write_text('[{"id": 1}]')
    assert error_code(path) == "read.not_geojson"
    path.write_text('{"type": "Topology"}')
    assert error_code(path) == "read.not_geojson"


def test_empty_geojson_file(tmp_path):
    path = tmp_path / "vacio.geojson"
    path.write_bytes(b"")
    assert error_code(path) == "read.empty"
