"""Category harmonisation: which raw values are the same thing spelled differently.

Registers are typed by hand: "Extorsión", "EXTORSION", "extorsion " and
"Robo agrav." are one category each to a computer. Values are grouped when
they fold to the same letters (accents, case, punctuation, common police
abbreviations) or differ by a typo in one long word ("integrante" /
"integrantes"). Short words are never fuzzy-matched, because there one letter
changes the crime: "con violencia" and "sin violencia" stay apart. The most
frequent spelling is suggested for the group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

import pandas as pd

from stationmap.io.normalize_text import fold

WORD_SIMILARITY = 0.8
MIN_FUZZY_WORD = 5
# Abbreviations seen in Peruvian and Mexican registers, expanded before comparing.
ABBREVIATIONS = {r"\bagrav\b": "agravado", r"\bc v\b": "con violencia", r"\bs v\b": "sin violencia",
                 r"\bviol\b": "violencia", r"\bfam\b": "familiar", r"\bmicrocom\b": "microcomercializacion",
                 r"\bvia pub\b": "via publica", r"\btent\b": "tentativa"}


def comparison_key(raw: str) -> str:
    key = fold(raw)
    for pattern, full in ABBREVIATIONS.items():
        key = re.sub(pattern, full, key)
    return " ".join(key.split())


def _typo_apart(a: str, b: str) -> bool:
    """Same words but one, and that one a long word spelled slightly differently."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differing = [(x, y) for x, y in zip(words_a, words_b) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return (min(len(x), len(y)) >= MIN_FUZZY_WORD
            and SequenceMatcher(None, x, y).ratio() >= WORD_SIMILARITY)


@dataclass(frozen=True)
class SpellingGroup:
    suggestion: str                    # the most frequent spelling
    members: tuple[tuple[str, int], ...]   # (raw value, rows), most frequent first

    @property
    def rows(self) -> int:
        return sum(count for _, count in self.members)


def raw_value_counts(incidents: pd.DataFrame) -> pd.DataFrame:
    """Rows per raw value with the category it maps to now, most frequent first."""
    table = (incidents.groupby(["category_raw", "category"], dropna=False).size()
             .rename("rows").reset_index().sort_values("rows", ascending=False, kind="stable"))
    return table.reset_index(drop=True)


def spelling_groups(counts: dict[str, int] | pd.Series) -> list[SpellingGroup]:
    """Groups of two or more raw values that look like one; biggest groups first."""
    counts = dict(counts)
    by_key: dict[str, list[str]] = {}
    for raw in counts:
        if str(raw).strip():
            by_key.setdefault(comparison_key(str(raw)), []).append(raw)
    keys = sorted(by_key)
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if _typo_apart(a, b):
                parent[root(b)] = root(a)
    merged: dict[str, list[str]] = {}
    for key, raws in by_key.items():
        merged.setdefault(root(key), []).extend(raws)
    groups = []
    for raws in merged.values():
        if len(raws) < 2:
            continue
        members = tuple(sorted(((r, int(counts[r])) for r in raws), key=lambda m: (-m[1], m[0])))
        groups.append(SpellingGroup(members[0][0], members))
    return sorted(groups, key=lambda g: -g.rows)
