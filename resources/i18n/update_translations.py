"""Refresh the Qt catalogs from the code, fill translations given on the command line, compile them.

Usage (from the repository root):
    .venv/bin/python resources/i18n/update_translations.py            # refresh + report untranslated
    .venv/bin/python resources/i18n/update_translations.py "Fuente=Source" "&Patrullaje=&Patrol"
    .venv/bin/python resources/i18n/update_translations.py \
        "Selección de horas: %n horas=Hour selection: %n hour|Hour selection: %n hours" \
        "es:Selección de horas: %n horas=Selección de horas: %n hora|Selección de horas: %n horas"

Spanish is the source language; `stationmap_en.ts` holds English. Every `tr()` under
src/stationmap/ui (all subpackages) and app.py is collected.

Each argument is `source=translation`, split at the first "=". A numerus message (one written
`self.tr("… %n horas", "", n)`) takes its two English forms as `source=singular|plural`; a single
text without "|" is used for both forms.

Spanish needs forms of its own for numerus messages: the source "%n horas" would read "1 horas".
`stationmap_es.ts` holds only those messages (lupdate -pluralonly) and is loaded for Spanish; fill
its forms with an argument that starts with "es:", `es:source=singular|plural`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "stationmap_en.ts"
# Spanish singular and plural forms of the numerus messages only (their source is a plural).
TS_ES = ROOT / "resources" / "i18n" / "stationmap_es.ts"
SPANISH_PREFIX = "es:"
# Hand-written Spanish for Qt's own strings that Qt's catalog lacks; only compiled here.
QT_SUPPLEMENT = ROOT / "resources" / "i18n" / "qt_supplement_es.ts"
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    files = [ROOT / "src/stationmap/app.py", *sorted((ROOT / "src/stationmap/ui").rglob("*.py"))]
    return [str(f) for f in files]


def lupdate(ts: Path, *options: str) -> None:
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", *options, *sources(), "-ts", str(ts)],
                   check=True, capture_output=True)


def parse_pairs(pairs: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """`source=translation` arguments as (English, Spanish numerus forms), each keyed by source."""
    english: dict[str, str] = {}
    spanish: dict[str, str] = {}
    for pair in pairs:
        target = spanish if pair.startswith(SPANISH_PREFIX) else english
        source, text = pair.removeprefix(SPANISH_PREFIX).split("=", 1)
        target[source] = text
    return english, spanish


def numerus_forms(text: str) -> list[str]:
    """Singular and plural from "singular|plural"; a text without "|" serves for both."""
    forms = text.split("|")
    if len(forms) == 1:
        return forms * 2
    if len(forms) != 2:
        raise SystemExit(f"a numerus translation has two forms, singular|plural: {text!r}")
    return forms


def fill(ts: Path, given: dict[str, str]) -> list[str]:
    """Write the given translations into `ts`; returns the sources still untranslated."""
    tree = ElementTree.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in given:
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                # Spanish and English have two plural forms; %n stands for the number in both.
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in numerus_forms(given[source]):
                    ElementTree.SubElement(translation, "numerusform").text = form
            else:
                translation.text = given[source]
        text = (translation.text or "").strip() or "".join(f.text or "" for f in translation.findall("numerusform"))
        if translation.get("type") == "unfinished" or not text.strip():
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main(pairs: list[str]) -> int:
    english, spanish = parse_pairs(pairs)
    lupdate(TS)
    lupdate(TS_ES, "-pluralonly", "-source-language", "es", "-target-language", "es")
    missing = [(TS.name, source) for source in fill(TS, english)]
    missing += [(TS_ES.name, source) for source in fill(TS_ES, spanish)]
    # A second lupdate pass writes the files back in Qt's own layout, keeping diffs small.
    lupdate(TS)
    lupdate(TS_ES, "-pluralonly")
    for catalog in (TS, TS_ES, QT_SUPPLEMENT):
        subprocess.run([str(BIN / "pyside6-lrelease"), str(catalog), "-qm", str(catalog.with_suffix(".qm"))],
                       check=True, capture_output=True)
    for name, source in missing:
        print(f"untranslated in {name}: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
