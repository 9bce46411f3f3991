"""Spelling suggestions on made-up variants and on real category lists."""

from __future__ import annotations

import pandas as pd

from conftest import shared_path
from stationmap.analysis.harmonize import comparison_key, spelling_groups


def test_accents_case_spaces_and_abbreviations_group_together():
    counts = {"Extorsión": 40, "EXTORSION": 12, "extorsion ": 3, "Robo agravado": 30, "ROBO AGRAV.": 5,
              "Hurto": 50, "Hurt0": 1, "Estafa": 9}
    groups = {g.suggestion: g for g in spelling_groups(counts)}
    assert set(groups) == {"Extorsión", "Robo agravado", "Hurto"}
    assert [m[0] for m in groups["Extorsión"].members] == ["Extorsión", "EXTORSION", "extorsion "]
    assert groups["Extorsión"].rows == 55
    assert comparison_key("ROBO AGRAV.") == comparison_key("Robo agravado")
    # A typo in a long enough word ("Hurt0") joins its group; "Estafa" stays alone.
    assert [m[0] for m in groups["Hurto"].members] == ["Hurto", "Hurt0"]
    assert all("Estafa" not in [m[0] for m in g.members] for g in groups.values())


def test_one_letter_typos_in_long_names_are_caught():
    counts = {"Violencia contra la mujer e integrantes": 100, "Violencia contra la mujer e integrante": 4}
    (group,) = spelling_groups(counts)
    assert group.suggestion == "Violencia contra la mujer e integrantes"


def test_real_cdmx_delito_list_yields_groups_without_merging_distinct_crimes():
    path = shared_path("data", "mexico-cdmx-fgj-victimas-alcaldias", "MILPA_ALTA.csv")
    delitos = pd.read_csv(path, usecols=["Delito"], dtype=str)["Delito"].value_counts()
    groups = spelling_groups(delitos)
    for group in groups:
        names = [m[0] for m in group.members]
        # "con violencia" and "sin violencia" are different crimes and must never be merged.
        assert not (any("CON VIOLENCIA" in n for n in names) and any("SIN VIOLENCIA" in n for n in names)), names
    assert len(delitos) > 100
    # The same real list as a second register would type it: lower case, no accents, for the top 5.
    import unicodedata

    retyped = {unicodedata.normalize("NFKD", d).encode("ascii", "ignore").decode().lower(): 1
               for d in delitos.index[:5]}
    groups = spelling_groups({**delitos.to_dict(), **retyped})
    assert len(groups) == 5
    assert all(g.suggestion in delitos.index[:5] and len(g.members) == 2 for g in groups)
