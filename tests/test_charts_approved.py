"""Approved images of the heat chart: rendered headless and compared with stored PNGs.

Regenerate after an intended change with ``STATIONMAP_APPROVE=1`` (then look at
the new PNGs in tests/approved/ before committing them).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLE_DATA
from factories import make_incidents
from PySide6.QtGui import QImage

from stationmap.analysis.temporal import hour_weekday_matrix
from stationmap.ui.charts.export import render_heat_chart_png

APPROVED = Path(__file__).parent / "approved"
# Mean absolute difference per channel (0-255) tolerated: font hinting and anti-aliasing
# differ slightly between machines; a changed cell colour or label moves it much more.
TOLERANCE = 1.5
SIZE = (900, 340)


def pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(image.constBits(), dtype=np.uint8)
    return raw.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 3].astype(float)


def mean_difference(a: Path, b: Path) -> float:
    first, second = pixels(a), pixels(b)
    assert first.shape == second.shape
    return float(np.abs(first - second).mean())


def sample_station():
    from stationmap.io.normalize import normalize
    from stationmap.io.readers import read_table

    files = sorted((SAMPLE_DATA / "station").glob("*.csv"))
    if not files:
        pytest.skip("sample station CSV not present")
    frame = normalize(read_table(files[0])).table
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    return frame


def seeded():
    rng = np.random.default_rng(5)
    frame = make_incidents(4000, seed=5)
    # Evenings and weekends busier, so the picture has structure to compare.
    hour = (frame["start_ts"] // 3600) % 24
    keep = rng.random(len(frame)) < np.where(hour >= 18, 1.0, 0.45)
    frame = frame[keep].copy()
    frame["end_ts"] = frame["start_ts"] + rng.choice([0, 0, 3600, 6 * 3600], len(frame))
    return frame


CASES = {"sample_station": sample_station, "seeded": seeded}


@pytest.mark.parametrize("name", sorted(CASES))
def test_heat_chart_matches_the_approved_image(qapp, tmp_path, name):
    summary = hour_weekday_matrix(CASES[name]())
    rendered = render_heat_chart_png(summary, tmp_path / f"{name}.png", *SIZE, language="es")
    approved = APPROVED / f"heat_chart_{name}.png"
    if os.environ.get("STATIONMAP_APPROVE") == "1":
        APPROVED.mkdir(exist_ok=True)
        approved.write_bytes(rendered.read_bytes())
    assert approved.exists(), f"no approved image; run with STATIONMAP_APPROVE=1 and look at {approved}"
    assert mean_difference(rendered, approved) <= TOLERANCE


def test_the_comparison_notices_a_different_chart(qapp, tmp_path):
    frame = seeded()
    aoristic = render_heat_chart_png(hour_weekday_matrix(frame), tmp_path / "a.png", *SIZE)
    start = render_heat_chart_png(hour_weekday_matrix(frame, method="start"), tmp_path / "s.png", *SIZE)
    assert mean_difference(aoristic, aoristic) == 0
    assert mean_difference(aoristic, start) > TOLERANCE
