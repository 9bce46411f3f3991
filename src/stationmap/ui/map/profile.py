"""One off-the-record web profile for every map view: our scheme handler and the offline interceptor.

Shared so that the scheme handler and the blocked-request record are one per process, and so that
pages never outlive their profile (it is parented to the application and lives as long as it does).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineSettings

from stationmap.ui.map.interceptor import OfflineInterceptor
from stationmap.ui.map.scheme import SCHEME, AppSchemeHandler


@dataclass(frozen=True)
class OfflineProfile:
    profile: QWebEngineProfile
    handler: AppSchemeHandler
    interceptor: OfflineInterceptor


_shared: OfflineProfile | None = None


def offline_profile() -> OfflineProfile:
    global _shared
    if _shared is None:
        app = QCoreApplication.instance()
        profile = QWebEngineProfile(app)  # no storage name: off the record, nothing written to disk
        handler = AppSchemeHandler(profile)
        interceptor = OfflineInterceptor(profile)
        profile.installUrlSchemeHandler(SCHEME, handler)
        profile.setUrlRequestInterceptor(interceptor)
        settings = profile.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadIconsForPage, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.DnsPrefetchEnabled, False)
        _shared = OfflineProfile(profile, handler, interceptor)
    return _shared
