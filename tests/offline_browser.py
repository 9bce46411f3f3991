"""Open exported files the way a station laptop with no network would: headless Chromium, network cut.

Shared by every test of an exported HTML file (map, plan, brief).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

CHROMIUM = "/usr/bin/chromium"

# src=, <link href=, url(), @import, import(...) and fetch() of a remote address load a resource.
# Links in attribution text (<a href>) do not, so they are not matched.
RESOURCE_REFERENCE = re.compile(
    r"""(?:\bsrc\s*=\s*["']?|<link\b[^>]*\bhref\s*=\s*["']?|url\(\s*["']?|@import\s+(?:url\()?["']?"""
    r"""|\bimport\s*\(\s*["']|\bfrom\s+["']|\bfetch\s*\(\s*["']|<image\b[^>]*\bhref\s*=\s*["']?)https?://""",
    re.IGNORECASE)


def remote_resource_references(html: str) -> list[str]:
    return [html[max(0, m.start() - 40): m.end() + 40] for m in RESOURCE_REFERENCE.finditer(html)]


def run_chromium(tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess:
    """Headless Chromium with every network path cut: a dead proxy and a resolver that finds nothing."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               f"--user-data-dir={tmp_path / 'profile'}", "--proxy-server=127.0.0.1:9",
               "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
               "--window-size=1200,900", "--virtual-time-budget=5000", *extra, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def screenshot(tmp_path: Path, page: Path, size: str = "1100,1600") -> np.ndarray:
    """RGB pixels of `page` as Chromium draws it offline."""
    from PIL import Image

    png = tmp_path / (page.stem + ".png")
    run_chromium(tmp_path, page, f"--screenshot={png}", f"--window-size={size}")
    assert png.exists(), f"Chromium drew nothing for {page.name}"
    return np.asarray(Image.open(png).convert("RGB"), dtype=int)


def count_near(image: np.ndarray, hex_colour: str, tolerance: int = 8) -> int:
    rgb = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(image - rgb).max(axis=2) <= tolerance).sum())
