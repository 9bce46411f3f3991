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


def totals_texts(values) -> list[str]:
    """Several totals shown together (one chart's hour, day, shift and grand totals) in one format:
    whole numbers when every total is whole or any reaches WHOLE_FROM, else one decimal for all.
    count_text alone wrote aoristic totals as "37.8" beside "192" in one chart, as if one were
    more exact than the other; they are all sums of the same fractional weights."""
    values = [float(v) for v in values]
    whole = all(abs(v - round(v)) < 0.05 for v in values)
    if whole or max((abs(v) for v in values), default=0.0) >= WHOLE_FROM:
        return [f"{round(v):,}" for v in values]
    return [f"{v:,.1f}" for v in values]


def mean_text(value: float) -> str:
    """A mean as the brief prints it, in its tables and its sentences: "123.8", "1,500.2", or "30"
    when whole. Unlike count_text it keeps the decimal from 100 up: "124 against a usual 123.8" is
    what tells a week from its usual."""
    value = float(value)
    if abs(value - round(value)) < 0.05:
        return f"{round(value):,}"
    return f"{value:,.1f}"


# Between a figure and its "%": a no-break space, so "0 %" never splits at a line end and copies out of
# the PDF as one piece (text extraction joined a narrow "0" and its "%" into "0%" beside "98 %").
PERCENT_SPACE = "\u00a0"


def percent_text(value: float, decimals: int = 0) -> str:
    """A percentage as the brief prints it, in its PDF and its HTML alike: "98 %", "95.9 %"."""
    return f"{float(value):,.{decimals}f}{PERCENT_SPACE}%"
