"""The embedded offline map (QtWebEngine): scheme, interceptor, panel.

Call `register_app_scheme()` before creating the QApplication.
"""

from stationmap.ui.map.scheme import register_app_scheme

__all__ = ["register_app_scheme"]
