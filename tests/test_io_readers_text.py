"""io.readers on purpose-made CSV/TXT/TSV files: encodings, delimiters, headers, broken rows, bad files."""

from __future__ import annotations

import random

import numpy as np
import pytest

from stationmap.core.errors import InputFileError
from stationmap.io.readers import expand_inputs, mixed_encoding_parts, read_table

# Every test here meets the file read into memory and memory-mapped (the way of files of 8 MB or more).
pytestmark = pytest.mark.usefixtures("both_reading_ways")

HEADER = "id;fecha;hora;modalidad;distrito"


def write(tmp_path, name: str, content: str | bytes, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def error_code(path, **kwargs) -> str:
    with pytest.raises(InputFileError) as caught:
        read_table(path, **kwargs)
    assert caught.value.data["file"] == str(path)
    return caught.value.code


# --- files that cannot be read at all ------------------------------------------------------------


def test_zero_byte_and_whitespace_files_are_empty(tmp_path):
    assert error_code(write(tmp_path, "vacio.csv", b"")) == "read.empty"
    assert error_code(write(tmp_path, "blancos.csv", b"  \r\n\n\t \n")) == "read.empty"
    assert error_code(write(tmp_path, "solo_bom.csv", b"\xef\xbb\xbf\r\n")) == "read.empty"


def test_png_renamed_to_csv_is_binary(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    path = write(tmp_path, "foto.csv", png)
    with pytest.raises(InputFileError) as caught:
        read_table(path)
    assert caught.value.code == "read.binary"
    assert "PNG" in caught.value.data["kind"]
    assert "foto.csv" in caught.value.message("es")


def test_random_bytes_are_binary_data_said_in_the_users_language(tmp_path):
    noise = random.Random(7).randbytes(20_000)
    with pytest.raises(InputFileError) as caught:
        read_table(write(tmp_path, "ruido.txt", noise))
    assert caught.value.code == "read.binary_data"
    spanish, english = caught.value.message("es"), caught.value.message("en")
    assert "binary data" not in spanish and "datos binarios" in spanish and "binary data" in english


def test_xlsx_renamed_to_csv_is_binary_not_garbage_rows(tmp_path):
    assert error_code(write(tmp_path, "libro.csv", b"PK\x03\x04" + b"\x00" * 200)) == "read.binary"


def test_missing_file_and_unsupported_extension(tmp_path):
    assert error_code(tmp_path / "no_existe.csv") == "read.not_found"
    assert error_code(write(tmp_path, "datos.docx", "id;fecha\n1;2\n")) == "read.unsupported"


# --- encodings ------------------------------------------------------------------------------------


def test_cp1252_file_decodes_accents(tmp_path):
    text = f"{HEADER}\r\n1;01/11/2026;21:30;Extorsión;ENCAÑADA\r\n2;02/11/2026;08:00;Robo;Baños del Inca\r\n"
    table = read_table(write(tmp_path, "cp1252.csv", text, "cp1252"))
    assert table.encoding == "cp1252"
    assert table.frame["modalidad"].tolist() == ["Extorsión", "Robo"]
    assert table.frame["distrito"].tolist() == ["ENCAÑADA", "Baños del Inca"]


def test_dos_cp850_file_is_told_apart_from_cp1252(tmp_path):
    text = f"{HEADER}\r\n1;01/11/2026;21:30;Extorsión;ENCAÑADA\r\n2;02/11/2026;08:00;Robo;Baños del Inca\r\n"
    table = read_table(write(tmp_path, "dos.csv", text, "cp850"))
    assert table.encoding == "cp850"
    assert table.frame["distrito"].tolist() == ["ENCAÑADA", "Baños del Inca"]


def test_one_accented_letter_in_an_ascii_file_is_read_as_cp1252(tmp_path):
    # Little to go on: CP850 reads the byte as '±', and charset-normalizer's coherence preferred it.
    text = ("fecha_hecho;hora;modalidad;latitud;longitud;direccion\n"
            "15/10/2026;21:30;ROBO;-8.07;-79.03;Av. Tahuantinsuyo 123\n"
            "16/10/2026;08:15;HURTO;-8.08;-79.04;Jr. Junin 645\n"
            "29/10/2026;10:00;ROBO;-8.05;-79.01;Jr. Pizarro ñ\n")
    table = read_table(write(tmp_path, "una_letra.csv", text, "cp1252"))
    assert table.encoding == "cp1252"
    assert table.frame["direccion"].tolist()[-1] == "Jr. Pizarro ñ"


def test_utf8_bom_is_not_part_of_the_first_column_name(tmp_path):
    table = read_table(write(tmp_path, "bom.csv", f"\ufeff{HEADER}\n1;01/11/2026;21:30;Extorsión;Jaén\n"))
    assert table.encoding == "utf-8-sig"
    assert table.frame.columns[0] == "id"
    assert table.frame.loc[0, "distrito"] == "Jaén"


def test_latin1_header_over_utf8_rows_is_decoded_per_line(tmp_path):
    raw = "AÑO;MES;DISTRITO;MODALIDAD\r\n".encode("cp1252") + "2018;1;ENCAÑADA;Extorsión\r\n2018;2;CAJAMARCA;Robo\r\n".encode()
    table = read_table(write(tmp_path, "mixto.csv", raw))
    assert table.encoding == "mixed(cp1252 header, utf-8 rows)"
    assert mixed_encoding_parts(table.encoding) == ("cp1252", None)
    assert list(table.frame.columns) == ["AÑO", "MES", "DISTRITO", "MODALIDAD"]
    assert table.frame["MODALIDAD"].tolist() == ["Extorsión", "Robo"]
    assert not table.frame.apply(lambda column: column.str.contains("Ã")).to_numpy().any()
    assert table.warnings == []  # the values all decoded; nothing for the user to check


def test_cp1252_rows_among_utf8_rows_are_decoded_and_reported(tmp_path):
    raw = (f"{HEADER}\n1;01/11/2026;21:30;Extorsión;Jaén\n".encode()
           + "2;01/11/2026;22:00;Extorsión;Jaén\n".encode("cp1252")
           + "3;01/11/2026;23:00;Robo;Chiclayo\n".encode())
    table = read_table(write(tmp_path, "mixto_filas.csv", raw))
    assert table.encoding == "mixed(utf-8, cp1252 on 1 lines)"
    assert mixed_encoding_parts(table.encoding) == ("cp1252", 1)
    assert table.frame["modalidad"].tolist() == ["Extorsión", "Extorsión", "Robo"]
    assert [w.code for w in table.warnings] == ["read.mixed_encoding_lines"]


def test_the_mixed_encoding_warning_says_it_in_words_with_the_right_plural(tmp_path):
    """The encoding label ("mixed(utf-8, cp1252 on 1 lines)") is for the report; the user reads a sentence."""
    utf8_row, cp1252_row = "1;01/11/2026;21:30;Extorsión;Jaén\n".encode(), "2;01/11/2026;22:00;Robo;Peña\n".encode("cp1252")
    one = read_table(write(tmp_path, "una.csv", f"{HEADER}\n".encode() + utf8_row + cp1252_row + utf8_row))
    two = read_table(write(tmp_path, "dos.csv", f"{HEADER}\n".encode() + cp1252_row + utf8_row + cp1252_row))
    [warning_one], [warning_two] = one.warnings, two.warnings
    assert warning_one.message("es") == (
        "El archivo está en UTF-8 salvo 1 línea, leída como CP1252; revise sus tildes y eñes (línea 3).")
    assert warning_one.message("en") == (
        "The file is in UTF-8 except for 1 line, read as CP1252; check its accented letters (line 3).")
    assert warning_two.message("es") == (
        "El archivo está en UTF-8 salvo 2 líneas, leídas como CP1252; revise sus tildes y eñes (líneas 2, 4).")
    assert "except for 2 lines, read as CP1252; check their accented letters (lines 2, 4)." in warning_two.message("en")
    for message in (warning_one.message("es"), warning_one.message("en"), warning_two.message("es")):
        assert "mixed" not in message and "cp1252" not in message


def test_a_mixed_encoding_warning_stored_by_an_earlier_import_reads_without_the_label():
    """Import records keep a warning's code and data and render it again when shown: the earlier data held
    the label and a bare line count."""
    from stationmap.core.messages import render

    stored = {"encoding": "mixed(utf-8, cp1252 on 1 lines)", "lines": 1, "fallback": "cp1252"}
    assert render("read.mixed_encoding", stored, "es") == (
        "El archivo está en UTF-8, pero algunas líneas estaban en cp1252 (en total: 1); "
        "cada una se leyó con su propia codificación.")
    assert "mixed(" not in render("read.mixed_encoding", stored, "en")


def _long_file(tmp_path, name: str, first: bytes, late: bytes) -> object:
    """A file longer than a preview reads (1 MB): 40,000 rows of `first`, then one of `late`, then 10 more."""
    return write(tmp_path, name, f"{HEADER}\n".encode() + first * 40_000 + late + first * 10)


def test_a_previews_encoding_says_what_it_was_judged_on(tmp_path):
    """A preview reads the first rows; the import reads the whole file. A UTF-8 start is checked against
    the rest of the file; another start is said to be judged on the first rows."""
    from stationmap.io.readers import ENCODING_FIRST_ROWS, ENCODING_OTHER_LATER, ENCODING_WHOLE_FILE

    utf8, ascii_row = "1;01/11/2026;21:30;Extorsión;Jaén\n".encode(), b"1;01/11/2026;21:30;Robo;Trujillo\n"
    cp1252 = "1;01/11/2026;21:30;Extorsión;Jaén\n".encode("cp1252")
    cases = {   # name: (file, the preview's encoding and scope, the full read's encoding)
        "utf8": (_long_file(tmp_path, "utf8.csv", utf8, utf8), "utf-8", ENCODING_WHOLE_FILE, "utf-8"),
        "one_late_row": (_long_file(tmp_path, "tarde.csv", utf8, cp1252), "utf-8", ENCODING_OTHER_LATER,
                         "mixed(utf-8, cp1252 on 1 lines)"),
        "late_accents": (_long_file(tmp_path, "acentos.csv", ascii_row, cp1252), "utf-8", ENCODING_OTHER_LATER,
                         "cp1252"),
        "cp1252": (_long_file(tmp_path, "latin.csv", cp1252, cp1252), "cp1252", ENCODING_FIRST_ROWS, "cp1252"),
    }
    for path, encoding, scope, whole in cases.values():
        preview = read_table(path, max_rows=50)
        assert (preview.encoding, preview.encoding_scope) == (encoding, scope)
        full = read_table(path)
        assert (full.encoding, full.encoding_scope) == (whole, ENCODING_WHOLE_FILE)
    short = read_table(write(tmp_path, "corto.csv", f"{HEADER}\n".encode() + cp1252 * 3), max_rows=50)
    assert (short.encoding, short.encoding_scope) == ("cp1252", ENCODING_WHOLE_FILE)   # read whole


def test_utf8_saved_twice_is_repaired_and_reported(tmp_path):
    twice = "Extorsión".encode().decode("latin-1")  # "ExtorsiÃ³n"
    text = f"{HEADER}\n1;01/11/2026;21:30;{twice};SAN JOSÃ<U+0089>\n2;01/11/2026;21:30;Robo;São Paulo\n"
    table = read_table(write(tmp_path, "dos_veces.csv", text))
    assert table.frame["modalidad"].tolist() == ["Extorsión", "Robo"]
    assert table.frame["distrito"].tolist() == ["SAN JOSÉ", "São Paulo"]  # a real "ã" is left alone
    [warning] = table.warnings
    assert (warning.code, warning.data["count"], warning.data["example"]) == (
        "read.double_encoding_repaired", 2, "Extorsión")


def test_utf16_unicode_text_from_excel_is_read(tmp_path):
    text = "id\tfecha\tmodalidad\r\n1\t01/11/2026\tExtorsión\r\n"
    table = read_table(write(tmp_path, "unicode.txt", "\ufeff" + text, "utf-16-le"))
    assert table.delimiter == "\t"
    assert table.frame.loc[0, "modalidad"] == "Extorsión"


def test_utf16_without_bom_is_read(tmp_path):
    table = read_table(write(tmp_path, "sin_bom.txt", "id\tdistrito\r\n1\tJaén\r\n", "utf-16-le"))
    assert table.frame.to_dict("records") == [{"id": "1", "distrito": "Jaén"}]


# --- delimiters -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "delimiter"), [("tab.txt", "\t"), ("pipe.csv", "|"), ("coma.csv", ","),
                                                  ("punto_y_coma.tsv", ";")])
def test_delimiter_is_detected_from_the_data_not_the_extension(tmp_path, name, delimiter):
    rows = [["id", "fecha", "modalidad", "direccion"], ["1", "01/11/2026", "Robo", "Av. Perú 123"],
            ["2", "02/11/2026", "Hurto", "Jr. Unión 45"]]
    table = read_table(write(tmp_path, name, "\n".join(delimiter.join(r) for r in rows) + "\n"))
    assert table.delimiter == delimiter
    assert table.frame.to_numpy().tolist() == rows[1:]


def test_decimal_commas_do_not_fool_the_semicolon_delimiter(tmp_path):
    text = "id;fecha;latitud;longitud\n1;01/11/2026;-8,0712;-79,0301\n2;01/11/2026;-8,0801;-79,0288\n"
    table = read_table(write(tmp_path, "decimal.csv", text))
    assert table.delimiter == ";"
    assert table.frame["latitud"].tolist() == ["-8,0712", "-8,0801"]


def test_quoted_delimiters_do_not_split_cells(tmp_path):
    text = 'id,delito,colonia\n1,"ALLANAMIENTO DE MORADA, DESPACHO",CENTRO\n2,ROBO,"SAN PABLO, OZTOTEPEC"\n'
    table = read_table(write(tmp_path, "comillas.csv", text))
    assert table.frame["delito"].tolist() == ["ALLANAMIENTO DE MORADA, DESPACHO", "ROBO"]
    assert table.frame["colonia"].tolist() == ["CENTRO", "SAN PABLO, OZTOTEPEC"]


def test_unknown_delimiter_reads_one_column_with_a_warning(tmp_path):
    table = read_table(write(tmp_path, "dos_puntos.csv", "id:fecha:modalidad\n1:01/11/2026:Robo\n"))
    assert table.delimiter == ""
    assert list(table.frame.columns) == ["id:fecha:modalidad"]
    assert table.frame.iloc[0, 0] == "1:01/11/2026:Robo"
    assert [w.code for w in table.warnings] == ["read.single_column"]


# --- header, blank lines and line numbers ---------------------------------------------------------


def test_header_only_reads_zero_rows(tmp_path):
    table = read_table(write(tmp_path, "encabezado.csv", HEADER + "\r\n"))
    assert list(table.frame.columns) == HEADER.split(";")
    assert len(table.frame) == 0 and table.bad_rows == [] and len(table.line_numbers) == 0


def test_one_row(tmp_path):
    table = read_table(write(tmp_path, "una.csv", f"{HEADER}\n7;01/11/2026;21:30;Robo;Trujillo"))
    assert table.frame.to_numpy().tolist() == [["7", "01/11/2026", "21:30", "Robo", "Trujillo"]]
    assert table.line_numbers.tolist() == [2]
    assert table.line_numbers.dtype == np.int64


def test_title_lines_above_the_header_are_skipped_and_reported(tmp_path):
    text = ("REPORTE DE DENUNCIAS - COMISARÍA EL PORVENIR;;;;\n"
            "Fecha de emisión: 16/11/2026;;;;\n"
            "\n"
            f"{HEADER}\n"
            "1;01/11/2026;21:30;Robo;El Porvenir\n"
            "2;02/11/2026;08:00;Hurto;Florencia de Mora\n")
    table = read_table(write(tmp_path, "titulos.csv", text))
    assert table.header_line == 4
    assert list(table.frame.columns) == HEADER.split(";")
    assert table.line_numbers.tolist() == [5, 6]
    assert [(w.code, w.data["line"]) for w in table.warnings] == [("read.header_not_first", 4)]


def test_blank_lines_above_the_header_are_no_titles(tmp_path):
    table = read_table(write(tmp_path, "blancas.csv", f"\n\r\n{HEADER}\n1;a;b;Robo;X\n"))
    assert table.header_line == 3 and table.line_numbers.tolist() == [4]
    assert table.warnings == []


def test_blank_and_empty_cell_lines_are_not_rows_but_keep_line_numbers(tmp_path):
    text = f"{HEADER}\r\n1;a;b;Robo;x\r\n\r\n;;;;\r\n2;a;b;Hurto;y\r\n\r\n"
    table = read_table(write(tmp_path, "huecos.csv", text))
    assert table.frame["id"].tolist() == ["1", "2"]
    assert table.line_numbers.tolist() == [2, 5]


def test_multiline_quoted_fields_keep_line_numbers_right(tmp_path):
    text = ('id,fecha,descripcion\n'
            '1,01/11/2026,"robo de celular\nen el paradero\n""La Cruz"""\n'
            '2,02/11/2026,hurto\n'
            '3,03/11/2026,"dos\r\nlíneas"\n'
            '4,04/11/2026,fin\n')
    table = read_table(write(tmp_path, "multilinea.csv", text))
    assert table.frame["id"].tolist() == ["1", "2", "3", "4"]
    assert table.frame.loc[0, "descripcion"] == 'robo de celular\nen el paradero\n"La Cruz"'
    assert table.line_numbers.tolist() == [2, 5, 6, 8]


def test_short_rows_are_padded(tmp_path):
    table = read_table(write(tmp_path, "cortas.csv", f"{HEADER}\n1;01/11/2026;21:30\n2;01/11/2026;22:00;Robo;X\n"))
    assert table.frame.iloc[0].tolist() == ["1", "01/11/2026", "21:30", "", ""]
    assert table.line_numbers.tolist() == [2, 3] and table.bad_rows == []


def test_short_rows_are_padded_and_the_user_is_told_which(tmp_path):
    """A row that lost cells in the middle has its values shifted: padding it is a guess the user must
    hear about. Blank lines (';;;;' of any width, spaces) are no short rows."""
    header = "id;fecha;hora;modalidad;distrito;latitud;longitud;ubigeo;direccion;nota"
    lines = [header] + [f"{n};01/11/2026;21:30;Robo;X;-8.1;-79.0;130102;Av. {n};-" for n in range(2, 71)]
    lines[21] = ";".join(lines[21].split(";")[:6])    # line 22: 6 of 10 cells
    lines[41] = ";".join(lines[41].split(";")[:2])    # line 42: 2 of 10 cells
    lines[60] = ";".join(lines[60].split(";")[:9])    # line 61: 9 of 10 cells
    lines[29], lines[30], lines[31] = ";;;", ";;;;;;;;;", "  "   # blank lines 30-32: not rows, not short
    path = write(tmp_path, "cortas.csv", "\n".join(lines) + "\n")
    table = read_table(path)
    assert len(table.frame) == 66 and table.bad_rows == []
    assert table.frame.iloc[list(table.line_numbers).index(42)].tolist() == ["42", "01/11/2026"] + [""] * 8
    [warning] = table.warnings
    assert (warning.code, warning.data["count"], warning.data["rows"]) == ("read.short_rows", 3, "22, 42, 61")
    assert warning.message("es") == ("3 filas tienen menos celdas que el encabezado; se completaron con celdas "
                                     "vacías (filas 22, 42, 61).")
    assert warning.message("en") == ("3 rows have fewer cells than the header; they were completed with empty "
                                     "cells (rows 22, 42, 61).")
    preview = read_table(path, max_rows=25)   # the careful path, record by record
    assert [(w.code, w.data["rows"]) for w in preview.warnings] == [("read.short_rows", "22")]
    assert preview.warnings[0].message("es") == (
        "1 fila tiene menos celdas que el encabezado; se completó con celdas vacías (fila 22).")


def test_rows_as_wide_as_the_header_give_no_short_row_warning(tmp_path):
    text = f"{HEADER}\n1;01/11/2026;21:30;Robo;X\n;;;;\n\n;;\n2;01/11/2026;22:00;Hurto;Y;\n"
    table = read_table(write(tmp_path, "completas.csv", text))
    assert table.frame["id"].tolist() == ["1", "2"] and table.warnings == []


@pytest.mark.parametrize("spaces", ["  ", "\t", " \t ", " ; ;\t;;"])
def test_lines_of_spaces_are_blank_lines_not_rows(tmp_path, spaces):
    """A line holding only spaces was read as a row with no date, and rejected; it is as blank as ';;;;'."""
    text = f"{HEADER}\r\n1;01/11/2026;21:30;Robo;X\r\n{spaces}\r\n2;01/11/2026;22:00;Hurto;Y\r\n{spaces}\r\n"
    path = write(tmp_path, "espacios.csv", text)
    for table in (read_table(path), read_table(path, max_rows=10)):
        assert table.frame["id"].tolist() == ["1", "2"]
        assert table.line_numbers.tolist() == [2, 4]
        assert table.bad_rows == [] and table.warnings == []


def test_lines_of_spaces_in_a_one_column_file_are_blank_lines(tmp_path):
    path = write(tmp_path, "una_columna.csv", "direccion\nAv. Peru 1\n   \nJr. Union 2\n\t\n")
    for table in (read_table(path), read_table(path, max_rows=10)):
        assert table.frame["direccion"].tolist() == ["Av. Peru 1", "Jr. Union 2"]
        assert table.line_numbers.tolist() == [2, 4]


def test_row_with_extra_columns_is_rejected_with_its_line(tmp_path):
    text = (f"{HEADER}\n1;01/11/2026;21:30;Robo;X\n"
            "2;01/11/2026;22:00;Robo;Av. Perú; cuadra 5\n"
            "3;01/11/2026;23:00;Hurto;Y;\n")  # a trailing empty cell is not an extra column
    table = read_table(write(tmp_path, "largas.csv", text))
    assert table.frame["id"].tolist() == ["1", "3"]
    assert table.line_numbers.tolist() == [2, 4]
    [bad] = table.bad_rows
    assert (bad.row, bad.code, bad.data["expected"], bad.data["found"]) == (3, "read.extra_columns", 5, 6)
    assert "cuadra 5" in bad.message("es") and "cuadra 5" in bad.message("en")


def test_a_header_that_names_too_few_columns_gets_unnamed_ones(tmp_path):
    text = "id;fecha;modalidad\n1;01/11/2026;Robo;-8,07;-79,03\n2;01/11/2026;Hurto;-8,08;-79,04\n3;01/11/2026;Robo\n"
    table = read_table(write(tmp_path, "sin_nombres.csv", text))
    assert list(table.frame.columns) == ["id", "fecha", "modalidad", "columna_4", "columna_5"]
    assert table.frame["columna_5"].tolist() == ["-79,03", "-79,04", ""]
    assert table.bad_rows == [] and table.line_numbers.tolist() == [2, 3, 4]


def test_unclosed_quote_costs_one_row_not_the_rest_of_the_file(tmp_path):
    text = (f"{HEADER}\n1;01/11/2026;21:30;Robo;X\n"
            '2;01/11/2026;22:00;"Robo;X\n'
            "3;01/11/2026;23:00;Hurto;Y\n"
            "4;02/11/2026;01:00;Hurto;Z\n")
    path = write(tmp_path, "comilla.csv", text)
    for table in (read_table(path), read_table(path, max_rows=10)):
        assert table.frame["id"].tolist() == ["1", "3", "4"]
        assert table.line_numbers.tolist() == [2, 4, 5]
        assert [(b.row, b.code) for b in table.bad_rows] == [(3, "read.unbalanced_quote")]
        assert len(table.frame) + len(table.bad_rows) == table.rows_read == 4


def test_a_line_with_an_unclosed_quote_keeps_the_whole_line_for_its_correction(tmp_path):
    """The message shows the line's start; the rejection keeps all of it, as written, for the exported
    rejections (one column, "linea_original": the line cannot be split into cells)."""
    long_line = '2;01/11/2026;22:00;"Robo agravado a mano armada;Av. Perú 123, cuadra 5, frente al mercado ' \
                'La Hermelinda, junto a la farmacia  '
    assert len(long_line) > 100
    text = f"{HEADER}\r\n1;01/11/2026;21:30;Robo;X\r\n{long_line}\r\n3;01/11/2026;23:00;Hurto;Y\r\n"
    path = write(tmp_path, "comilla_larga.csv", text)
    for table in (read_table(path), read_table(path, max_rows=10)):   # the quick way, and record by record
        [bad] = table.bad_rows
        assert (bad.row, bad.code) == (3, "read.unbalanced_quote")
        assert bad.cells == {"linea_original": long_line}
        assert bad.to_json()["cells"] == {"linea_original": long_line}
        assert table.frame["id"].tolist() == ["1", "3"]


@pytest.mark.parametrize("end", ["\n", "\r\n", ""])
def test_unclosed_quote_on_the_last_line(tmp_path, end):
    path = write(tmp_path, "final.csv", f'{HEADER}\n1;a;b;Robo;X\n2;a;b;Robo;"X{end}')
    for table in (read_table(path), read_table(path, max_rows=10)):
        assert table.frame["id"].tolist() == ["1"]
        assert [(b.row, b.code) for b in table.bad_rows] == [(3, "read.unbalanced_quote")]


def test_nul_bytes_are_removed_and_their_rows_reported(tmp_path):
    raw = f"{HEADER}\n1;01/11/2026;21:30;Robo;X\n".encode() + b"2;01/11/2026;22:00;Hurto\x00\x00;Y\n3;a;b;c;d\n"
    table = read_table(write(tmp_path, "nulos.csv", raw))
    assert table.frame["modalidad"].tolist() == ["Robo", "Hurto", "c"]
    [warning] = table.warnings
    assert warning.code == "read.nul_removed"
    assert (warning.data["count"], warning.data["lines"]) == (2, "3")


def test_excel_text_formulas_keep_their_leading_zeros(tmp_path):
    text = 'id;ubigeo;nota\n1;="060101";a="b"\n2;130102;="\n'
    table = read_table(write(tmp_path, "formulas.csv", text))
    assert table.frame["ubigeo"].tolist() == ["060101", "130102"]
    assert table.frame["nota"].tolist() == ['a="b"', '="']


def test_duplicate_and_empty_header_names_are_made_unique(tmp_path):
    table = read_table(write(tmp_path, "nombres.csv", " fecha ;fecha;;hora\n1;2;3;4\n"))
    assert list(table.frame.columns) == ["fecha", "fecha_2", "columna_3", "hora"]
    assert [w.code for w in table.warnings] == ["read.duplicate_columns"]


def test_max_rows_reads_only_the_first_rows(tmp_path):
    lines = [HEADER] + [f"{i};01/11/2026;21:30;Robo;X" for i in range(1, 20_001)]
    path = write(tmp_path, "largo.csv", "\n".join(lines) + "\n")
    table = read_table(path, max_rows=50)
    assert len(table.frame) == 50
    assert table.line_numbers.tolist() == list(range(2, 52))
    assert len(read_table(path).frame) == 20_000


def test_the_three_ways_through_a_file_read_the_same_rows(tmp_path):
    """Clean files go to pyarrow; a short row adds a mending pass; an unclosed quote needs the csv module.

    Whatever way a file takes, the rows they share must read the same, with the same line numbers.
    """
    rows = [f'{i};01/11/2026;"hora {i}; tarde";Robo;"Av. ""{i}"""' for i in range(1, 300)]
    clean = read_table(write(tmp_path, "limpio.csv", "\n".join([HEADER, *rows]) + "\n"))
    ragged = read_table(write(tmp_path, "irregular.csv", "\n".join([HEADER, *rows, "300;x"]) + "\n"))
    broken = read_table(write(tmp_path, "roto.csv", "\n".join([HEADER, *rows, "300;x", '301;"x']) + "\n"))
    assert clean.frame.loc[0, "distrito"] == 'Av. "1"' and clean.frame.loc[0, "hora"] == "hora 1; tarde"
    for table in (clean, ragged, broken):
        assert set(table.frame.dtypes.astype(str)) == {"str"}
    for table in (ragged, broken):
        assert table.frame.iloc[:-1].equals(clean.frame)
        assert table.frame.iloc[-1].tolist() == ["300", "x", "", "", ""]
        assert table.line_numbers.tolist() == list(range(2, 302))
    assert [(b.row, b.code) for b in broken.bad_rows] == [(302, "read.unbalanced_quote")]


def test_old_mac_line_ends(tmp_path):
    table = read_table(write(tmp_path, "mac.csv", f"{HEADER}\r1;a;b;Robo;X\r\r2;a;b;Hurto;=\"\r"))
    assert table.frame["id"].tolist() == ["1", "2"]
    assert table.frame["distrito"].tolist() == ["X", '="']  # a quote inside a field is text, even at the end
    assert table.line_numbers.tolist() == [2, 4] and table.bad_rows == []


def _spy_on_maps(monkeypatch) -> list:
    """The memory maps io.text_files makes from now on."""
    import mmap

    from stationmap.io import text_files

    made = []

    class Recorded(mmap.mmap):
        def __new__(cls, *args, **kwargs):
            made.append(super().__new__(cls, *args, **kwargs))
            return made[-1]

    monkeypatch.setattr(text_files.mmap, "mmap", Recorded)
    return made


def test_a_large_file_is_parsed_from_its_memory_map_and_the_map_is_closed(tmp_path, monkeypatch, both_reading_ways):
    made = _spy_on_maps(monkeypatch)
    rows = "".join(f"{k};0{k % 9 + 1}/03/2024;2{k % 4}:15;Hurto;Cañón del Pato {k}\n" for k in range(2_000))
    table = read_table(write(tmp_path, "grande.csv", HEADER + "\n" + rows))
    assert len(table.frame) == 2_000 and table.encoding == "utf-8"
    assert table.frame["distrito"].iloc[-1] == "Cañón del Pato 1999"
    assert len(made) == (both_reading_ways == "mapped") and all(m.closed for m in made)


def test_a_mapped_file_that_is_not_utf8_is_read_whole_and_its_map_closed(tmp_path, monkeypatch, both_reading_ways):
    made = _spy_on_maps(monkeypatch)
    rows = "".join(f"{k};01/03/2024;10:00;Hurto;Peñaflor {k}\n" for k in range(500))
    table = read_table(write(tmp_path, "latin.csv", HEADER + "\n" + rows, encoding="cp1252"))
    assert table.encoding == "cp1252" and table.frame["distrito"].iloc[0] == "Peñaflor 0"
    whitespace = write(tmp_path, "blancos.csv", b" \r\n" * 5_000)
    assert error_code(whitespace) == "read.empty"
    assert len(made) == 2 * (both_reading_ways == "mapped") and all(m.closed for m in made)


# --- several files and folders --------------------------------------------------------------------


def test_expand_inputs_lists_a_folder_sorted_and_keeps_files(tmp_path):
    folder = tmp_path / "mensual"
    folder.mkdir()
    for name in ("2026-02.csv", "2026-01.csv", "notas.docx", "~$2026-03.xlsx", ".oculto.csv"):
        (folder / name).write_text(HEADER + "\n")
    single = write(tmp_path, "suelto.txt", HEADER + "\n")
    assert [p.name for p in expand_inputs([folder, str(single)])] == ["2026-01.csv", "2026-02.csv", "suelto.txt"]


def test_expand_inputs_errors(tmp_path):
    with pytest.raises(InputFileError) as caught:
        expand_inputs([tmp_path / "falta"])
    assert caught.value.code == "read.not_found"
    with pytest.raises(InputFileError) as caught:
        expand_inputs([tmp_path])
    assert caught.value.code == "read.no_files_in_folder"


def test_a_folder_of_subfolders_names_them_and_asks_to_choose_one(tmp_path):
    """A folder whose data sets are in subfolders is not searched further: the user is told which to pick."""
    datos = tmp_path / "datos"
    for name in ("peru-sidpol", "mexico-fgj", "uk-police", ".git"):
        (datos / name).mkdir(parents=True)
        (datos / name / "a.csv").write_text(HEADER + "\n")
    (datos / "LEAME.md").write_text("notas")
    with pytest.raises(InputFileError) as caught:
        expand_inputs([datos])
    assert (caught.value.code, caught.value.data["count"]) == ("read.only_subfolders", 3)
    assert caught.value.message("es").endswith(
        "pero tiene 3 subcarpetas (mexico-fgj, peru-sidpol, uk-police). Elija una de ellas.")
    assert "3 subfolders (mexico-fgj, peru-sidpol, uk-police). Choose one of them." in caught.value.message("en")
    one = tmp_path / "uno"
    (one / "2026").mkdir(parents=True)
    with pytest.raises(InputFileError) as caught:
        expand_inputs([one])
    assert caught.value.message("es").endswith("pero tiene 1 subcarpeta (2026). Elija esa subcarpeta.")
    many = tmp_path / "meses"
    for month in range(1, 13):
        (many / f"{month:02d}").mkdir(parents=True)
    with pytest.raises(InputFileError) as caught:
        expand_inputs([many])
    assert "12 subcarpetas (01, 02, 03, 04, 05, …). " in caught.value.message("es")


# --- generated files: every way through a file against a plain reference -------------------------


@pytest.mark.parametrize("seed", range(12))
def test_generated_files_read_as_written(tmp_path, seed):
    """Files written by Python's csv module (quotes, delimiters and line breaks inside fields, short rows,
    blank lines, CRLF or LF) read back cell for cell, each row with the line it starts on."""
    import csv
    import io

    rng = random.Random(seed)
    delimiter = rng.choice([",", ";", "|", "\t"])
    newline = rng.choice(["\n", "\r\n"])
    names = ["id", "fecha", "modalidad", "direccion", "nota"]
    pieces = ["Robo", "Hurto", "Jr. Unión", "Extorsión", "ñandú", " ", "x", "\u2028", "\x85"]
    odd = [delimiter, '"', "\n", ",", ";"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(names)
    line = 2
    expected_rows, expected_lines = [], []
    for number in range(1, 60):
        if rng.random() < 0.1:
            buffer.write(newline)
            line += 1
        cells = [str(number)] + ["".join(rng.choice(pieces + odd * (rng.random() < 0.2)) for _ in range(rng.randint(0, 4)))
                                 for _ in names[1:]]
        if seed % 2 and rng.random() < 0.1:  # odd seeds write some short rows: the mending path
            cells = cells[: rng.randint(1, len(names) - 1)]
        before = buffer.tell()
        writer.writerow(cells)
        expected_rows.append(cells + [""] * (len(names) - len(cells)))
        expected_lines.append(line)
        line += buffer.getvalue()[before:].count("\n")
    path = write(tmp_path, "generado.csv", buffer.getvalue())
    # A preview (max_rows) always takes the careful path: it must agree with the full read too.
    for table in (read_table(path), read_table(path, max_rows=1000)):
        assert (table.delimiter, table.bad_rows) == (delimiter, [])
        assert list(table.frame.columns) == names
        assert table.frame.to_numpy().tolist() == expected_rows
        assert table.line_numbers.tolist() == expected_lines


@pytest.mark.parametrize("seed", range(6))
def test_one_stray_quote_in_a_generated_file_costs_exactly_its_row(tmp_path, seed):
    rng = random.Random(seed)
    rows = [[str(n), f"0{n % 9 + 1}/11/2026", rng.choice(["Robo", "Hurto", "Extorsión"]), f"Av. {n}"]
            for n in range(1, 80)]
    broken = rng.randrange(len(rows))
    lines = ["id;fecha;modalidad;direccion"] + [";".join(row) for row in rows]
    lines[broken + 1] = lines[broken + 1].replace(";Av.", ';"Av.')
    path = write(tmp_path, "comilla.csv", "\r\n".join(lines) + "\r\n")
    # The full read blanks the stray line and stays quick; a preview parses record by record: same answer.
    for table in (read_table(path), read_table(path, max_rows=1000)):
        assert [(b.row, b.code) for b in table.bad_rows] == [(broken + 2, "read.unbalanced_quote")]
        assert table.frame.to_numpy().tolist() == rows[:broken] + rows[broken + 1:]
        assert table.line_numbers.tolist() == [n + 2 for n in range(len(rows)) if n != broken]


@pytest.mark.parametrize("closing", [("Av. 40", 'Av. 40"'), ("Av. 40", 'Av." 40'), ("PORVENIR", 'PORVENIR"')])
@pytest.mark.parametrize("quoted_column", [1, 3])
def test_a_quote_opened_by_mistake_and_closed_rows_later_costs_only_its_row(tmp_path, closing, quoted_column):
    """A stray quote that some later quote happens to close must not swallow the rows between them into
    one cell (that import said "0 rechazadas" and lost 250 incidents without a word)."""
    rows = [[str(n), f"0{n % 9 + 1}/11/2026", "Robo", f"Av. {n}", "EL PORVENIR"] for n in range(1, 60)]
    lines = ["id;fecha;modalidad;direccion;distrito"] + [";".join(row) for row in rows]
    cells = lines[10].split(";")
    cells[quoted_column] = '"' + cells[quoted_column]
    lines[10] = ";".join(cells)                              # row 10 (file line 11) opens a quote
    lines[40] = lines[40].replace(*closing)                  # row 40, 30 lines later, holds a quote
    path = write(tmp_path, "comilla.csv", "\n".join(lines) + "\n")
    for table in (read_table(path), read_table(path, max_rows=1000)):
        assert [(b.row, b.code) for b in table.bad_rows] == [(11, "read.unbalanced_quote")]
        assert len(table.frame) == len(rows) - 1
        assert table.frame["id"].tolist() == [str(n) for n in range(1, 60) if n != 10]
        assert table.frame.map(len).to_numpy().max() <= len("EL PORVENIR\"")   # no cell holds a swallowed row


def test_notes_written_on_several_lines_are_kept_whole(tmp_path):
    """Sound quoted line breaks, even in a row with cells missing at its end, stay one cell."""
    text = ('id;fecha;nota;distrito\n'
            '1;01/11/2026;"vecinos llamaron;\nllegó el patrullero";EL PORVENIR\n'
            '2;02/11/2026;"primera línea\nsegunda; tercera"\n'
            '3;03/11/2026;sin nota;LA ESPERANZA\n')
    for table in (read_table(write(tmp_path, "notas.csv", text)),):
        assert table.bad_rows == []
        assert table.frame["nota"].tolist() == ["vecinos llamaron;\nllegó el patrullero", "primera línea\nsegunda; tercera",
                                                "sin nota"]
        assert table.line_numbers.tolist() == [2, 4, 6]


NARRATIVE_HEADER = "nro,fecha,hora,modalidad,latitud,longitud,direccion,distrito,ubigeo,comisaria,descripcion"


def test_a_narrative_written_over_several_lines_with_many_commas_stays_one_cell(tmp_path):
    """QA: a quoted narrative whose middle line held more commas than the header has separators was
    taken for a runaway quote: its row rejected and its lines imported as made-up rows."""
    narrative = ("Siendo las 22:00 horas se constituyó el personal policial al lugar de los hechos.\n"
                 "En el lugar se entrevistó con la agraviada, quien refirió que dos sujetos, uno de polo rojo, otro de "
                 "casaca negra, gorra, zapatillas blancas, pantalón jean, la interceptaron, amenazaron, golpearon, y se "
                 "llevaron su celular, billetera, DNI, y llaves.\nSe realizó el patrullaje por inmediaciones sin resultado.")
    row = "{n},01/02/2025,10:0{n},ROBO,-8.07,-79.01,Jr. Grau {n},EL PORVENIR,130102,CPNP EL PORVENIR,{note}"
    lines = [NARRATIVE_HEADER] + [row.format(n=n, note=f'"{narrative}"' if n == 3 else "sin novedad") for n in range(1, 6)]
    table = read_table(write(tmp_path, "narrativa.csv", "\n".join(lines) + "\n"))
    assert table.bad_rows == [] and table.frame["nro"].tolist() == ["1", "2", "3", "4", "5"]
    assert table.frame["descripcion"].iloc[2] == narrative
    assert table.line_numbers.tolist() == [2, 3, 4, 7, 8]


def test_a_row_pasted_inside_a_note_is_not_an_incident(tmp_path):
    """QA: 'Relacionado con la denuncia:' and a whole register row quoted inside a note became an
    imported incident of its own, and the real one was rejected."""
    row = "Q{n};01/02/2025;10:0{n};HURTO;-8.07;-79.01;Jr. Grau {n};EL PORVENIR;130102;CPNP EL PORVENIR;{note}"
    pasted = row.format(n=9, note="ver parte")
    lines = ([NARRATIVE_HEADER.replace(",", ";"), row.format(n=1, note="ok"),
              row.format(n=2, note=f'"Relacionado con la denuncia:\n{pasted}\nse adjunta."'), row.format(n=3, note="ok")])
    table = read_table(write(tmp_path, "pegado.csv", "\n".join(lines) + "\n"))
    assert table.bad_rows == [] and table.frame["nro"].tolist() == ["Q1", "Q2", "Q3"]
    assert pasted in table.frame["descripcion"].iloc[1]
