"""What a drag or a shift-click on the heat chart selects (plain logic, no Qt)."""

from __future__ import annotations

from stationmap.ui.charts.cell_selection import block_cells, combine

MON, FRI, SAT, SUN = 0, 4, 5, 6


def test_drag_from_friday_evening_into_saturday_night_selects_that_night():
    cells = block_cells((FRI, 20), (SAT, 1))
    assert cells == {(FRI, 20), (FRI, 21), (FRI, 22), (FRI, 23), (SAT, 0), (SAT, 1)}
    assert block_cells((SAT, 1), (FRI, 20)) == cells  # dragged the other way round


def test_drag_over_two_nights_selects_both_nights_and_not_the_days():
    cells = block_cells((FRI, 22), (SUN, 1))
    assert cells == {(FRI, 22), (FRI, 23), (SAT, 0), (SAT, 1),
                     (SAT, 22), (SAT, 23), (SUN, 0), (SUN, 1)}


def test_other_drags_select_the_rectangle():
    assert block_cells((MON, 8), (FRI, 10)) == {(d, h) for d in range(5) for h in (8, 9, 10)}
    assert block_cells((FRI, 10), (FRI, 7)) == {(FRI, h) for h in (7, 8, 9, 10)}
    assert block_cells((FRI, 1), (SAT, 20)) == {(d, h) for d in (FRI, SAT) for h in range(1, 21)}
    assert block_cells((SAT, 3), (SAT, 3)) == {(SAT, 3)}


def test_combine_replaces_adds_and_toggles():
    one, two = frozenset({(FRI, 20)}), frozenset({(SAT, 1)})
    assert combine(one, two, additive=False) == two
    assert combine(one, two, additive=True) == one | two
    assert combine(one | two, two, additive=True) == one          # shift-click a selected cell
    assert combine(one, one, additive=True) is None                # nothing left = no filter
    assert combine(None, two, additive=True) == two
