"""When something was done (an import, a plan), or which month counts are for, shown the way dates are
read in the app: day first, in this machine's time, to the minute."""

from __future__ import annotations

from datetime import datetime

SHOWN_FORMAT = "%d/%m/%Y %H:%M"


def shown_timestamp(stored: str) -> str:
    """A timestamp as the project stores it (ISO 8601, with or without its UTC offset) as users read
    it: '22/11/2026 10:52', converted to this machine's time zone when the offset is known. Text that
    is not a timestamp comes back as it is."""
    try:
        moment = datetime.fromisoformat(str(stored))
    except ValueError:
        return str(stored)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime(SHOWN_FORMAT)


def month_label(yyyymm: int) -> str:
    """A month as people write it, "06/2024", from 202406 (how counts' periods are compared)."""
    return f"{yyyymm % 100:02d}/{yyyymm // 100}"
