"""The embedded offline map (QtWebEngine): scheme, interceptor, panel.

Call `register_app_scheme()` before creating the QApplication. `MapPanel` is imported on first use,
so registering the scheme stays cheap at start-up.
"""

from typing import Any

from stationmap.ui.map.scheme import register_app_scheme

__all__ = ["MapPanel", "register_app_scheme"]


def __getattr__(name: str) -> Any:
    if name == "MapPanel":
        from stationmap.ui.map.panel import MapPanel

        return MapPanel
    raise AttributeError(name)
