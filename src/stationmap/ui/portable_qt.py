"""Portable mode, for Qt's own settings: nothing of Qt's left in the user's profile either.

store.portable keeps StationMap's settings, log and training copies beside the program; Qt's dialogs
keep their own state apart from those (QFileDialog: last folder, history, view), which this module
keeps in the portable folder too.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def keep_qt_settings_in(folder: Path, app: Any) -> None:
    """Portable mode: nothing of Qt's own left in the user's profile either.

    Qt's dialogs keep their state (QFileDialog: last folder, history, view; QColorDialog: custom
    colours) in QSettings(UserScope, "QtProject"). That constructor always takes NativeFormat, whatever
    QSettings.setDefaultFormat says (checked with Qt 6.12): on Linux ~/.config/QtProject.conf, which
    setPath(NativeFormat, UserScope) moves into `folder`; on Windows the registry
    (HKCU\\Software\\QtProject), which no path moves, so what the user's key held is put back as the
    application quits (the dialogs remember this session's folders in memory meanwhile).
    """
    from PySide6.QtCore import QSettings

    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    if sys.platform == "win32":
        before = qt_project_settings()
        app.aboutToQuit.connect(lambda: restore_qt_project_settings(before))


def qt_project_settings() -> dict[str, Any] | None:
    """Every value the user's own "QtProject" settings hold (None when there are none at all)."""
    from PySide6.QtCore import QSettings

    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setFallbacksEnabled(False)   # not the machine-wide values: they are not the user's to copy
    keys = settings.allKeys()
    return {key: settings.value(key) for key in keys} if keys else None


def restore_qt_project_settings(before: dict[str, Any] | None) -> None:
    """Put the user's "QtProject" settings back as qt_project_settings found them."""
    from PySide6.QtCore import QSettings

    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setFallbacksEnabled(False)
    settings.clear()
    for key, value in (before or {}).items():
        settings.setValue(key, value)
    settings.sync()
    if before is None and sys.platform == "win32":
        _remove_empty_registry_keys(r"Software\QtProject\OrganizationDefaults", r"Software\QtProject")


def _remove_empty_registry_keys(*names: str) -> None:
    """Delete these HKEY_CURRENT_USER keys, innermost first, each only if nothing is left under it."""
    import winreg

    for name in names:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, name) as key:
                subkeys, values, _ = winreg.QueryInfoKey(key)
            if subkeys == 0 and values == 0:
                winreg.DeleteKey(winreg.HKEY_CURRENT_USER, name)
        except OSError:
            return
