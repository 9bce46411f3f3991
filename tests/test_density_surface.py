"""Kernel density in metres: mass conservation, peak placement, kernels, guard, image placement."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from pyproj import Transformer

from stationmap.analysis.density import density_surface, utm_epsg
from stationmap.core.errors import StationMapError

TRUJILLO = (-79.02, -8.07)


def random_points(n: int, seed: int = 0, spread: float = 0.01):
    rng = np.random.default_rng(seed)
    return TRUJILLO[0] + rng.normal(0, spread, n), TRUJILLO[1] + rng.normal(0, spread, n)


def decode_png(data: bytes) -> np.ndarray:
    """RGBA pixels of a filter-0, 8-bit RGBA PNG (what to_png writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (depth, colour) == (8, 6)
    chunks, pos = [], 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        if data[pos + 4:pos + 8] == b"IDAT":
            chunks.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    raw = np.frombuffer(zlib.decompress(b"".join(chunks)), dtype=np.uint8).reshape(height, 1 + width * 4)
    assert (raw[:, 0] == 0).all()
    return raw[:, 1:].reshape(height, width, 4)


@pytest.mark.parametrize("kernel", ["quartic", "gaussian"])
def test_surface_integrates_to_the_number_of_points(kernel):
    lon, lat = random_points(800)
    surface = density_surface(lon, lat, cell_m=50, bandwidth_m=200, kernel=kernel)
    assert surface.grid.sum() * surface.cell_area_km2 == pytest.approx(800, rel=1e-6)
    assert surface.n_points == 800 and surface.crs == "EPSG:32717" and surface.kernel == kernel


def test_weights_and_missing_coordinates():
    lon, lat = random_points(300, seed=1)
    weights = np.linspace(0.5, 3.0, 300)
    lon[:10] = np.nan
    surface = density_surface(lon, lat, weights, cell_m=100, bandwidth_m=300)
    assert surface.n_points == 290
    assert surface.cell_counts.sum() == pytest.approx(weights[10:].sum(), rel=1e-6)


def test_single_point_peaks_in_its_own_cell_with_the_kernel_height():
    lon, lat = np.array([-79.0123]), np.array([-8.0711])
    h, cell = 250.0, 25.0
    surface = density_surface(lon, lat, cell_m=cell, bandwidth_m=h, bounds=(-79.03, -8.09, -78.99, -8.05))
    x, y = Transformer.from_crs("EPSG:4326", surface.crs, always_xy=True).transform(lon[0], lat[0])
    west, _, _, north = surface.bounds_utm
    row, col = np.unravel_index(np.argmax(surface.grid), surface.grid.shape)
    assert (int((north - y) // cell), int((x - west) // cell)) == (row, col)
    quartic_peak_per_km2 = 3 / (np.pi * h * h) * 1e6
    assert surface.grid.max() == pytest.approx(quartic_peak_per_km2, rel=0.03)
    # Nothing beyond the bandwidth (quartic support), something inside it.
    r = int(h // cell)
    assert surface.grid[row, col + r + 2] == 0.0 and surface.grid[row, col + r - 2] > 0.0


def test_gaussian_spreads_farther_and_peaks_lower_than_quartic():
    lon, lat = np.array([-79.0]), np.array([-8.1])
    quartic = density_surface(lon, lat, cell_m=20, bandwidth_m=200, kernel="quartic")
    gaussian = density_surface(lon, lat, cell_m=20, bandwidth_m=200, kernel="gaussian")
    # Same bandwidth: peak heights 3/(pi h^2) vs 1/(2 pi h^2), a ratio of 6.
    assert quartic.grid.max() / gaussian.grid.max() == pytest.approx(6.0, rel=0.05)
    assert gaussian.grid.shape[0] > quartic.grid.shape[0]  # the grid reaches 3 sigma, not 1 h
    row, col = np.unravel_index(np.argmax(gaussian.grid), gaussian.grid.shape)
    assert gaussian.grid[row, col + 15] > 0  # 300 m away: beyond the quartic's reach


def test_bandwidth_below_cell_size_is_refused_with_a_coded_message():
    lon, lat = random_points(10)
    with pytest.raises(StationMapError) as info:
        density_surface(lon, lat, cell_m=150, bandwidth_m=100)
    assert info.value.code == "density.bandwidth_below_cell"
    assert "100" in info.value.message("es") and "150" in info.value.message("en")


@pytest.mark.parametrize("kwargs, code", [
    ({"kernel": "epanechnikov"}, "density.parameter_invalid"),
    ({"cell_m": 0}, "density.parameter_invalid"),
    ({"cell_m": 1, "bandwidth_m": 5, "bounds": (-80.0, -9.0, -78.0, -7.0)}, "density.grid_too_large"),
])
def test_bad_parameters(kwargs, code):
    lon, lat = random_points(10)
    with pytest.raises(StationMapError) as info:
        density_surface(lon, lat, **kwargs)
    assert info.value.code == code


def test_no_located_points():
    with pytest.raises(StationMapError) as info:
        density_surface([np.nan], [np.nan])
    assert info.value.code == "density.no_points"


@pytest.mark.parametrize("lon, epsg", [(-81.2, 32717), (-77.0, 32718), (-70.0, 32719)])
def test_utm_zone_follows_the_data(lon, epsg):
    assert utm_epsg(np.array([lon, lon + 0.1]), np.array([-10.0, -10.1])) == epsg


def test_fixed_bounds_cover_the_requested_area():
    lon, lat = random_points(200)
    bounds = (-79.06, -8.11, -78.98, -8.03)
    surface = density_surface(lon, lat, cell_m=100, bandwidth_m=250, bounds=bounds)
    west, south, east, north = surface.bounds_lonlat
    assert west <= bounds[0] and south <= bounds[1] and east >= bounds[2] and north >= bounds[3]
    assert east - west < bounds[2] - bounds[0] + 0.005  # snapped to cells, not padded further


def test_png_is_transparent_where_empty_and_lies_on_its_lon_lat_corners():
    point = (-79.0123, -8.0711)
    surface = density_surface([point[0]], [point[1]], cell_m=25, bandwidth_m=250)
    image = decode_png(surface.to_png("viridis"))
    assert image[0, 0, 3] == 0 and image[-1, -1, 3] == 0  # corners are outside the kernel: transparent
    west, south, east, north = surface.image_bounds_lonlat
    to_merc = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    (mx0, mx1), (my0, my1) = to_merc.transform([west, east], [south, north])
    px, py = to_merc.transform(*point)
    height, width = image.shape[:2]
    # The most opaque pixel (the peak) is where the point is, within one image pixel (half a cell).
    row, col = np.unravel_index(np.argmax(image[..., 3].astype(int) * 1000 + image[..., 1]), (height, width))
    expected_col = (px - mx0) / (mx1 - mx0) * width
    expected_row = (my1 - py) / (my1 - my0) * height
    assert abs(col + 0.5 - expected_col) <= 1.5 and abs(row + 0.5 - expected_row) <= 1.5
    assert image[..., 3].max() == round(0.8 * 255)


def test_legend_states_method_cell_bandwidth_units_and_breaks():
    lon, lat = random_points(500)
    surface = density_surface(lon, lat, cell_m=100, bandwidth_m=300, kernel="gaussian")
    legend = surface.legend("ylorrd", language="en")
    assert legend["cell_m"] == 100 and legend["bandwidth_m"] == 300 and legend["kernel"] == "gaussian"
    assert legend["units"] == "incidents per km²" and legend["crs"] == "EPSG:32717"
    assert legend["breaks"][0] == 0 and legend["breaks"][-1] == pytest.approx(surface.grid.max(), rel=1e-3)
    assert legend["colors"][0] == "#ffffcc" and legend["colors"][-1] == "#800026"
    assert density_surface(lon, lat).legend()["units"] == "incidentes por km²"
    with pytest.raises(StationMapError):
        surface.to_png("jet")  # not a colour-blind-safe palette
