"""The change test: real jumps are flagged, noise is not, small numbers stay calm."""

from __future__ import annotations

import numpy as np
import pytest

from stationmap.analysis.change import compare_counts


def test_three_to_five_is_not_news():
    change = compare_counts(5, 12, 4)  # usual 3 a week
    assert change.verdict == "normal"
    assert change.percent == pytest.approx(66.7, abs=0.1)
    assert "dentro de la variación normal" in change.sentence("es")
    assert "within normal variation" in change.sentence("en")


def test_a_real_jump_is_flagged_and_a_real_fall_too():
    assert compare_counts(50, 120, 4).verdict == "up"      # usual 30
    assert compare_counts(12, 120, 4).verdict == "down"
    assert "aumento" in compare_counts(50, 120, 4).sentence("es")


def test_false_alarm_rate_on_pure_noise_is_near_alpha():
    rng = np.random.default_rng(0)
    flags = 0
    trials = 800
    for _ in range(trials):
        weeks = rng.poisson(20, 5)
        flags += compare_counts(weeks[4], weeks[:4].sum(), 4).verdict != "normal"
    assert flags / trials <= 0.06  # the exact test is conservative: at most ~alpha


def test_power_on_a_doubling():
    rng = np.random.default_rng(1)
    hits = sum(compare_counts(rng.poisson(40), rng.poisson(80), 4).verdict == "up" for _ in range(500))
    assert hits / 500 > 0.9  # about 93 % by simulation


def test_nothing_at_all_is_normal():
    assert compare_counts(0, 0, 4).verdict == "normal"
