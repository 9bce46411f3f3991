"""SIDPOL-style counts (district x month x modalidad): trends and honest comparisons.

The national open data gives monthly counts per district, not incidents, so a
regional analyst compares months, not weeks: the chosen month against the three
before it and against the same month a year earlier, per district and per
modalidad, with the same exact change test the weekly brief uses.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from stationmap.analysis.change import Change, compare_counts

REFERENCE_MONTHS = 3


def month_index(year: pd.Series, month: pd.Series) -> pd.Series:
    """Months since year 0, so consecutive months differ by one across years."""
    return year.astype(int) * 12 + month.astype(int) - 1


def monthly_series(counts: pd.DataFrame, by: str | None = None, *,
                   months: tuple[pd.Period, pd.Period] | None = None) -> pd.DataFrame:
    """Total count per month (rows) and, optionally, per `by` (columns: 'ubigeo', 'category'...).

    With `months` (first, last), every month of that span is a row, a month without denuncias
    as 0: a trend drawn only from the months present joins 2020 to 2023 as if they were neighbours.
    """
    frame = counts.assign(period=pd.PeriodIndex.from_fields(year=counts["year"].astype(int),
                                                            month=counts["month"].astype(int), freq="M"))
    if by is None:
        series = frame.groupby("period")["count"].sum().to_frame("count")
    else:
        series = frame.pivot_table(index="period", columns=by, values="count", aggfunc="sum", fill_value=0)
    if months is not None:
        span = pd.period_range(months[0], months[1], freq="M", name="period")
        series = series.reindex(span.union(series.index), fill_value=0)
    return series


def month_span(counts: pd.DataFrame) -> tuple[pd.Period, pd.Period] | None:
    """The first and the last month of a count table; None when it is empty."""
    if not len(counts):
        return None
    index = month_index(counts["year"], counts["month"])
    first, last = int(index.min()), int(index.max())
    return (pd.Period(year=first // 12, month=first % 12 + 1, freq="M"),
            pd.Period(year=last // 12, month=last % 12 + 1, freq="M"))


@dataclass
class DistrictChange:
    ubigeo: str
    district: str
    current: int
    vs_previous: Change | None
    vs_last_year: Change | None


def compare_month(counts: pd.DataFrame, year: int, month: int, *, category: str | None = None) -> list[DistrictChange]:
    """Every district's count in (year, month) against the 3 months before and the same month last year."""
    data = counts if category is None else counts[counts["category"] == category]
    index = month_index(data["year"], data["month"])
    target = year * 12 + month - 1
    first_month = int(month_index(counts["year"], counts["month"]).min()) if len(counts) else target
    current = data[index == target].groupby("ubigeo")["count"].sum()
    previous = data[(index >= target - REFERENCE_MONTHS) & (index < target)].groupby("ubigeo")["count"].sum()
    last_year = data[index == target - 12].groupby("ubigeo")["count"].sum()
    names = counts.drop_duplicates("ubigeo").set_index("ubigeo")["district"]
    out = []
    for ubigeo in sorted(set(current.index) | set(previous.index)):
        now = int(current.get(ubigeo, 0))
        out.append(DistrictChange(
            ubigeo, str(names.get(ubigeo, "")), now,
            compare_counts(now, int(previous.get(ubigeo, 0)), REFERENCE_MONTHS)
            if first_month <= target - REFERENCE_MONTHS else None,
            compare_counts(now, int(last_year.get(ubigeo, 0)), 1) if first_month <= target - 12 else None))
    return sorted(out, key=lambda d: -d.current)
