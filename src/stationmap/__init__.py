"""StationMap: offline crime mapping and patrol planning for police stations."""

__version__ = "0.1.0"
