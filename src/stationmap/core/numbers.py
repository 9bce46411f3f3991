"""How a count is written for people: thousands grouped, decimals only where they say something.

One rule for the window, the charts and the printed brief, so that the same figure reads the same
everywhere. Thousands are grouped with "," and decimals marked with ".", as Peru writes them day to
day and as the window's locale (QLocale es_PE) and the map page do.

Counts are whole. Aoristic weights and averages are not: 3.4 robberies in an hour of the week is
worth its decimal, but in a total of 1,034.7 the ".7" is noise from the method, not information
(the tooltip of a chart cell still gives a small cell's decimal).
"""

from __future__ import annotations

# From here up, a fractional figure is rounded to a whole number.
WHOLE_FROM = 100.0


def count_text(value: float) -> str:
    """`value` as "1,035", "12" or "3.4": grouped thousands, one decimal only for a small fraction."""
    value = float(value)
    if abs(value - round(value)) < 0.05 or abs(value) >= WHOLE_FROM:
        return f"{round(value):,}"
    return f"{value:,.1f}"


def mean_text(value: float) -> str:
    """A mean as the brief prints it, in its tables and its sentences: "123.8", "1,500.2", or "30"
    when whole. Unlike count_text it keeps the decimal from 100 up: "124 against a usual 123.8" is
    what tells a week from its usual."""
    value = float(value)
    if abs(value - round(value)) < 0.05:
        return f"{round(value):,}"
    return f"{value:,.1f}"
