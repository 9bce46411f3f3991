"""normalize(): rows -> canonical incidents, with every row imported or rejected for a reason."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest
from factories import local_ts
from shapely.geometry import box

from stationmap.core.errors import MappingError
from stationmap.core.model import INCIDENT_COLUMNS, TableKind
from stationmap.io.mapping import ColumnMapping
from stationmap.io.normalize import normalize
from stationmap.io.readers import RawTable


def raw_table(header: list[str], rows: list[list[str]], file: str = "hechos.csv") -> RawTable:
    frame = pd.DataFrame(rows, columns=header, dtype="str")
    return RawTable(file=file, frame=frame, line_numbers=np.arange(2, len(rows) + 2, dtype=np.int64),
                    encoding="utf-8", delimiter=",")


def codes(result) -> list[str]:
    return [w.code for w in result.warnings]


def test_a_small_station_log_with_every_kind_of_row():
    raw = raw_table(
        ["N° Denuncia", "Fecha del hecho", "Hora", "Modalidad", "Latitud", "Longitud", "Ubigeo"],
        [["8325024.0", "14/11/2026", "21:30", "Robo", "-8,0712", "-79,0321", "130102.0"],
         ["8325024.0", "14/11/2026", "21:30", "Robo", "-8.0712", "-79.0321", "60101"],
         ["8325025", "15/11/2026", "00:00", "Extorsión", "0", "0", "130102"],
         ["8325026", "31/02/2026", "10:00", "Hurto", "-8.07", "-79.03", "130102"],
         ["8325027", "", "10:00", "Hurto", "-8.07", "-79.03", "130102"],
         ["8325028", "16/11/2026", "9:30 PM", "brujería", "8°04'15.2\"S", "79°01'30\"W", "130102"]])
    result = normalize(raw)
    table = result.table
    assert result.kind == TableKind.INCIDENTS
    assert list(table.columns) == list(INCIDENT_COLUMNS) + ["line"]
    assert len(table) + len(result.rejections) == 6
    assert table["line"].tolist() == [2, 3, 4, 7]
    assert table["source_key"].tolist() == ["id:8325024#1", "id:8325024#2", "id:8325025#1", "id:8325028#1"]
    assert table["source_id"].iloc[0] == "8325024"
    assert table["ubigeo"].tolist() == ["130102", "060101", "130102", "130102"]
    assert table["start_ts"].tolist() == [local_ts("2026-11-14 21:30"), local_ts("2026-11-14 21:30"),
                                          local_ts("2026-11-15 00:00"), local_ts("2026-11-16 21:30")]
    # 00:00 means "time unknown": the whole day is the window.
    assert table["time_known"].tolist() == [1, 1, 0, 1]
    assert table["end_ts"].iloc[2] == local_ts("2026-11-16 00:00")
    assert table["date_precision"].tolist() == ["datetime", "datetime", "date", "datetime"]
    assert table["coord_status"].tolist() == ["ok", "ok", "missing", "ok"]
    assert table["lat"].iloc[3] == pytest.approx(-8.0708889, abs=1e-6)
    assert table["category"].tolist() == ["Robo", "Robo", "Extorsión", "No especificado"]
    assert table["weight"].tolist() == [6, 6, 6, 1]
    assert [(r.row, r.code) for r in result.rejections] == [(5, "rows.date_impossible"), (6, "rows.date_missing")]
    assert result.rejections[0].message("es") == (
        "Fila 5: la fecha «31/02/2026» no existe (columna «Fecha del hecho»).")
    assert result.rejections[0].data["value"] == "31/02/2026"
    assert {"rows.time_midnight_unknown", "rows.coords_missing", "rows.category_unknown"} <= set(codes(result))
    assert result.mapping.day_first is True


def test_windows_keep_start_and_end_and_cross_midnight():
    raw = raw_table(["fecha", "hora", "fecha_hasta", "hora_hasta"],
                    [["14/11/2026", "08:00", "", "16:00"],
                     ["14/11/2026", "22:00", "", "02:00"],
                     ["14/11/2026", "22:00", "15/11/2026", "06:30"],
                     ["14/11/2026", "22:00", "13/11/2026", "06:30"],
                     ["14/11/2026", "00:00", "", "02:00"]])
    result = normalize(raw)
    table = result.table
    assert table["start_ts"].tolist() == [local_ts("2026-11-14 08:00"), local_ts("2026-11-14 22:00"),
                                          local_ts("2026-11-14 22:00"), local_ts("2026-11-14 00:00")]
    assert table["end_ts"].tolist() == [local_ts("2026-11-14 16:00"), local_ts("2026-11-15 02:00"),
                                        local_ts("2026-11-15 06:30"), local_ts("2026-11-14 02:00")]
    assert table["time_known"].tolist() == [1, 1, 1, 1]   # an end time is evidence that 00:00 was meant
    (rejection,) = result.rejections
    assert (rejection.row, rejection.code) == (5, "rows.window_reversed")
    assert rejection.message("es") == ("Fila 5: el fin del hecho «13/11/2026 06:30» es anterior a su inicio "
                                       "«14/11/2026 22:00». Corrija la fecha u hora final.")


def test_a_register_without_end_columns_gets_the_windows_of_one_with_empty_end_columns():
    """Files without end columns take a shorter way (io.normalize_when); it must agree with the full one."""
    rows = [["14/11/2026", "08:00"], ["14/11/2026", "00:00"], ["14/11/2026", ""], ["2026-11", ""],
            ["14/11/2026 21:15", ""], ["14/11/2026", "25:00"], ["31/02/2026", "10:00"], ["", "10:00"],
            ["01/01/2999", "10:00"]]
    plain = normalize(raw_table(["fecha", "hora"], rows))
    with_ends = normalize(raw_table(["fecha", "hora", "fecha_hasta", "hora_hasta"], [r + ["", ""] for r in rows]))
    columns = ["start_ts", "end_ts", "time_known", "date_precision"]
    assert plain.table[columns].equals(with_ends.table[columns])
    assert len(plain.table) == 6 and plain.table["end_ts"].iloc[3] == local_ts("2026-12-01 00:00")
    assert [(r.row, r.code) for r in plain.rejections] == [(r.row, r.code) for r in with_ends.rejections] == [
        (8, "rows.date_impossible"), (9, "rows.date_missing"), (10, "rows.date_in_future")]
    assert sorted(codes(plain)) == sorted(codes(with_ends))


def test_dates_out_of_range_are_rejected_with_the_value():
    raw = raw_table(["fecha"], [["01/01/1900"], ["2026-13-01"], ["01/01/2999"], ["hoy"], ["2026-11-14"]])
    result = normalize(raw)
    assert [(r.row, r.code, r.data["value"]) for r in result.rejections] == [
        (2, "rows.date_too_old", "01/01/1900"), (3, "rows.date_impossible", "2026-13-01"),
        (4, "rows.date_in_future", "01/01/2999"), (5, "rows.date_unreadable", "hoy")]
    assert result.table["time_known"].tolist() == [0]
    assert "rows.time_none" in codes(result)
    assert result.rejections[3].message("en").startswith("Row 5: the date 'hoy' cannot be read")


def test_ambiguous_day_month_takes_the_mapping_or_assumes_peru_and_warns():
    raw = raw_table(["fecha"], [["03/04/2026"], ["05/06/2026"]])
    assumed = normalize(raw)
    assert assumed.table["start_ts"].iloc[0] == local_ts("2026-04-03 00:00")
    assert "rows.day_first_assumed" in codes(assumed) and assumed.mapping.day_first is True
    told = normalize(raw, ColumnMapping({"date": "fecha"}, day_first=False))
    assert told.table["start_ts"].iloc[0] == local_ts("2026-03-04 00:00")
    assert "rows.day_first_assumed" not in codes(told)


def test_year_month_columns_give_month_windows():
    raw = raw_table(["anio", "mes", "delito"], [["2019.0", "Enero", "Robo"], ["2019", "setiembre", "Hurto"]])
    table = normalize(raw).table
    assert table["date_precision"].tolist() == ["month", "month"]
    assert table["start_ts"].tolist() == [local_ts("2019-01-01 00:00"), local_ts("2019-09-01 00:00")]
    assert table["end_ts"].tolist() == [local_ts("2019-02-01 00:00"), local_ts("2019-10-01 00:00")]


def test_rows_without_id_get_content_hash_keys_counted_by_occurrence():
    raw = raw_table(["fecha", "tipo"], [["14/11/2026", "Robo"], ["14/11/2026", "Robo"], ["15/11/2026", "Robo"]])
    keys = normalize(raw).table["source_key"].tolist()
    # The key is made of field=cell pairs in field order ("tipo" is the category).
    first = "c:" + hashlib.sha1("category=Robo\x1fdate=14/11/2026".encode()).hexdigest()
    assert keys[:2] == [first + "#1", first + "#2"]
    assert keys[2].endswith("#1") and keys[2] != first + "#1"
    assert normalize(raw).table["source_key"].tolist() == keys   # re-import: the same keys


def test_ids_and_kept_text_are_stripped_and_rows_without_an_id_hash_their_stripped_cells():
    # Padded cells as exports write them: the id, the address and the description are stored stripped,
    # and a row without an id is keyed by the hash of its stripped mapped cells (free text left out).
    raw = raw_table(["nro_denuncia", "fecha", "direccion", "descripcion"],
                    [[" 8325024.0 ", "14/11/2026", "  Jr. Pizarro 123 ", " robo al paso "],
                     ["   ", "14/11/2026", " Av. España 5", "Ñandú"]])
    table = normalize(raw).table
    assert table["source_id"].tolist() == ["8325024", ""]
    assert table["address"].tolist() == ["Jr. Pizarro 123", "Av. España 5"]
    assert table["description"].astype(str).tolist() == ["robo al paso", "Ñandú"]
    cells = "\x1f".join(["address=Av. España 5", "date=14/11/2026"])
    assert table["source_key"].tolist() == ["id:8325024#1", "c:" + hashlib.sha1(cells.encode()).hexdigest() + "#1"]


def test_legacy_keys_are_the_first_scheme_hash_of_every_cell_in_column_order():
    raw = raw_table(["nro_denuncia", "fecha", "direccion", "descripcion"],
                    [[" 8325024.0 ", "14/11/2026", "  Jr. Pizarro 123 ", " robo al paso "],
                     ["   ", "14/11/2026", " Av. España 5", "Ñandú"]])
    assert normalize(raw).legacy_keys is None   # only asked for by projects that may hold them
    cells = "\x1f".join(["", "14/11/2026", "Av. España 5", "Ñandú"])
    assert normalize(raw, legacy_keys=True).legacy_keys.tolist() == [
        "id:8325024#1", "h:" + hashlib.sha1(cells.encode()).hexdigest() + "#1"]


def test_content_keys_ignore_column_order_and_added_columns_but_not_real_differences():
    rows = [["13/01/2025", "10:13", "Robo", "-12.013", "-77.013"], ["13/01/2025", "10:13", "Robo", "-12.013", "-77.013"],
            ["14/01/2025", "10:14", "Robo", "-12.014", "-77.014"]]
    names = ["fecha", "hora", "delito", "latitud", "longitud"]
    keys = normalize(raw_table(names, rows)).table["source_key"].tolist()
    assert keys[0] != keys[1] and keys[0][:-2] == keys[1][:-2]    # twice in one file: #1 and #2
    order = [2, 0, 1, 4, 3]
    reordered = raw_table([names[i] for i in order], [[row[i] for i in order] for row in rows])
    assert normalize(reordered).table["source_key"].tolist() == keys
    extra = raw_table(names + ["estado"], [row + ["abierto"] for row in rows])
    assert normalize(extra).table["source_key"].tolist() == keys
    changed = raw_table(names, [rows[0], rows[1], ["14/01/2025", "10:15", "Robo", "-12.014", "-77.014"]])
    assert normalize(changed).table["source_key"].tolist()[2] != keys[2]


@pytest.mark.parametrize("ids, keys", [
    (["A1", "A10", "B7", "C9"], ["id:A1#1", "id:A10#1", "id:B7#1", "id:C9#1"]),
    (["C9", "B7", "A10", "A1"], ["id:C9#1", "id:B7#1", "id:A10#1", "id:A1#1"]),
    (["A10", "B7", "A1", "B7", "A1", "D2", "C9"],
     ["id:A10#1", "id:B7#1", "id:A1#1", "id:B7#2", "id:A1#2", "id:D2#1", "id:C9#1"]),
    (["A1", "A1", "B7"], ["id:A1#1", "id:A1#2", "id:B7#1"]),   # ascending, but not strictly
])
def test_keys_count_repeats_however_the_rows_are_ordered(ids, keys):
    # Strictly ordered ids skip the search for repeats (io.normalize.strictly_ordered); a repeat
    # anywhere else must still be found, next to its twin or not.
    raw = raw_table(["nro_denuncia", "fecha", "delito"], [[case, "14/11/2026", "Robo"] for case in ids])
    assert normalize(raw).table["source_key"].tolist() == keys


def test_outside_area_and_utm_with_the_zone_from_the_mapping():
    raw = raw_table(["fecha", "este", "norte"], [["14/11/2026", "718295.0", "9107288.0"],
                                                 ["14/11/2026", "728295.0", "9107288.0"]])
    area = box(-79.05, -8.09, -79.01, -8.05)
    result = normalize(raw, ColumnMapping({"date": "fecha", "x": "este", "y": "norte"}, utm_zone=17), area=area)
    assert result.table["coord_status"].tolist() == ["ok", "outside_area"]
    assert "rows.utm_zone_guessed" not in codes(result)


def test_a_file_without_any_date_cannot_be_understood():
    raw = raw_table(["nombre", "tipo"], [["x", "Robo"]])
    with pytest.raises(MappingError) as caught:
        normalize(raw)
    assert caught.value.code == "mapping.no_date"
    assert "nombre" in caught.value.message("es")


def test_a_mapping_naming_a_missing_column_is_refused():
    raw = raw_table(["fecha"], [["14/11/2026"]])
    with pytest.raises(MappingError) as caught:
        normalize(raw, ColumnMapping({"date": "FECHA_HECHO"}))
    assert caught.value.code == "mapping.column_missing"


def test_aggregated_rows_become_counts_with_padded_ubigeo():
    raw = raw_table(["ANIO", "MES", "DPTO_HECHO_NEW", "PROV_HECHO", "DIST_HECHO", "UBIGEO_HECHO", "P_MODALIDADES",
                     "cantidad"],
                    [["2024", "3", "CAJAMARCA", "CAJABAMBA", "CACHACHI", "60202", "Extorsión", "2"],
                     ["2024", "13", "CAJAMARCA", "CAJABAMBA", "CACHACHI", "60202", "Robo", "1"],
                     ["2024", "4", "CAJAMARCA", "CAJABAMBA", "CACHACHI", "60202", "Robo", "dos"],
                     ["2024", "4", "CAJAMARCA", "CAJABAMBA", "", "", "Robo", "3"]])
    result = normalize(raw)
    assert result.kind == TableKind.AGGREGATED
    row = result.table.iloc[0]
    assert (row["year"], row["month"], row["ubigeo"], row["department"], row["district"], row["category"],
            row["count"]) == (2024, 3, "060202", "CAJAMARCA", "CACHACHI", "Extorsión", 2)
    assert [(r.row, r.code) for r in result.rejections] == [
        (3, "rows.date_impossible"), (4, "rows.count_invalid"), (5, "rows.place_missing")]
    assert len(result.table) + len(result.rejections) == 4


def test_warnings_count_imported_rows_only():
    raw = raw_table(["fecha", "hora", "lat", "lon"],
                    [["31/02/2026", "00:00", "0", "0"],        # rejected: its coordinates are not news
                     ["14/11/2026", "00:00", "0", "0"],
                     ["14/11/2026", "25:99", "-8.07", "-79.03"]])
    result = normalize(raw)
    by_code = {w.code: w.data for w in result.warnings}
    assert by_code["rows.coords_missing"] == {"count": 1, "rows": "3"}
    assert by_code["rows.time_midnight_unknown"] == {"count": 1, "rows": "3"}
    assert by_code["rows.time_unreadable"] == {"count": 1, "rows": "4"}
    assert result.warnings[0].message("es").startswith("1 fila tiene ")


def test_spaces_around_cells_change_nothing_and_blank_coordinates_count_as_empty():
    # Parsers strip the distinct values they read instead of every cell up front; the
    # result must be the same as for a clean file, row for row.
    header = ["ID", "Fecha", "Hora", "Modalidad", "Distrito", "Comisaria", "Ubigeo", "Lat", "Lon", "Direccion"]
    clean = [["A1", "14/11/2026", "21:30", "Robo", "EL PORVENIR", "CPNP EL PORVENIR", "130102", "-8.07", "-79.03",
              "Av. Sánchez Carrión 120"],
             ["A2", "32/11/2026", "10:00", "Hurto", "LA ESPERANZA", "CPNP LA ESPERANZA", "130105", "", "",
              "Jr. Grau 5"],
             ["A3", "15/11/2026", "08:15", "Hurto", "LA ESPERANZA", "CPNP LA ESPERANZA", "130105", "", "",
              "Jr. Grau 7"]]
    padded = [[f"  {cell}\t" if cell else cell for cell in row] for row in clean]
    padded[2][7], padded[2][8] = "   ", " "   # blank, not unreadable
    one, other = normalize(raw_table(header, clean)), normalize(raw_table(header, padded))
    columns = [c for c in INCIDENT_COLUMNS if c != "source_key"]
    pd.testing.assert_frame_equal(one.table[columns].astype(str), other.table[columns].astype(str))
    assert one.table["source_key"].tolist() == other.table["source_key"].tolist() == ["id:A1#1", "id:A3#1"]
    assert [r.data["value"] for r in other.rejections] == ["32/11/2026"]  # quoted as written, trimmed
    assert "rows.coords_empty" in codes(other) and "rows.coords_missing" not in codes(other)
