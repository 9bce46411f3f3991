"""Turn an error/rejection code and its data into a sentence in the user's language.

Messages live in small catalogs under `core/catalog/`, one per subsystem, each a
dict ``{code: {"es": template, "en": template}}`` with ``str.format`` fields.
Spanish is the default. A missing code or field never raises: a user must not
get a traceback because a message was incomplete.

A message about a number of things gives each language its plural forms,
``{"one": "1 fila ...", "other": "{count} filas ..."}``, chosen by ``data["count"]``
(Spanish and English both say "one" for exactly 1). ``{count}`` is written as the
app writes counts (``numbers.count_text``: "13,220"); other fields are left as
given, because row numbers, years and UBIGEO codes must not be grouped.
"""

from __future__ import annotations

import importlib
import numbers
import pkgutil
from functools import lru_cache
from typing import Any, Mapping

from stationmap.core.numbers import count_text

DEFAULT_LANGUAGE = "es"
LANGUAGES = ("es", "en")

_language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _language


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str | dict[str, str]]]:
    """Every catalog module's MESSAGES, merged; a code defined twice is a bug."""
    from stationmap.core import catalog as package

    merged: dict[str, dict[str, str | dict[str, str]]] = {}
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
    fields = _Lenient(data or {})
    count = fields.get("count")
    if isinstance(template, Mapping):
        template = template.get(plural_form(count)) or template.get("other") or code
    if _is_number(count):
        fields["count"] = count_text(count)
    return template.format_map(fields)


def plural_form(count: Any) -> str:
    """"one" or "other": the plural category of `count` in Spanish and English (1 is singular,
    0 and 1.5 are plural); a missing or non-numeric count takes the plural."""
    return "one" if _is_number(count) and count == 1 else "other"


def templates(texts: Mapping[str, Any], language: str) -> list[str]:
    """Every template of one language of a message: one string, or each of its plural forms."""
    template = texts[language]
    return list(template.values()) if isinstance(template, Mapping) else [template]


def _is_number(value: Any) -> bool:
    # numbers.Real also takes numpy's integers, which the normaliser's counts often are.
    return isinstance(value, numbers.Real) and not isinstance(value, bool)
