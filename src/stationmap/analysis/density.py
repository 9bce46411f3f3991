"""Kernel density of incidents in metres (not screen pixels), for the map and the reports.

Points are projected to their UTM zone (17S/18S/19S cover Peru), counted on a grid of
`cell_m` metres and convolved with a quartic or Gaussian kernel of `bandwidth_m` metres
(one FFT convolution, however many points). The kernel is normalised on the grid, so the
surface integrates to the (weighted) number of points. `grid` holds incidents per km².

For Leaflet the surface is resampled onto Web-Mercator rows and columns (`to_png`), so the
image lies exactly on its lon/lat corners (`image_bounds_lonlat`) instead of carrying
the ~0.3° rotation between a UTM grid and the map (≈ 50 m across 10 km at Trujillo).
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from stationmap.analysis.grid import transformers, utm_epsg_for
from stationmap.analysis.numerics import fft_convolve
from stationmap.core.errors import StationMapError

WEB_MERCATOR = 3857
KERNELS = ("quartic", "gaussian")
GAUSSIAN_REACH = 3.0        # a Gaussian kernel is cut at 3 standard deviations (99.7 % of its mass)
MAX_CELLS = 4_000_000
MAX_IMAGE_SIDE = 2048
TRANSPARENT_BELOW = 0.02    # share of the top value under which the map shows nothing
# Colour-blind-safe sequential palettes (anchors sampled from viridis and ColorBrewer YlOrRd),
# and ColorBrewer Greys for pages that will be photocopied in black and white.
PALETTES = {
    "greys": ("#f0f0f0", "#d9d9d9", "#bdbdbd", "#969696", "#737373", "#525252", "#252525"),
    "viridis": ("#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"),
    "ylorrd": ("#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"),
}
LABELS = {
    "quartic": {"es": "Densidad kernel (cuártico)", "en": "Kernel density (quartic)"},
    "gaussian": {"es": "Densidad kernel (gaussiano)", "en": "Kernel density (Gaussian)"},
}
UNITS = {"es": "incidentes por km²", "en": "incidents per km²"}


def utm_epsg(lon: np.ndarray, lat: np.ndarray) -> int:
    """EPSG code of the UTM zone holding most points (32717/32718/32719 in Peru)."""
    return utm_epsg_for(float(np.median(lon)), float(np.median(lat)))


@dataclass(frozen=True)
class DensitySurface:
    grid: np.ndarray                 # (rows, cols) incidents per km²; row 0 is the northern edge
    cell_m: float
    bandwidth_m: float
    kernel: str
    crs: str                         # "EPSG:32717" ...
    bounds_utm: tuple[float, float, float, float]      # west, south, east, north in metres
    bounds_lonlat: tuple[float, float, float, float]   # envelope of the grid in lon/lat
    n_points: int
    total_weight: float
    _png_cache: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)

    @property
    def cell_area_km2(self) -> float:
        return self.cell_m * self.cell_m / 1e6

    @property
    def cell_counts(self) -> np.ndarray:
        """Expected incidents in each cell (grid × cell area)."""
        return self.grid * self.cell_area_km2

    @property
    def image_bounds_lonlat(self) -> tuple[float, float, float, float]:
        """West, south, east, north of the `to_png` image (give these to L.imageOverlay)."""
        return self._mercator_raster[1]

    @cached_property
    def _mercator_raster(self) -> tuple[np.ndarray, tuple[float, float, float, float]]:
        return _resample_to_mercator(self)

    def breaks(self, classes: int = 5) -> list[float]:
        top = float(self.grid.max())
        return [round(float(v), 3) for v in np.linspace(0.0, top, classes + 1)]

    def to_png(self, colormap: str = "viridis", opacity: float = 0.8) -> bytes:
        """RGBA PNG in Web-Mercator rows, transparent where the density is about zero."""
        if colormap not in PALETTES:
            raise StationMapError("density.parameter_invalid", name="colormap", value=colormap)
        key = f"{colormap}:{opacity}"
        if key not in self._png_cache:
            values, _ = self._mercator_raster
            self._png_cache[key] = _encode_png(_colourise(values, float(self.grid.max()), colormap, opacity))
        return self._png_cache[key]

    def legend(self, colormap: str = "viridis", language: str = "es") -> dict[str, Any]:
        breaks = self.breaks()
        top = breaks[-1] or 1.0
        return {
            "method": "kde", "kernel": self.kernel, "title": LABELS[self.kernel].get(language, LABELS[self.kernel]["es"]),
            "cell_m": self.cell_m, "bandwidth_m": self.bandwidth_m, "crs": self.crs,
            "units": UNITS.get(language, UNITS["es"]), "breaks": breaks,
            "colors": [_palette_colour(colormap, b / top) for b in breaks],
            "n_points": self.n_points, "total_weight": self.total_weight,
        }


def check_parameters(cell_m: float, bandwidth_m: float, kernel: str) -> None:
    if kernel not in KERNELS:
        raise StationMapError("density.parameter_invalid", name="kernel", value=kernel)
    for name, value in (("cell_m", cell_m), ("bandwidth_m", bandwidth_m)):
        if not np.isfinite(value) or value <= 0:
            raise StationMapError("density.parameter_invalid", name=name, value=value)
    if bandwidth_m < cell_m:
        raise StationMapError("density.bandwidth_below_cell", bandwidth_m=bandwidth_m, cell_m=cell_m)


def kernel_cells(cell_m: float, bandwidth_m: float, kernel: str) -> np.ndarray:
    """Share of one point's mass falling in each cell around it; sums to exactly 1."""
    reach = bandwidth_m * (GAUSSIAN_REACH if kernel == "gaussian" else 1.0)
    half = int(np.ceil(reach / cell_m))
    offsets = np.arange(-half, half + 1) * cell_m
    d2 = offsets[None, :] ** 2 + offsets[:, None] ** 2
    if kernel == "quartic":
        weights = np.where(d2 < bandwidth_m ** 2, (1 - d2 / bandwidth_m ** 2) ** 2, 0.0)
    else:
        weights = np.where(d2 <= reach ** 2, np.exp(-d2 / (2 * bandwidth_m ** 2)), 0.0)
    return weights / weights.sum()


def density_surface(lon: Any, lat: Any, weights: Any = None, *, cell_m: float = 100, bandwidth_m: float = 250,
                    kernel: str = "quartic", bounds: tuple[float, float, float, float] | None = None
                    ) -> DensitySurface:
    """Kernel density of points (lon/lat degrees) on a `cell_m` grid in their UTM zone.

    `bounds` (west, south, east, north in lon/lat) fixes the grid, e.g. to a jurisdiction;
    by default it is the points' extent plus the kernel's reach. Points with missing
    coordinates are ignored; points outside `bounds` do not count.
    """
    check_parameters(cell_m, bandwidth_m, kernel)
    lon = np.asarray(lon, dtype="float64")
    lat = np.asarray(lat, dtype="float64")
    w = np.ones_like(lon) if weights is None else np.asarray(weights, dtype="float64")
    keep = np.isfinite(lon) & np.isfinite(lat) & np.isfinite(w)
    lon, lat, w = lon[keep], lat[keep], w[keep]
    if lon.size == 0:
        raise StationMapError("density.no_points")
    epsg = utm_epsg(lon, lat)
    to_utm, to_lonlat = transformers(epsg)
    x, y = to_utm.transform(lon, lat)
    reach = bandwidth_m * (GAUSSIAN_REACH if kernel == "gaussian" else 1.0)
    if bounds is None:
        west, south, east, north = x.min() - reach, y.min() - reach, x.max() + reach, y.max() + reach
    else:
        corners_x, corners_y = to_utm.transform(np.array(bounds)[[0, 0, 2, 2]], np.array(bounds)[[1, 3, 1, 3]])
        west, south, east, north = min(corners_x), min(corners_y), max(corners_x), max(corners_y)
    # Snap the grid to whole cells so two surfaces of one station share cell edges.
    west, south = np.floor(west / cell_m) * cell_m, np.floor(south / cell_m) * cell_m
    cols = max(int(np.ceil((east - west) / cell_m)), 1)
    rows = max(int(np.ceil((north - south) / cell_m)), 1)
    if rows * cols > MAX_CELLS:
        raise StationMapError("density.grid_too_large", cells=rows * cols, limit=MAX_CELLS)
    east, north = west + cols * cell_m, south + rows * cell_m
    counts, _, _ = np.histogram2d(y, x, bins=(rows, cols), range=((south, north), (west, east)), weights=w)
    smoothed = fft_convolve(counts, kernel_cells(cell_m, bandwidth_m, kernel), mode="same")
    grid = np.clip(smoothed, 0.0, None)[::-1] / (cell_m * cell_m / 1e6)  # north up, per km²
    grid[grid < 1e-9 * max(grid.max(), 1e-300)] = 0.0  # FFT round-off far from any point
    edge_lon, edge_lat = to_lonlat.transform(*_edge_points(west, south, east, north))
    return DensitySurface(
        grid=grid, cell_m=float(cell_m), bandwidth_m=float(bandwidth_m), kernel=kernel, crs=f"EPSG:{epsg}",
        bounds_utm=(float(west), float(south), float(east), float(north)),
        bounds_lonlat=(float(np.min(edge_lon)), float(np.min(edge_lat)), float(np.max(edge_lon)), float(np.max(edge_lat))),
        n_points=int(lon.size), total_weight=float(w.sum()))


def _edge_points(west: float, south: float, east: float, north: float, steps: int = 16) -> tuple[np.ndarray, np.ndarray]:
    """Points along a rectangle's edges: its image in another CRS is not a rectangle."""
    t = np.linspace(0.0, 1.0, steps)
    xs = np.concatenate([west + (east - west) * t, np.full(steps, east), east - (east - west) * t, np.full(steps, west)])
    ys = np.concatenate([np.full(steps, south), south + (north - south) * t, np.full(steps, north), north - (north - south) * t])
    return xs, ys


def _resample_to_mercator(surface: DensitySurface) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """Bilinear samples of the UTM grid at the centres of Web-Mercator pixels of half a cell."""
    to_mercator, from_mercator = transformers(WEB_MERCATOR)
    west, south, east, north = surface.bounds_lonlat
    (mx0, mx1), (my0, my1) = to_mercator.transform(np.array([west, east]), np.array([south, north]))
    scale = 1.0 / np.cos(np.radians((south + north) / 2))  # Mercator metres per ground metre here
    pixel = max(surface.cell_m * scale / 2, (mx1 - mx0) / MAX_IMAGE_SIDE, (my1 - my0) / MAX_IMAGE_SIDE)
    cols = max(int(np.ceil((mx1 - mx0) / pixel)), 1)
    rows = max(int(np.ceil((my1 - my0) / pixel)), 1)
    px = mx0 + (np.arange(cols) + 0.5) * pixel
    py = my1 - (np.arange(rows) + 0.5) * pixel
    lon, lat = from_mercator.transform(*np.meshgrid(px, py))
    to_utm, _ = transformers(int(surface.crs.split(":")[1]))
    ux, uy = to_utm.transform(np.ravel(lon), np.ravel(lat))
    gw, gs, _, gn = surface.bounds_utm
    col = (np.asarray(ux) - gw) / surface.cell_m - 0.5
    row = (gn - np.asarray(uy)) / surface.cell_m - 0.5
    values = _bilinear(surface.grid, row, col).reshape(rows, cols)
    image_lon, image_lat = from_mercator.transform(np.array([mx0, mx0 + cols * pixel]), np.array([my1 - rows * pixel, my1]))
    return values, (float(image_lon[0]), float(image_lat[0]), float(image_lon[1]), float(image_lat[1]))


def _bilinear(grid: np.ndarray, row: np.ndarray, col: np.ndarray) -> np.ndarray:
    rows, cols = grid.shape
    inside = (row > -0.5) & (row < rows - 0.5) & (col > -0.5) & (col < cols - 0.5)
    r = np.clip(row, 0, rows - 1)
    c = np.clip(col, 0, cols - 1)
    r0 = np.minimum(np.floor(r).astype(int), rows - 1)
    c0 = np.minimum(np.floor(c).astype(int), cols - 1)
    r1, c1 = np.minimum(r0 + 1, rows - 1), np.minimum(c0 + 1, cols - 1)
    fr, fc = r - r0, c - c0
    top = grid[r0, c0] * (1 - fc) + grid[r0, c1] * fc
    bottom = grid[r1, c0] * (1 - fc) + grid[r1, c1] * fc
    return np.where(inside, top * (1 - fr) + bottom * fr, 0.0)


def _palette_rgb(colormap: str) -> np.ndarray:
    return np.array([[int(h[i:i + 2], 16) for i in (1, 3, 5)] for h in PALETTES[colormap]], dtype="float64")


def _palette_colour(colormap: str, fraction: float) -> str:
    anchors = _palette_rgb(colormap)
    position = np.linspace(0, 1, len(anchors))
    rgb = [int(round(np.interp(fraction, position, anchors[:, k]))) for k in range(3)]
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _colourise(values: np.ndarray, top: float, colormap: str, opacity: float) -> np.ndarray:
    anchors = _palette_rgb(colormap)
    position = np.linspace(0, 1, len(anchors))
    fraction = np.clip(values / top, 0, 1) if top > 0 else np.zeros_like(values)
    rgba = np.zeros(values.shape + (4,), dtype=np.uint8)
    for k in range(3):
        rgba[..., k] = np.round(np.interp(fraction, position, anchors[:, k]))
    # Fade in from the threshold so the surface has no hard rim where it starts.
    alpha = np.clip((fraction - TRANSPARENT_BELOW) / (3 * TRANSPARENT_BELOW), 0, 1) * opacity * 255
    rgba[..., 3] = np.round(alpha)
    return rgba


def _encode_png(rgba: np.ndarray) -> bytes:
    """A minimal RGBA PNG writer (zlib only), so the analysis layer needs no imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    height, width = rgba.shape[:2]
    raw = np.concatenate([np.zeros((height, 1), dtype=np.uint8), rgba.reshape(height, width * 4)], axis=1)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw.tobytes(), 6))
            + chunk(b"IEND", b""))
