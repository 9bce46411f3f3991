"""Raw modalidad / delito / crime type -> a standard category with a severity weight.

The standard list follows the modalidades of Peru's police register (SIDPOL)
and the Código Penal's families. Weights rank harm for patrol planning, not
legal gravity, and are editable per project:

    Homicidio 10 · Secuestro 9 · Violación y delitos sexuales 8 · Robo 6 · Extorsión 6 ·
    Lesiones 5 · Violencia contra la mujer e integrantes 5 · Microcomercialización de drogas 4 ·
    Tenencia ilegal de armas 4 · Hurto 3 · Estafa 2 · Daños 2 · Faltas 1 · Otros 1 · No especificado 1

A raw value is matched first by its folded text (accents, case and spacing
ignored) against the table's rows, then by keyword rules that cover SIDPOL,
the Mexico City prosecutor's categories and the UK street-crime types.
Peruvian law calls a theft without violence *hurto*, so 'ROBO ... SIN VIOLENCIA'
goes to Hurto.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from stationmap.core.model import UNKNOWN_CATEGORY
from stationmap.io.normalize_text import categorical, distinct, fold

STANDARD_WEIGHTS: dict[str, float] = {
    "Homicidio": 10, "Secuestro": 9, "Violación y delitos sexuales": 8, "Robo": 6, "Extorsión": 6,
    "Lesiones": 5, "Violencia contra la mujer e integrantes": 5, "Microcomercialización de drogas": 4,
    "Tenencia ilegal de armas": 4, "Hurto": 3, "Estafa": 2, "Daños": 2, "Faltas": 1, "Otros": 1,
    UNKNOWN_CATEGORY: 1,
}

# Raw values whose words would mislead the keyword rules.
_EXACT: dict[str, str] = {
    "violence and sexual offences": "Lesiones",          # UK: mostly assaults
    "violencia familiar": "Violencia contra la mujer e integrantes",
    "robbery": "Robo",
    "burglary": "Hurto",                                 # break-in without violence: hurto agravado
    "vehicle crime": "Hurto",
    "criminal damage and arson": "Daños",
    "possession of weapons": "Tenencia ilegal de armas",
    "anti social behaviour": "Faltas",
    "public order": "Faltas",
    "other crime": "Otros",
    "delito de bajo impacto": UNKNOWN_CATEGORY,          # CDMX level, says nothing of the crime
    "hecho no delictivo": "Otros",
    "sin dato": UNKNOWN_CATEGORY,
    "desconocido": UNKNOWN_CATEGORY,
}

# (regex on folded text, category), first match wins: the most harmful families first.
_RULES: tuple[tuple[str, str], ...] = (
    (r"homicid|feminicid|asesinat|sicariato|parricid|murder|manslaughter", "Homicidio"),
    (r"secuestr|privacion de la libertad|kidnap|abduct", "Secuestro"),
    (r"violacion|sexual|abuso sex|acoso sex|tocamiento|estupro|rape|proxenet|trata de personas",
     "Violación y delitos sexuales"),
    (r"violencia contra la mujer|violencia familiar|violencia intrafamiliar|violencia domestica"
     r"|integrantes del grupo familiar|domestic", "Violencia contra la mujer e integrantes"),
    (r"extorsi|cobro de cupo|chantaje|extortion|blackmail", "Extorsión"),
    (r"\brobo\b(?!.*con y sin).*\bsin violencia\b", "Hurto"),
    (r"\brob(?:o|os)\b|asalto|atraco|robbery|mugging", "Robo"),
    (r"lesion|agresion|golpe|rina|violence|assault|wound", "Lesiones"),
    (r"drog|narco|estupefac|microcomercializacion|trafico ilicito|drugs", "Microcomercialización de drogas"),
    (r"\barma|weapon|firearm|municion", "Tenencia ilegal de armas"),
    (r"hurto|theft|burglary|shoplifting|abigeato|stolen|larceny", "Hurto"),
    (r"estafa|fraud|defraud|apropiacion indebida|usurpacion de identidad|suplantacion", "Estafa"),
    (r"\bdanos?\b|damage|arson|vandal|incendio", "Daños"),
    (r"\bfaltas?\b|anti social|antisocial|public order|orden publico|escandalo|disturb", "Faltas"),
    (r"abuso de confianza|apropiacion ilicita", "Estafa"),
    (r"\botros?\b|\bother\b|\bvarios\b|amenaza|despojo|allanamiento|encubrimiento|falsific"
     r"|documento falso|abuso de autoridad|cobranza ilegitima|sustraccion de menores|retencion de menores"
     r"|omision de auxilio|discriminacion|maltrato animal", "Otros"),
    (r"no especificad|sin especificar|unknown|not specified", UNKNOWN_CATEGORY),
)
_COMPILED_RULES = tuple((re.compile(pattern), category) for pattern, category in _RULES)


class CategoryTable:
    """Raw value -> standard category, plus a severity weight per category."""

    def __init__(self, exact: dict[str, str], weights: dict[str, float]) -> None:
        self._weights = {category: float(weight) for category, weight in weights.items()}
        self._weights.setdefault(UNKNOWN_CATEGORY, 1.0)
        self._exact = {fold(raw): category for raw, category in exact.items()}
        for category in self._weights:
            self._exact.setdefault(fold(category), category)
        self._raw_labels = dict(exact)

    @classmethod
    def default(cls) -> "CategoryTable":
        return cls(dict(_EXACT), dict(STANDARD_WEIGHTS))

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> "CategoryTable":
        """Rows `raw, category, weight`; a category's weight is that of its first row."""
        weights: dict[str, float] = {}
        exact: dict[str, str] = {}
        for raw, category, weight in frame[["raw", "category", "weight"]].itertuples(index=False):
            category = str(category).strip()
            if not category:
                continue
            weights.setdefault(category, float(weight))
            if str(raw).strip() and fold(raw) != fold(category):
                exact[str(raw).strip()] = category
        return cls(exact, weights)

    def to_frame(self) -> pd.DataFrame:
        """Each standard category (raw = its own name), then the explicit raw values."""
        rows = [(category, category, weight) for category, weight in self._weights.items()]
        rows += [(raw, category, self._weights.get(category, 1.0)) for raw, category in self._raw_labels.items()]
        return pd.DataFrame(rows, columns=["raw", "category", "weight"]).astype({"weight": float})

    def standard_categories(self) -> list[str]:
        return list(self._weights)

    def weight(self, category: str) -> float:
        return self._weights.get(category, self._weights[UNKNOWN_CATEGORY])

    def classify(self, raw: pd.Series) -> tuple[pd.Series, pd.Series]:
        """(category, weight) of every raw value; unknown or empty values -> 'No especificado'."""
        codes, uniques = distinct(raw)
        categories = self._classify_distinct(uniques)
        weights = categories.map(self._weights).to_numpy(dtype=float)
        category = categorical(codes, categories, raw.index, "category")
        return category, pd.Series(weights[codes], index=raw.index, name="weight")

    def _classify_distinct(self, uniques: pd.Series) -> pd.Series:
        # A few dozen distinct values: plain Python is far cheaper here than a pandas pass per rule
        # (0.05 s per import, for nothing).
        return pd.Series([self._classify_folded(fold(value) if isinstance(value, str) else "")
                          for value in uniques], dtype=object)

    def _classify_folded(self, folded: str) -> str:
        found = self._exact.get(folded)
        if found is None and folded:
            found = next((category for pattern, category in _COMPILED_RULES
                          if category in self._weights and pattern.search(folded)), None)
        return UNKNOWN_CATEGORY if found is None else found


def unknown_values(raw: pd.Series, category: pd.Series, limit: int = 20) -> tuple[int, list[str]]:
    """How many rows fell to 'No especificado' although they had a value, and which values."""
    mask = (category == UNKNOWN_CATEGORY).to_numpy() & (raw.fillna("") != "").to_numpy()
    distinct = pd.unique(raw[mask])
    return int(mask.sum()), [str(v) for v in np.asarray(distinct)[:limit]]
