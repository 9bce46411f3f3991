"""Time-of-day charts (Step 3): the hour x weekday heat chart and its companions."""

from stationmap.ui.charts.panel import TemporalPanel

__all__ = ["TemporalPanel"]
