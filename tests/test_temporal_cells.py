"""cells_mask: which incidents a heat-chart cell selection keeps, worked by hand."""

from __future__ import annotations

import numpy as np
from factories import make_incidents
from test_temporal import incidents

from stationmap.analysis.filtering import filter_mask
from stationmap.analysis.temporal import TemporalIndex
from stationmap.analysis.temporal_cells import cells_mask
from stationmap.core.filters import IncidentFilter

MON, TUE, FRI, SAT, SUN = 0, 1, 4, 5, 6


def test_windows_are_kept_by_every_cell_they_touch_and_no_other():
    frame = incidents(
        ("2026-11-16 08:00", "2026-11-16 16:00"),   # Mon 08..15; 16:00 is its exclusive end
        ("2026-11-16 21:30", "2026-11-16 22:30"),   # Mon 21 and 22
        ("2026-11-22 23:30", "2026-11-23 00:10"),   # Sun 23 into Mon 00
        ("2026-11-16 16:00", "2026-11-16 16:00"),   # exact Mon 16:00
    )
    assert cells_mask(frame, frozenset({(MON, 15)})).tolist() == [True, False, False, False]
    assert cells_mask(frame, frozenset({(MON, 16)})).tolist() == [False, False, False, True]
    assert cells_mask(frame, frozenset({(MON, 22)})).tolist() == [False, True, False, False]
    assert cells_mask(frame, frozenset({(MON, 0)})).tolist() == [False, False, True, False]
    assert cells_mask(frame, frozenset({(SUN, 23), (MON, 8)})).tolist() == [True, False, True, False]


def test_unknown_times_and_week_long_windows():
    frame = incidents(("2026-11-16 00:00", "2026-11-16 00:00"), (None, None),
                      ("2026-11-18 13:20", "2026-11-25 13:20"), known=[0, 1, 1])
    # A 00:00 placeholder is not "Monday midnight"; a week-long window touches every cell.
    assert cells_mask(frame, frozenset({(MON, 0)})).tolist() == [False, False, True]
    assert cells_mask(frame, frozenset({(TUE, 5)})).tolist() == [False, False, True]
    assert cells_mask(frame, frozenset()).tolist() == [False, False, False]


def test_kept_incidents_are_exactly_those_with_aoristic_weight_in_the_cells():
    rng = np.random.default_rng(3)
    frame = make_incidents(2000, seed=3)
    frame["end_ts"] = frame["start_ts"] + rng.choice([0, 600, 3600, 4 * 3600, 50 * 3600], 2000)
    index = TemporalIndex(frame)
    cells = frozenset({(FRI, 20), (FRI, 21), (SAT, 1), (SUN, 23)})
    codes = [weekday * 24 + hour for weekday, hour in cells]
    weight_in_cells = np.array([
        index.summary(np.arange(2000) == i).matrix.ravel()[codes].sum() for i in range(2000)])
    np.testing.assert_array_equal(cells_mask(frame, cells), weight_in_cells > 0)


def test_filter_mask_applies_cells_unless_skipped():
    frame = incidents(("2026-11-21 01:00", None), ("2026-11-21 05:00", None))
    flt = IncidentFilter(cells=frozenset({(SAT, 1)}))
    assert filter_mask(frame, flt).tolist() == [True, False]
    assert filter_mask(frame, flt, skip_cells=True).tolist() == [True, True]
