"""Refresh the Qt catalog from the code, fill translations given on the command line, compile it.

Usage (from the repository root):
    .venv/bin/python resources/i18n/update_translations.py            # refresh + report untranslated
    .venv/bin/python resources/i18n/update_translations.py "Fuente=Source" "&Patrullaje=&Patrol"

Spanish is the source language; `stationmap_en.ts` holds English. Every `tr()` under
src/stationmap/ui (all subpackages) and app.py is collected.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "stationmap_en.ts"
# Hand-written Spanish for Qt's own strings that Qt's catalog lacks; only compiled here.
QT_SUPPLEMENT = ROOT / "resources" / "i18n" / "qt_supplement_es.ts"
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    files = [ROOT / "src/stationmap/app.py", *sorted((ROOT / "src/stationmap/ui").rglob("*.py"))]
    return [str(f) for f in files]


def main(pairs: list[str]) -> int:
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", *sources(), "-ts", str(TS)], check=True,
                   capture_output=True)
    given = dict(pair.split("=", 1) for pair in pairs)
    tree = ElementTree.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in given:
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                # English has two plural forms; %n stands for the number in both.
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for _ in range(2):
                    ElementTree.SubElement(translation, "numerusform").text = given[source]
            else:
                translation.text = given[source]
        text = (translation.text or "").strip() or "".join(f.text or "" for f in translation.findall("numerusform"))
        if translation.get("type") == "unfinished" or not text.strip():
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    # A second lupdate pass writes the file back in Qt's own layout, keeping diffs small.
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", *sources(), "-ts", str(TS)], check=True,
                   capture_output=True)
    for catalog in (TS, QT_SUPPLEMENT):
        subprocess.run([str(BIN / "pyside6-lrelease"), str(catalog), "-qm", str(catalog.with_suffix(".qm"))],
                       check=True, capture_output=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
