"""Column mapping: Spanish and English header names, values when names are silent, JSON profiles."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from stationmap.core.errors import MappingError
from stationmap.io.mapping import ColumnMapping, guess_mapping


def guess(columns: list[str], rows: list[list[str]] | None = None) -> dict[str, str]:
    sample = pd.DataFrame(rows or [], columns=columns, dtype="str")
    return guess_mapping(columns, sample).fields


@pytest.mark.parametrize("header, field", [
    ("FECHA_HECHO", "date"), ("Fecha del Hecho", "date"), ("f_hecho", "date"), ("fecha_hechos", "date"),
    ("HORA", "time"), ("hora del hecho", "time"), ("Hora_Hecho", "time"),
    ("fecha_hasta", "date_end"), ("HORA FIN", "time_end"),
    ("Modalidad", "category"), ("P_MODALIDADES", "category"), ("Crime type", "category"),
    ("Subtipo", "subcategory"), ("LATITUD", "lat"), ("Longitud", "lon"), ("lng", "lon"),
    ("Coordenadas", "coords"), ("GPS", "coords"), ("Dirección", "address"), ("ubicación", "address"),
    ("calle_hechos", "address"), ("UBIGEO_HECHO", "ubigeo"), ("dist_hecho", "district"),
    ("Comisaría", "station"), ("CPNP", "station"), ("descripción", "description"),
    ("AÑO", "year"), ("anio", "year"), ("ao_hechos", "year"), ("MES", "month"), ("Día", "day"),
    ("Crime ID", "source_id"), ("N° denuncia", "source_id"), ("Nro Denuncia", "source_id"),
    ("idCarpeta", "source_id"), ("cantidad", "count"), ("DPTO_HECHO_NEW", "department"),
    ("PROV_HECHO", "province"),
])
def test_one_header_name(header, field):
    assert guess([header]).get(field) == header


def test_sidpol_regional_and_national_headers():
    regional = guess(["AÑO", "MES", "DEPARTAMENTO", "PROVINCIA", "DISTRITO", "UBIGEO_HECHO", "MODALIDAD",
                      "CANTIDAD"])
    national = guess(["ANIO", "MES", "DPTO_HECHO_NEW", "PROV_HECHO", "DIST_HECHO", "UBIGEO_HECHO",
                      "P_MODALIDADES", "cantidad"])
    for fields in (regional, national):
        assert set(fields) == {"year", "month", "department", "province", "district", "ubigeo", "category",
                               "count"}


def test_incident_date_beats_complaint_date_and_second_category_is_kept_as_subcategory():
    fields = guess(["fecha_inicio", "fecha_hechos", "delito", "categoria_delito", "categoria"])
    assert fields["date"] == "fecha_hechos"
    assert fields["category"] == "delito" and fields["subcategory"] == "categoria"


def test_uk_month_column_holding_year_month_is_the_date():
    fields = guess(["Crime ID", "Month", "Longitude", "Latitude", "Location", "Crime type"],
                   [["", "2016-05", "-0.11", "51.5", "On or near X", "Drugs"]])
    assert fields["date"] == "Month" and "month" not in fields
    assert fields["address"] == "Location"


def test_x_y_in_degrees_are_longitude_and_latitude():
    fields = guess(["x", "y"], [["-79.03", "-8.07"]])
    assert fields == {"lon": "x", "lat": "y"}
    utm = guess(["este", "norte"], [["718000", "9107000"]])
    assert utm == {"x": "este", "y": "norte"}


def test_silent_names_are_recognised_from_peruvian_values():
    fields = guess(["c1", "c2", "c3", "c4"], [["-8.0712", "-79.0321", "14/11/2026", "21:30"],
                                               ["-8.0801", "-79.0402", "15/11/2026", "08:05"]])
    assert fields == {"lat": "c1", "lon": "c2", "date": "c3", "time": "c4"}


def test_a_location_column_holding_pairs_is_coordinates():
    fields = guess(["ubicacion"], [["-8.07, -79.03"], ["-8.08, -79.04"]])
    assert fields == {"coords": "ubicacion"}


def test_json_round_trip():
    mapping = ColumnMapping({"date": "FECHA", "lat": "LAT"}, day_first=False, utm_zone=18)
    text = json.dumps(mapping.to_json())
    assert ColumnMapping.from_json(json.loads(text)) == mapping


@pytest.mark.parametrize("bad", [
    [], {"fields": []}, {"fields": {"fecha_rara": "FECHA"}}, {"fields": {"date": ""}},
    {"fields": {"date": "F"}, "day_first": "si"}, {"fields": {"date": "F"}, "utm_zone": 20},
])
def test_bad_json_is_refused_with_a_code(bad):
    with pytest.raises(MappingError) as caught:
        ColumnMapping.from_json(bad)
    assert caught.value.code == "mapping.invalid"
    assert "perfil" in caught.value.message("es")
