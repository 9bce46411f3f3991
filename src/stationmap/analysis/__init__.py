"""Analysis on incident tables: filtering, time of day, hot spots, evaluation."""
