"""Turn an error/rejection code and its data into a sentence in the user's language.

Messages live in small catalogs under `core/catalog/`, one per subsystem, each a
dict ``{code: {"es": template, "en": template}}`` with ``str.format`` fields.
Spanish is the default. A missing code or field never raises: a user must not
get a traceback because a message was incomplete.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from typing import Any, Mapping

DEFAULT_LANGUAGE = "es"
LANGUAGES = ("es", "en")

_language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _language


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    """Every catalog module's MESSAGES, merged; a code defined twice is a bug."""
    from stationmap.core import catalog as package

    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for code, texts in getattr(module, "MESSAGES", {}).items():
            if code in merged:
                raise RuntimeError(f"message code {code!r} defined twice")
            merged[code] = texts
    return merged


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(code: str, data: Mapping[str, Any] | None = None, language: str | None = None) -> str:
    texts = catalog().get(code)
    lang = language or _language
    if texts is None:
        return f"{code} {dict(data or {})}".strip()
    template = texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or code
    return template.format_map(_Lenient(data or {}))
