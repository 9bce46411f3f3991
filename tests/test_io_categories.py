"""Category table: raw SIDPOL / CDMX / UK values -> standard Spanish categories with weights."""

from __future__ import annotations

import pandas as pd
import pytest

from stationmap.core.model import UNKNOWN_CATEGORY
from stationmap.io.categories import CategoryTable, unknown_values


def classify(*values: str) -> list[str]:
    category, _ = CategoryTable.default().classify(pd.Series(list(values), dtype="str"))
    return category.tolist()


def test_standard_list_is_spanish_with_weights_and_ends_known():
    table = CategoryTable.default()
    names = table.standard_categories()
    assert names[0] == "Homicidio" and UNKNOWN_CATEGORY in names
    assert table.weight("Homicidio") == 10 and table.weight("Robo") == 6 and table.weight("Hurto") == 3
    assert table.weight("Faltas") == 1 and table.weight(UNKNOWN_CATEGORY) == 1


def test_sidpol_modalidades_match_ignoring_accents_case_and_spacing():
    assert classify("Extorsión", "EXTORSION", "  extorsion ", "Violencia contra la mujer e integrantes",
                    "Hurto", "Robo", "Estafa", "Secuestro", "Homicidio", "Otros") == [
        "Extorsión", "Extorsión", "Extorsión", "Violencia contra la mujer e integrantes",
        "Hurto", "Robo", "Estafa", "Secuestro", "Homicidio", "Otros"]


def test_cdmx_delitos_follow_peruvian_robo_and_hurto():
    assert classify("ROBO A TRANSEUNTE EN VÍA PÚBLICA CON Y SIN VIOLENCIA",
                    "ROBO A NEGOCIO SIN VIOLENCIA",
                    "ROBO A TRANSEUNTE EN VIA PUBLICA CON VIOLENCIA",
                    "DAÑO EN PROPIEDAD AJENA INTENCIONAL",
                    "VIOLENCIA FAMILIAR",
                    "LESIONES INTENCIONALES POR GOLPES",
                    "NARCOMENUDEO POSESION SIMPLE",
                    "FEMINICIDIO",
                    "ABUSO SEXUAL",
                    "DELITO DE BAJO IMPACTO") == [
        "Robo", "Hurto", "Robo", "Daños", "Violencia contra la mujer e integrantes", "Lesiones",
        "Microcomercialización de drogas", "Homicidio", "Violación y delitos sexuales", UNKNOWN_CATEGORY]


def test_uk_crime_types():
    assert classify("Robbery", "Burglary", "Theft from the person", "Violence and sexual offences", "Drugs",
                    "Anti-social behaviour", "Criminal damage and arson", "Possession of weapons",
                    "Shoplifting", "Other crime") == [
        "Robo", "Hurto", "Hurto", "Lesiones", "Microcomercialización de drogas", "Faltas", "Daños",
        "Tenencia ilegal de armas", "Hurto", "Otros"]


def test_unknown_and_empty_values_go_to_no_especificado_and_are_counted():
    raw = pd.Series(["Robo", "Brujería", "", "Brujería", "Cosa rara"], dtype="str")
    category, weight = CategoryTable.default().classify(raw)
    assert category.tolist() == ["Robo", UNKNOWN_CATEGORY, UNKNOWN_CATEGORY, UNKNOWN_CATEGORY, UNKNOWN_CATEGORY]
    assert weight.tolist() == [6, 1, 1, 1, 1]
    count, values = unknown_values(raw, category)
    assert count == 3 and values == ["Brujería", "Cosa rara"]   # the empty cell is not an "unrecognised value"


def test_frame_round_trip_keeps_edits():
    frame = CategoryTable.default().to_frame()
    frame.loc[frame["category"] == "Hurto", "weight"] = 4.5
    frame.loc[len(frame)] = ["Arrebato de celular", "Robo", 6]
    table = CategoryTable.from_frame(frame)
    category, weight = table.classify(pd.Series(["arrebato de celular", "hurto"], dtype="str"))
    assert category.tolist() == ["Robo", "Hurto"] and weight.tolist() == [6, 4.5]
    assert CategoryTable.from_frame(table.to_frame()).to_frame().equals(table.to_frame())


def test_a_renamed_category_is_not_reached_by_default_rules():
    frame = pd.DataFrame({"raw": ["Robo agravado"], "category": ["Robo agravado"], "weight": [7]})
    table = CategoryTable.from_frame(frame)
    assert table.standard_categories() == ["Robo agravado", UNKNOWN_CATEGORY]
    category, _ = table.classify(pd.Series(["ROBO AGRAVADO", "Robo"], dtype="str"))
    assert category.tolist() == ["Robo agravado", UNKNOWN_CATEGORY]


@pytest.mark.parametrize("raw", ["Microcomercialización de drogas", "MICROCOMERCIALIZACION DE DROGAS"])
def test_weights_follow_the_category(raw):
    _, weight = CategoryTable.default().classify(pd.Series([raw], dtype="str"))
    assert weight.tolist() == [4]
