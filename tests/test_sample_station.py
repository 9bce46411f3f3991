"""The bundled sample station: synthetic incidents with believable patterns on real streets."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
import shapely
from shapely.geometry import shape

from conftest import SAMPLE_DATA, shared_path

STATION = SAMPLE_DATA / "station"
CSV_FILE = STATION / "incidentes_SINTETICOS_comisaria_el_porvenir_2025-11-17_2026-11-15.csv"
XLSX_FILE = STATION / "incidentes_SINTETICOS_comisaria_el_porvenir_ultimas_4_semanas.xlsx"
GEO = SAMPLE_DATA / "geo"


@pytest.fixture(scope="module")
def rows() -> tuple[list[str], list[list[str]], str]:
    with open(CSV_FILE, encoding="cp1252", newline="") as handle:
        title = handle.readline()
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        return header, list(reader), title


def _good(rows_: list[list[str]], header: list[str]) -> list[dict[str, str]]:
    """Rows a careful importer would keep (right width, a real dd/mm/yyyy date)."""
    out = []
    for r in rows_:
        if len(r) != len(header):
            continue
        parts = r[2].split("/")
        if len(parts) != 3 or not all(p.isdigit() for p in parts) or int(parts[1]) > 12 or r[2].startswith("31/02"):
            continue
        out.append(dict(zip(header, r)))
    return out


def test_csv_is_a_messy_station_export_labelled_synthetic(rows):
    header, records, title = rows
    assert "SINTETICOS" in title and "OpenStreetMap contributors" in title
    assert "SINTETICOS" in CSV_FILE.name
    assert header[:4] == ["N", "NRO_DENUNCIA", "FECHA_HECHO", "HORA_HECHO"]
    raw = CSV_FILE.read_bytes()
    with pytest.raises(UnicodeDecodeError):  # CP1252, not UTF-8
        raw.decode("utf-8")
    assert 5000 <= len(records) <= 7000
    good = _good(records, header)
    bad = len(records) - len(good)
    assert 0.005 * len(records) < bad < 0.02 * len(records)
    assert any(len(r) == len(header) + 1 for r in records)          # an extra column
    assert any(r[10] == "0" and r[11] == "0" for r in records)     # 0,0 coordinates
    unknown = sum(r["HORA_HECHO"] == "00:00" for r in good) / len(good)
    windows = sum(bool(r["FECHA_HASTA"]) for r in good) / len(good)
    no_coords = sum(not r["LATITUD"] for r in good) / len(good)
    commas = sum("," in r["LATITUD"] for r in good) / len(good)
    assert 0.06 < unknown < 0.11 and 0.03 < windows < 0.07 and 0.02 < no_coords < 0.06 and 0 < commas < 0.05
    raw_categories = {r["MODALIDAD"] for r in good}
    assert {"ROBO AGRAVADO", "Robo", "HURTO SIMPLE", "hurto agravado", "VIOLENCIA FAMILIAR", "EXTORSIÓN",
            "MICROCOMERCIALIZACION DE DROGAS", "ESTAFA", "LESIONES"} <= raw_categories


def test_period_is_52_weeks_ending_sunday_of_week_46(rows):
    from datetime import date, datetime

    header, records, _ = rows
    days = [datetime.strptime(r["FECHA_HECHO"], "%d/%m/%Y").date() for r in _good(records, header)]
    assert min(days) >= date(2025, 11, 17) and max(days) == date(2026, 11, 15)
    week46 = {d for d in days if d.isocalendar()[:2] == (2026, 46)}
    assert len(week46) == 7  # every day of the last ISO week has incidents


def test_robbery_peaks_at_night_and_weekends_and_concentrates(rows):
    from datetime import datetime

    header, records, _ = rows
    robbery = [r for r in _good(records, header)
               if r["MODALIDAD"].upper().startswith("ROBO") and "VEHICULO" not in r["MODALIDAD"].upper()
               and "DOMICILIO" not in r["MODALIDAD"].upper() and r["HORA_HECHO"] != "00:00"]
    hours = np.array([int(r["HORA_HECHO"][:2]) for r in robbery])
    evening = np.isin(hours, range(18, 24)).mean()
    assert evening > 1.5 * 6 / 24  # well above an even spread over the day
    weekdays = np.array([datetime.strptime(r["FECHA_HECHO"], "%d/%m/%Y").weekday() for r in robbery])
    assert np.isin(weekdays, [4, 5, 6]).mean() > 3 / 7 + 0.05
    located = [r for r in robbery if r["LATITUD"] and r["LATITUD"] != "0"]
    cells = {}
    for r in located:  # ~100 m cells
        key = (round(float(r["LATITUD"].replace(",", ".")), 3), round(float(r["LONGITUD"].replace(",", ".")), 3))
        cells[key] = cells.get(key, 0) + 1
    top = sorted(cells.values(), reverse=True)[:30]
    assert sum(top) / len(located) > 0.3  # puntos críticos: a few places hold much of it


def test_incidents_lie_in_the_jurisdiction_on_named_real_streets(rows):
    header, records, _ = rows
    jurisdiction = shape(json.loads((GEO / "jurisdiccion_el_porvenir.geojson").read_text())["features"][0]["geometry"])
    good = [r for r in _good(records, header) if r["LATITUD"] and r["LATITUD"] != "0"]
    lat = np.array([float(r["LATITUD"].replace(",", ".")) for r in good])
    lon = np.array([float(r["LONGITUD"].replace(",", ".")) for r in good])
    inside = shapely.contains_xy(jurisdiction.buffer(0.001), lon, lat)
    assert inside.mean() > 0.99
    roads = json.loads(shared_path("geo", "trujillo-osm-extract-2026", "trujillo_core_roads.geojson").read_text())
    osm_words = {w for f in roads["features"] if f["properties"].get("name")
                 for w in f["properties"]["name"].upper().split()}
    # The last word of a street address (before "cdra.") is a word of a real OSM street name.
    street_words = [r["DIRECCION"].upper().split(" CDRA.")[0].split()[-1] for r in good if "CDRA." in r["DIRECCION"].upper()]
    assert np.mean([w in osm_words for w in street_words]) > 0.97


def test_xlsx_overlaps_last_four_weeks_with_a_few_new_rows(rows):
    from openpyxl import load_workbook

    header, records, _ = rows
    sheet = load_workbook(XLSX_FILE, read_only=True).active
    values = list(sheet.iter_rows(values_only=True))
    assert "SINTETICOS" in values[0][0]
    assert list(values[1][:len(header)]) == header
    ids = [v[1] for v in values[2:]]
    csv_ids = {r[1] for r in records}
    new = [i for i in ids if i not in csv_ids]
    assert len(ids) > 300 and 5 <= len(new) <= 30
    first_dates = {v[2].date() for v in values[2:]}
    assert min(first_dates).isoformat() >= "2026-10-19"


def test_geography_files_for_the_later_steps():
    districts = json.loads((GEO / "distritos_trujillo.geojson").read_text(encoding="utf-8"))["features"]
    by_code = {f["properties"]["ubigeo"]: f["properties"]["distrito"] for f in districts}
    assert len(by_code) == 11 and by_code["130102"] == "EL PORVENIR" and by_code["130101"] == "TRUJILLO"
    stations = json.loads((GEO / "comisarias_trujillo.geojson").read_text(encoding="utf-8"))["features"]
    names = {f["properties"]["comisaria"] for f in stations}
    assert {"CPNP SANCHEZ CARRION", "CPNP FLORENCIA DE MORA"} <= names
    assert all(f["properties"]["codigo_cpnp"] and f["geometry"]["type"] == "Point" for f in stations)
    jurisdiction = json.loads((GEO / "jurisdiccion_el_porvenir.geojson").read_text(encoding="utf-8"))
    props = jurisdiction["features"][0]["properties"]
    assert props["ubigeos"] == "130102,130103,130105" and props["area_km2"] > 10
    total = sum(p.stat().st_size for p in SAMPLE_DATA.rglob("*") if p.is_file())
    assert total < 12_000_000  # the sample stays lean
