"""Shifts (turnos): how a station splits the day, as plain data.

The default is three 8-hour shifts starting at 06:00 (mañana 06–14, tarde
14–22, noche 22–06); 2 x 12 h is the other common split. A shift that crosses
midnight belongs to the day it starts on: "noche del viernes" is Friday 22:00
to Saturday 06:00, which is how a roll call and an allocation speak of it.
Shifts start on whole hours because the heat chart's cells are hours.
"""

from __future__ import annotations

from dataclasses import dataclass

from stationmap.core.errors import StationMapError

HOURS_PER_DAY = 24


@dataclass(frozen=True)
class Shift:
    key: str          # stable identifier ("manana", "tarde", "noche", "dia")
    start_hour: int   # 0..23, local time
    hours: int        # length in hours, 1..24

    @property
    def end_hour(self) -> int:
        """Hour of day the shift ends (exclusive), wrapped to 0..23."""
        return (self.start_hour + self.hours) % HOURS_PER_DAY

    def hours_of_day(self) -> list[int]:
        """Hours of day the shift covers, in order (22, 23, 0, ..., 5 for noche)."""
        return [(self.start_hour + i) % HOURS_PER_DAY for i in range(self.hours)]


@dataclass(frozen=True)
class ShiftPlan:
    """Shifts that together cover each hour of the day exactly once."""

    shifts: tuple[Shift, ...]

    def __post_init__(self) -> None:
        covered = sorted(h for shift in self.shifts for h in shift.hours_of_day())
        if covered != list(range(HOURS_PER_DAY)):
            raise StationMapError("temporal.shifts.not_covering",
                                  shifts=", ".join(s.key for s in self.shifts))

    @property
    def boundaries(self) -> list[int]:
        """Hours of day where a shift starts, sorted (6, 14, 22 for the default)."""
        return sorted(shift.start_hour for shift in self.shifts)

    def shift_of_hour(self) -> list[int]:
        """For each hour of day 0..23, the index of the shift that covers it."""
        owner = [0] * HOURS_PER_DAY
        for index, shift in enumerate(self.shifts):
            for hour in shift.hours_of_day():
                owner[hour] = index
        return owner

    def day_offset_of_hour(self) -> list[int]:
        """For each hour of day, 0 if it lies on the shift's starting day, 1 if on the next.

        Hours 00..05 of noche (22-06) belong to the night that started the day before.
        """
        offset = [0] * HOURS_PER_DAY
        for shift in self.shifts:
            for i, hour in enumerate(shift.hours_of_day()):
                offset[hour] = 1 if shift.start_hour + i >= HOURS_PER_DAY else 0
        return offset


def three_by_eight(first_start: int = 6) -> ShiftPlan:
    """Mañana, tarde, noche of 8 hours each, the first starting at `first_start`."""
    keys = ("manana", "tarde", "noche")
    return ShiftPlan(tuple(Shift(key, (first_start + 8 * i) % HOURS_PER_DAY, 8)
                           for i, key in enumerate(keys)))


def two_by_twelve(first_start: int = 6) -> ShiftPlan:
    """Día and noche of 12 hours each."""
    return ShiftPlan((Shift("dia", first_start % HOURS_PER_DAY, 12),
                      Shift("noche", (first_start + 12) % HOURS_PER_DAY, 12)))


DEFAULT_SHIFTS = three_by_eight()
