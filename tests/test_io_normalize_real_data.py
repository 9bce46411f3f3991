"""normalize() and preview() on the real public exports under ../shared/data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import shared_path
from factories import local_ts

from stationmap.core.model import UNKNOWN_CATEGORY, TableKind
from stationmap.io.normalize import normalize
from stationmap.io.preview import preview
from stationmap.io.readers import read_table

CDMX = "mexico-cdmx-fgj-victimas-alcaldias"
UK = "uk-police-city-of-london-street-2016-2017"


def normalized(path: Path):
    raw = read_table(path)
    result = normalize(raw)
    assert len(result.table) + len(result.rejections) == len(raw.frame)
    assert result.table["source_key"].is_unique
    return raw, result


def test_sidpol_cajamarca_is_an_aggregated_table_of_171501_reports():
    raw, result = normalized(shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv"))
    table = result.table
    assert result.kind == TableKind.AGGREGATED
    assert len(table) == 17_471 and result.rejections == []
    assert int(table["count"].sum()) == 171_501
    assert table["ubigeo"].str.fullmatch(r"\d{6}").all()
    assert table["ubigeo"].iloc[0] == "060202"                      # written 60202 in the file
    assert (table["year"].min(), table["year"].max()) == (2018, 2026)
    assert table["month"].between(1, 12).all()
    assert set(table["category"]) == {"Otros", "Violencia contra la mujer e integrantes", "Hurto", "Robo",
                                      "Estafa", "Extorsión", "Homicidio"}
    assert "rows.category_unknown" not in [w.code for w in result.warnings]


@pytest.mark.parametrize("name, rows, no_coords", [("CUAJIMALPA_DE_MORELOS.csv", 13_508, 284),
                                                   ("LA_MAGDALENA_CONTRERAS.csv", 15_804, 140),
                                                   ("MILPA_ALTA.csv", 7_558, 375)])
def test_cdmx_victims_with_float_ids_seconds_times_and_longitude_first(name, rows, no_coords):
    raw, result = normalized(shared_path("data", CDMX, name))
    table = result.table
    assert len(raw.frame) == rows
    assert result.mapping.fields["lat"] == "latitud" and result.mapping.fields["lon"] == "longitud"
    assert not table["source_id"].str.endswith(".0").any()
    # One row per victim: a case id repeats, and each repeat keeps its own key.
    assert table["source_key"].str.endswith("#2").any()
    empty_point = raw.frame["latitud"] == ""
    assert int(empty_point.sum()) == no_coords                # as PROVENANCE.md counts them
    kept_empty = set(raw.line_numbers[empty_point.to_numpy()]) & set(table["line"])
    assert set(table.loc[table["coord_status"] == "missing", "line"]) == kept_empty
    located = table[table["coord_status"] != "missing"]
    assert (located["coord_status"] == "outside_peru").all()
    assert located["lat"].between(19.0, 19.5).all() and located["lon"].between(-99.4, -98.9).all()
    assert (table["category"] != UNKNOWN_CATEGORY).mean() > 0.9
    assert {r.code for r in result.rejections} <= {"rows.date_missing"}


def test_cdmx_first_row_by_hand():
    _, result = normalized(shared_path("data", CDMX, "MILPA_ALTA.csv"))
    first = result.table.iloc[0]
    # 04/01/2019 (day first), Hora 70200.0 seconds = 19:30; DAÑO EN PROPIEDAD AJENA ... -> Daños
    assert first["source_key"] == "id:8325024#1"
    assert first["start_ts"] == first["end_ts"] == local_ts("2019-01-04 19:30")
    assert first["time_known"] == 1 and first["category"] == "Daños" and first["weight"] == 2
    assert first["subcategory_raw"] == "DELITO DE BAJO IMPACTO"


def test_uk_monthly_files_month_precision_hash_keys_and_no_location():
    folder = shared_path("data", UK)
    total = missing = hashed = no_location = 0
    for path in sorted(folder.glob("*.csv")):
        raw, result = normalized(path)
        table = result.table
        total += len(raw.frame)
        assert result.rejections == []
        assert (table["date_precision"] == "month").all() and (table["time_known"] == 0).all()
        month = path.name[:7]
        year, number = int(month[:4]), int(month[5:])
        following = f"{year + number // 12}-{number % 12 + 1:02d}-01 00:00"
        assert (table["start_ts"] == local_ts(f"{month}-01 00:00")).all()
        assert (table["end_ts"] == local_ts(following)).all()
        empty_id = table["source_id"] == ""
        assert table.loc[empty_id, "source_key"].str.match(r"^c:[0-9a-f]{40}#\d+$").all()
        assert table.loc[~empty_id, "source_key"].str.startswith("id:").all()
        hashed += int(empty_id.sum())
        missing += int((table["coord_status"] == "missing").sum())
        no_location += int((raw.frame["Location"] == "No Location").sum())
        assert (table["category"] != UNKNOWN_CATEGORY).all()
    assert total == 10_118
    assert hashed == 1_980                 # anti-social behaviour rows carry no Crime ID
    assert missing == no_location == 465   # "No Location": imported, without a point


def test_keys_are_stable_across_reimports():
    path = shared_path("data", UK, "2016-05-city-of-london-street.csv")
    _, first = normalized(path)
    _, again = normalized(path)
    assert np.array_equal(first.table["source_key"].to_numpy(), again.table["source_key"].to_numpy())


def test_preview_of_real_files():
    sidpol = preview(shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv"), rows=20)
    assert sidpol.kind == TableKind.AGGREGATED and len(sidpol.raw.frame) == 20
    assert sidpol.mapping.fields["ubigeo"] == "UBIGEO_HECHO"
    cdmx = preview(shared_path("data", CDMX, "MILPA_ALTA.csv"))
    assert cdmx.kind == TableKind.INCIDENTS and cdmx.mapping.fields["date"] == "Fecha"
    assert cdmx.day_first_ambiguous is False        # 24/12/2018-style dates settle it within 50 rows


def test_preview_asks_when_the_first_rows_cannot_tell(tmp_path):
    path = tmp_path / "ambiguo.csv"
    path.write_text("fecha;hora;modalidad\n03/04/2026;10:00;Robo\n05/06/2026;11:00;Hurto\n", encoding="utf-8")
    result = preview(path)
    assert result.day_first_ambiguous is True
    assert result.mapping.fields == {"date": "fecha", "time": "hora", "category": "modalidad"}


def test_a_messy_peruvian_export_from_file(tmp_path):
    path = tmp_path / "denuncias_noviembre.csv"
    path.write_bytes(
        "N° Denuncia;Fecha del Hecho;Hora;Modalidad;Latitud;Longitud;UBIGEO\r\n"
        "8325024.0;14/11/2026;21:30;Robo;-8,0712;-79,0321;130102\r\n"
        "8325025.0;15/11/2026;12:00:00 AM;Extorsión;0;0;130102\r\n"
        "8325026.0;31/02/2026;10:00;Hurto;-8,07;-79,03;130102\r\n"
        "8325027.0;16/11/2026;9:30 PM;Violación;-79,03;-8,07;60101\r\n".encode("cp1252"))
    raw = read_table(path)
    result = normalize(raw)
    assert len(result.table) + len(result.rejections) == len(raw.frame) == 4
    table = result.table
    assert table["source_key"].tolist() == ["id:8325024#1", "id:8325025#1", "id:8325027#1"]
    assert table["time_known"].tolist() == [1, 0, 1]
    assert table["start_ts"].iloc[2] == local_ts("2026-11-16 21:30")
    assert table["coord_status"].tolist() == ["ok", "missing", "ok"]
    assert (table["lat"].iloc[2], table["lon"].iloc[2]) == (-8.07, -79.03)     # a swapped row, put right
    assert table["category"].tolist() == ["Robo", "Extorsión", "Violación y delitos sexuales"]
    assert table["ubigeo"].tolist() == ["130102", "130102", "060101"]
    (rejection,) = result.rejections
    assert (rejection.file, rejection.row, rejection.code) == (str(path), 4, "rows.date_impossible")
