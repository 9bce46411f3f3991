"""io.readers on the real public exports under ../shared (skipped cleanly when that folder is absent)."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import shared_path

from stationmap.core.messages import catalog
from stationmap.io.readers import expand_inputs, read_table

# Each export read into memory and memory-mapped (the way of files of 8 MB or more).
pytestmark = pytest.mark.usefixtures("both_reading_ways")


def no_mojibake(frame) -> bool:
    return not frame.apply(lambda column: column.str.contains("Ã|Â|\ufffd", regex=True)).to_numpy().any()


def test_sidpol_cajamarca_mixed_encoding():
    path = shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv")
    table = read_table(path)
    assert len(table.frame) == 17_471 and table.bad_rows == []
    assert table.encoding == "mixed(cp1252 header, utf-8 rows)"
    assert table.delimiter == ";"
    assert list(table.frame.columns) == ["AÑO", "MES", "DEPARTAMENTO", "PROVINCIA", "DISTRITO", "UBIGEO_HECHO",
                                         "MODALIDAD", "CANTIDAD"]
    assert "Extorsión" in set(table.frame["MODALIDAD"])
    assert "ENCAÑADA" in set(table.frame["DISTRITO"])
    assert no_mojibake(table.frame)
    assert table.line_numbers.tolist() == list(range(2, 17_473))
    assert table.frame["CANTIDAD"].astype(int).sum() == 171_501  # PROVENANCE.md: every count kept


def test_sidpol_preview_reads_the_first_rows_only():
    path = shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv")
    table = read_table(path, max_rows=50)
    assert len(table.frame) == 50 and table.line_numbers.tolist() == list(range(2, 52))
    assert table.frame.columns[0] == "AÑO"


@pytest.mark.parametrize(("name", "rows"), [("CUAJIMALPA_DE_MORELOS.csv", 13_508),
                                            ("LA_MAGDALENA_CONTRERAS.csv", 15_804),
                                            ("MILPA_ALTA.csv", 7_558)])
def test_cdmx_victims(name, rows):
    table = read_table(shared_path("data", "mexico-cdmx-fgj-victimas-alcaldias", name))
    assert len(table.frame) == rows and table.bad_rows == []
    assert (table.encoding, table.delimiter, table.header_line) == ("utf-8", ",", 1)
    assert table.frame.columns[:6].tolist() == ["idCarpeta", "Dia", "Mes", "Año", "Fecha", "Hora"]
    assert table.frame["idCarpeta"].str.fullmatch(r"\d+\.0").all()  # float-ified ids stay text as written
    quoted = table.frame["Delito"].str.contains(",")
    assert quoted.any()  # quoted fields holding the delimiter stay whole
    assert table.frame.loc[quoted, "CalidadJuridica"].isin(
        ["OFENDIDO", "VICTIMA", "VICTIMA Y DENUNCIANTE", "OFENDIDO Y DENUNCIANTE", "DENUNCIANTE"]).mean() > 0.9
    # The export holds UTF-8 saved twice ("DAÃ<U+0091>O"): repaired, and the user is told.
    assert no_mojibake(table.frame) and not table.frame["Delito"].str.contains("<U+", regex=False).any()
    assert table.frame["Delito"].str.startswith("DAÑO EN PROPIEDAD AJENA").any()
    assert [w.code for w in table.warnings] == ["read.double_encoding_repaired"]
    assert np.array_equal(table.line_numbers, np.arange(2, rows + 2))


def test_uk_monthly_files_as_a_folder():
    folder = shared_path("data", "uk-police-city-of-london-street-2016-2017")
    files = expand_inputs([folder])
    assert [f.name[:7] for f in files] == [f"2016-{m:02d}" for m in range(1, 13)] + [f"2017-{m:02d}" for m in range(1, 7)]
    tables = [read_table(f) for f in files]
    assert sum(len(t.frame) for t in tables) == 10_118
    assert sum(len(t.bad_rows) for t in tables) == 0
    assert sum((t.frame["Crime ID"] == "").sum() for t in tables) == 1_980  # anti-social behaviour rows
    assert all((t.frame["Context"] == "").all() for t in tables)
    assert sum((t.frame["Location"] == "No Location").sum() for t in tables) == 465


def test_comisarias_workbook_header_on_row_3():
    path = shared_path("geo", "comisarias-pnp-2020", "2020 Relación de comisarías básicas 1319.xlsx")
    table = read_table(path)
    assert len(table.frame) == 1_319 and table.header_line == 3
    assert table.line_numbers[0] == 4 and table.line_numbers[-1] == 1_322
    assert table.frame.loc[0, "CODIGO INEI"] == "0957"   # leading zero kept: the cell is text
    assert table.frame.loc[0, "CODIGO CPNP"] == "4801"   # a number cell, shown as Excel shows it
    assert table.frame.loc[0, "COMISARÍA"] == "CPNP HUARAZ"
    assert table.frame.loc[0, "GPS"] == "-9.52938327,-77.52979372"


def test_comisarias_geojson_points_and_district_polygons():
    points = read_table(shared_path("geo", "comisarias-pnp-2020", "comisarias_basicas_pnp_2020.geojson"))
    assert len(points.frame) == 1_319 and points.bad_rows == []
    first = points.frame.iloc[0]
    assert (first["lon"], first["lat"]) == ("-77.52979372", "-9.52938327")
    polygons = read_table(shared_path("geo", "lima-callao-districts-joseluisq", "lima_callao_distritos_simple.geojson"))
    assert len(polygons.frame) == 0 and polygons.rows_read == len(polygons.bad_rows) > 0
    assert {b.code for b in polygons.bad_rows} == {"read.geometry_not_point"}


def test_every_reading_code_has_spanish_and_english():
    from stationmap.core.catalog.reading import MESSAGES

    merged = catalog()
    for code, texts in MESSAGES.items():
        assert code.startswith("read.") and merged[code] is texts
        assert texts["es"] and texts["en"] and texts["es"] != texts["en"]


def test_importing_the_readers_loads_no_heavy_library():
    """The import dialog lists folders with expand_inputs before any file is read: keep it light."""
    import subprocess
    import sys

    code = ("import sys, stationmap.io.readers\n"
            "print([m for m in ('pandas', 'pyarrow', 'numpy', 'python_calamine', 'openpyxl') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
