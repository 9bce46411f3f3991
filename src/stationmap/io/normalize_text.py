"""Text helpers shared by the normalisers: accent/case folding and work on distinct values.

Real exports repeat the same few values (dates, categories, district names) over
millions of rows, so parsers run once per *distinct* value and the answers are
spread back to the rows with the factorize codes: vectorised, and far cheaper
than touching every row.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable

import numpy as np
import pandas as pd

from stationmap.core.model import Warning_

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """'Fecha del Hecho ' -> 'fecha del hecho': no accents, lower case, single spaces.

    'ñ' folds to 'n' and '°'/'º' disappear, so 'AÑO', 'ANIO'-like spellings and
    'N° denuncia' compare by their letters only.
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", ascii_only.lower()).strip()


def per_unique(values: pd.Series, parse: Callable[[pd.Series], pd.Series | pd.DataFrame]
               ) -> pd.Series | pd.DataFrame:
    """Run a vectorised `parse` over the distinct values of `values`, then spread the result back.

    `parse` receives a Series of the distinct values (index 0..k-1) and returns a
    Series or DataFrame of the same length; the answer keeps the index of `values`.
    """
    codes, uniques = distinct(values)
    parsed = parse(uniques)
    if isinstance(parsed, pd.DataFrame):
        out = parsed.iloc[codes].reset_index(drop=True)
        out.index = values.index
        return out
    return pd.Series(parsed.to_numpy()[codes], index=values.index, name=values.name)


def distinct(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """(codes, distinct values as text): `distinct_values.iloc[codes]` rebuilds `values`."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return codes, pd.Series(uniques).fillna("").astype(str).str.strip()


def as_text(values: pd.Series) -> pd.Series:
    """Cells as stripped text, '' for empty; readers already give text, hand-made frames may not."""
    if values.dtype == object or pd.api.types.is_string_dtype(values):
        return values.fillna("").astype(str).str.strip()
    return values.astype(str).where(values.notna(), "").str.strip()


def strip_float_zero(values: pd.Series) -> pd.Series:
    """'8325024.0' -> '8325024' (ids and codes that a spreadsheet turned into floats)."""
    floated = values.str.endswith(".0")
    if not floated.any():
        return values
    out = values.copy()
    out[floated] = values[floated].str.replace(r"^(-?\d+)\.0+$", r"\1", regex=True)
    return out


def first_rows(mask: np.ndarray, lines: np.ndarray, limit: int = 10) -> list[int]:
    """The first file row numbers where `mask` holds, for warnings that point at rows."""
    return [int(x) for x in lines[np.flatnonzero(mask)[:limit]]]


def count_warning(warnings: list[Warning_], file: str, code: str, mask: np.ndarray,
                  lines: np.ndarray) -> None:
    """Add a warning `code` with how many rows `mask` marks and the first of their row numbers."""
    count = int(mask.sum())
    if count:
        rows = ", ".join(str(r) for r in first_rows(mask, lines))
        warnings.append(Warning_(file, code, {"count": count, "rows": rows}))
