"""Application settings as plain data, versioned so old settings files still load.

Persistence is the UI's job (QSettings); this module only knows the fields,
their defaults and how to upgrade an older dictionary.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SETTINGS_VERSION = 1
MAX_RECENT_PROJECTS = 8


@dataclass
class Settings:
    language: str = "es"
    recent_projects: list[str] = field(default_factory=list)
    last_import_dir: str = ""
    version: int = SETTINGS_VERSION

    def remember_project(self, path: str) -> None:
        self.recent_projects = [path] + [p for p in self.recent_projects if p != path]
        del self.recent_projects[MAX_RECENT_PROJECTS:]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Settings":
        known = {f.name for f in fields(cls)}
        clean = {k: v for k, v in raw.items() if k in known}
        clean["version"] = SETTINGS_VERSION
        settings = cls(**clean)
        if settings.language not in ("es", "en"):
            settings.language = "es"
        settings.recent_projects = [str(p) for p in settings.recent_projects or []]
        return settings
