"""Text helpers shared by the normalisers: accent/case folding and work on distinct values.

Real exports repeat the same few values (dates, categories, district names) over
millions of rows, so parsers run once per *distinct* value and the answers are
spread back to the rows with the dictionary codes: vectorised, and far cheaper
than touching every row. Distinct values are found with pyarrow's hash kernel on
the Arrow text the readers give (no copy), and text answers are spread back with
Arrow's `take`, so no million-element array of Python strings is ever made.
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
    if pd.api.types.is_string_dtype(parsed.dtype) or isinstance(parsed.dtype, pd.CategoricalDtype):
        return categorical(codes, parsed, values.index, values.name)
    return pd.Series(parsed.to_numpy()[codes], index=values.index, name=values.name)


def categorical(codes: np.ndarray, labels: pd.Series | list[str] | tuple[str, ...], index: pd.Index,
                name: str | None = None) -> pd.Series:
    """`labels[codes]` as a pandas Categorical: built from the codes at no per-row cost.

    Labels that repeat (two raw spellings that strip to one) are merged. Low-cardinality
    columns travel like this from the parsers to the project file, where they are stored
    as Arrow dictionaries; the rest of the app reads them back as plain text.
    """
    label_codes, unique_labels = pd.factorize(pd.Series(labels, dtype=object).fillna("").astype(str))
    merged = label_codes.astype(np.int32)[codes] if len(codes) else np.zeros(0, dtype=np.int32)
    return pd.Series(pd.Categorical.from_codes(merged, categories=pd.Index(unique_labels, dtype="str")),
                     index=index, name=name)


def blank_text(index: pd.Index) -> pd.Series:
    """An all-empty text column (a field the file does not have), as a Categorical of one category.

    `pd.Series("", index=index, dtype="str")` repeats the value through Arrow's take: 80 ms for a
    million rows here, for a column that says nothing.
    """
    return categorical(np.zeros(len(index), dtype=np.int64), [""], index)


def as_categorical(values: pd.Series) -> pd.Series:
    """A text column as a Categorical of its stripped distinct values."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values
    codes, uniques = distinct(values)
    return categorical(codes, uniques, values.index, values.name)


def arrow_text(values: pd.Series, *, contiguous: bool = False):
    """The cells as a pyarrow array or chunked array; no copy when pandas holds them in Arrow.

    With `contiguous`, always one array (readers' columns come in chunks; some kernels want one).
    """
    import pyarrow as pa

    array = pa.array(values, from_pandas=True)
    return array.combine_chunks() if contiguous and isinstance(array, pa.ChunkedArray) else array


def distinct(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """(codes, distinct values as text): `distinct_values.iloc[codes]` rebuilds `values`."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pd.api.types.is_string_dtype(values.dtype) or values.dtype == object:
        # Hand-made frames of numbers or mixed objects: as written by Python's str().
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        return codes, pd.Series(uniques).fillna("").astype(str).str.strip()
    if len(values) == 0:
        return np.zeros(0, dtype=np.int64), pd.Series([], dtype="str")
    encoded = pc.dictionary_encode(arrow_text(values), null_encoding="encode")
    if isinstance(encoded, pa.ChunkedArray):  # one dictionary shared by every chunk
        codes = np.concatenate([chunk.indices.to_numpy(zero_copy_only=False) for chunk in encoded.chunks])
        dictionary = encoded.chunk(0).dictionary
    else:
        codes, dictionary = encoded.indices.to_numpy(zero_copy_only=False), encoded.dictionary
    uniques = pd.Series(dictionary.to_pylist(), dtype=object)
    return codes.astype(np.int64, copy=False), uniques.fillna("").astype(str).str.strip()


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
