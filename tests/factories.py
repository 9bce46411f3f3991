"""Incident tables made in code, for tests that need data of a known shape.

Real data lives in ../shared/data and sample_data/; these frames are for unit
tests that must know the exact answer.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd

from stationmap.core.model import INCIDENT_COLUMNS

CATEGORIES = ("Robo", "Hurto", "Violencia familiar", "Lesiones", "Microcomercialización de drogas")


def local_ts(text: str) -> int:
    """'2026-11-16 21:30' -> the store's local seconds."""
    return int((datetime.fromisoformat(text) - datetime(1970, 1, 1)).total_seconds())


def make_incidents(n: int = 1000, seed: int = 0, *, start: str = "2026-09-01",
                   days: int = 84, center=(-8.07, -79.03)) -> pd.DataFrame:
    """`n` random incidents over `days` days around `center` (lat, lon), ids 1..n."""
    rng = np.random.default_rng(seed)
    t0 = local_ts(start + " 00:00")
    starts = t0 + rng.integers(0, days * 86_400, n)
    frame = pd.DataFrame({
        "id": np.arange(1, n + 1),
        "source_key": [f"k{i}" for i in range(n)],
        "source_id": [f"D{i:07d}" for i in range(n)],
        "start_ts": starts,
        "end_ts": starts,
        "time_known": np.ones(n, dtype=np.int64),
        "date_precision": "datetime",
        "category": rng.choice(CATEGORIES, n),
        "category_raw": "",
        "subcategory_raw": "",
        "lat": center[0] + rng.normal(0, 0.01, n),
        "lon": center[1] + rng.normal(0, 0.01, n),
        "coord_status": "ok",
        "address": [f"Av. Prueba {i % 50}" for i in range(n)],
        "district": "EL PORVENIR",
        "ubigeo": "130102",
        "station": "CPNP EL PORVENIR",
        "description": "",
        "weight": 1.0,
    })
    assert set(INCIDENT_COLUMNS) <= set(frame.columns)
    return frame
