"""Is this week's change real? An exact test for two Poisson counts, in plain words.

A rise from 3 to 5 robberies is "+67 %" and means nothing; a rise from 30 to 50
does. The conditional (binomial) test compares this period's count with a
reference of `k` periods of the same length: if both come from the same rate,
the share of the combined count that falls in this period is Binomial(n, 1/(1+k)).
We say a change is beyond normal variation only when that test says so at 5 %.
"""

from __future__ import annotations

from dataclasses import dataclass

from stationmap.analysis.numerics import binomial_test
from stationmap.core.messages import render
from stationmap.core.numbers import count_text, mean_text

ALPHA = 0.05


@dataclass(frozen=True)
class Change:
    current: float
    reference_total: float
    reference_periods: int
    p_value: float

    @property
    def expected(self) -> float:
        """The reference's count per period, what 'normal' would have been."""
        return self.reference_total / self.reference_periods if self.reference_periods else 0.0

    @property
    def percent(self) -> float | None:
        return None if self.expected == 0 else 100.0 * (self.current - self.expected) / self.expected

    @property
    def verdict(self) -> str:
        """'up', 'down' or 'normal'."""
        if self.p_value >= ALPHA:
            return "normal"
        return "up" if self.current > self.expected else "down"

    def sentence(self, language: str | None = None) -> str:
        data = {"current": count_text(self.current), "expected": mean_text(self.expected),
                "percent": "" if self.percent is None else f"{self.percent:+.0f} %"}
        return render(f"change.{self.verdict}", data, language)


def compare_counts(current: int, reference_total: int, reference_periods: int) -> Change:
    """`current` events this period against `reference_total` events over `reference_periods` periods."""
    current, reference_total = int(round(current)), int(round(reference_total))
    n = current + reference_total
    if n == 0 or reference_periods <= 0:
        return Change(current, reference_total, reference_periods, 1.0)
    p_value = binomial_test(current, n, 1.0 / (1.0 + reference_periods))
    return Change(current, reference_total, reference_periods, p_value)
