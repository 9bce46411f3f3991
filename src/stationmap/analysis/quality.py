"""How far can this station's data be trusted? Figures a brief states up front.

Shares of incidents with usable coordinates, inside a sector, with a known
time of day, with a time window over 8 hours, and in "No especificado"; how many
rows imports found duplicated or rejected (by reason); and the same shares week
by week, so an analyst sees whether data entry is getting better or worse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from stationmap.core.model import UNKNOWN_CATEGORY

LONG_WINDOW_SECONDS = 8 * 3600
SECONDS_PER_WEEK = 7 * 86_400
_MONDAY_OFFSET = 3 * 86_400  # 1970-01-01 was a Thursday


@dataclass
class QualityReport:
    incidents: int
    shares: dict[str, float]                   # percentages, keys as in SHARE_LABELS
    duplicates_found: int
    rows_rejected: int
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    reason_examples: dict[str, str] = field(default_factory=dict)   # code -> one row's message
    weekly: pd.DataFrame = field(default_factory=pd.DataFrame)
    # True when `incidents` and `shares` cover only a chosen period (a brief's week), not every incident;
    # `weekly`, `duplicates_found` and `rows_rejected` always cover the whole project and its imports.
    period_only: bool = False


SHARE_LABELS = {
    "with_coordinates": "Con coordenadas válidas",
    "with_sector": "Dentro de un sector",
    "known_time": "Con hora conocida",
    "long_window": "Con ventana de más de 8 h",
    "unspecified": "Categoría «No especificado»",
}


def _flags(incidents: pd.DataFrame, sector: np.ndarray | None) -> dict[str, np.ndarray]:
    start = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    end = incidents["end_ts"].to_numpy(dtype="float64", na_value=np.nan)
    known = incidents["time_known"].to_numpy(dtype="float64", na_value=0) > 0
    flags = {
        "with_coordinates": incidents["coord_status"].isin(["ok", "outside_area"]).to_numpy(),
        "known_time": known,
        "long_window": known & ((np.nan_to_num(end, nan=0) - np.nan_to_num(start, nan=0)) > LONG_WINDOW_SECONDS),
        "unspecified": (incidents["category"] == UNKNOWN_CATEGORY).to_numpy(),
    }
    if sector is not None:
        flags["with_sector"] = np.asarray(sector) >= 0
    return flags


def quality_report(incidents: pd.DataFrame, *, sector: np.ndarray | None = None,
                   imports: pd.DataFrame | None = None, rejections: pd.DataFrame | None = None,
                   period: np.ndarray | None = None) -> QualityReport:
    """`period`: a boolean mask of the incidents whose shares the report states (a brief's week), so that
    its figures and that week's row of `weekly` are the same figures; None for every incident."""
    flags = _flags(incidents, sector)
    chosen = np.ones(len(incidents), bool) if period is None else np.asarray(period, bool)
    n = int(chosen.sum())
    shares = {key: (100.0 * float(flag[chosen].mean()) if n else 0.0) for key, flag in flags.items()}
    duplicates = int(imports["duplicates"].sum()) if imports is not None and len(imports) else 0
    rejected = int(imports["rejected"].sum()) if imports is not None and len(imports) else 0
    by_reason, examples = {}, {}
    if rejections is not None and len(rejections):
        by_reason = {str(k): int(v) for k, v in rejections["code"].value_counts().items()}
        if "message" in rejections:
            examples = rejections.drop_duplicates("code").set_index("code")["message"].astype(str).to_dict()
    start = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    dated = np.isfinite(start)
    week = np.floor((start[dated] + _MONDAY_OFFSET) / SECONDS_PER_WEEK).astype(np.int64)
    weekly = pd.DataFrame({key: flag[dated] for key, flag in flags.items()}).groupby(week).mean() * 100.0
    weekly.insert(0, "incidentes", pd.Series(week).value_counts().sort_index().to_numpy())
    weekly.index = pd.to_datetime(weekly.index * SECONDS_PER_WEEK - _MONDAY_OFFSET, unit="s").date
    weekly.index.name = "semana"
    return QualityReport(n, shares, duplicates, rejected, by_reason, examples, weekly, period is not None)
