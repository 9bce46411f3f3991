"""Render stationmap.svg to the PNG the window uses and the multi-size ICO of the Windows build.

    .venv/bin/python resources/icons/build_icons.py

Run after editing the SVG; the outputs are committed (the build machine needs no SVG renderer).
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).parent
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def render(size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(HERE / "stationmap.svg")).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QImage text/SVG need it
    large = render(256)
    large.save(HERE / "stationmap.png", optimize=True)
    large.save(HERE / "stationmap.ico", sizes=ICO_SIZES)
    print("wrote stationmap.png and stationmap.ico")


if __name__ == "__main__":
    main()
