"""Coordinates: decimal commas, DMS, one-column pairs, UTM, swaps and the statuses of bad points."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer
from shapely.geometry import box

from stationmap.core.model import CoordStatus
from stationmap.io.coords import guess_utm_zone, locate, parse_degrees, parse_pairs, utm_to_lonlat


def texts(*values: str) -> pd.Series:
    return pd.Series(list(values), dtype="str")


def frame(**columns) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(values, dtype="str") for name, values in columns.items()})


def lines_for(data: pd.DataFrame) -> np.ndarray:
    return np.arange(2, len(data) + 2)


def test_decimal_points_commas_and_dms():
    # 8°04'15.2" = 8 + 4/60 + 15.2/3600 = 8.070888...
    parsed = parse_degrees(texts("-8.0712", "-8,0712", "8°04'15.2\"S", "8 4 15.2 S", "79°01'30\"W",
                                 "79º 1' 30\" O", "-8° 4.25'", "S 8°04'15.2\"", "", "norte"))
    expected = [-8.0712, -8.0712, -8.0708889, -8.0708889, -79.025, -79.025, -8.0708333, -8.0708889]
    assert parsed[:8] == pytest.approx(expected, abs=1e-6)
    assert np.isnan(parsed[8:]).all()


def test_one_column_pairs():
    lat, lon = parse_pairs(texts("-8.07, -79.03", "-8,0712; -79,0321", "-8,0712, -79,0321",
                                 "8°04'15.2\"S 79°01'30\"W", "POINT (-79.03 -8.07)", ""))
    assert lat[:5] == pytest.approx([-8.07, -8.0712, -8.0712, -8.0708889, -8.07], abs=1e-6)
    assert lon[:5] == pytest.approx([-79.03, -79.0321, -79.0321, -79.025, -79.03], abs=1e-6)
    assert np.isnan(lat[5]) and np.isnan(lon[5])


@pytest.mark.parametrize("zone, lon, lat", [(17, -79.03, -8.07), (18, -77.03, -12.05), (19, -71.54, -16.40)])
def test_utm_round_trip_through_pyproj(zone, lon, lat):
    to_utm = Transformer.from_crs("EPSG:4326", f"EPSG:327{zone}", always_xy=True)
    x, y = to_utm.transform(lon, lat)
    back_lon, back_lat = utm_to_lonlat(np.array([x]), np.array([y]), zone)
    assert back_lon[0] == pytest.approx(lon, abs=1e-7) and back_lat[0] == pytest.approx(lat, abs=1e-7)
    assert guess_utm_zone(np.array([x]), np.array([y])) == zone


def test_utm_columns_become_lat_lon_with_the_zone_guessed_and_said():
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32717", always_xy=True)
    x, y = to_utm.transform(-79.03, -8.07)
    data = frame(este=[f"{x:.2f}"], norte=[f"{y:.2f}"])
    located = locate(data, {"x": "este", "y": "norte"}, lines_for(data), "f.csv")
    assert located.lat[0] == pytest.approx(-8.07, abs=1e-6) and located.lon[0] == pytest.approx(-79.03, abs=1e-6)
    assert [w.code for w in located.warnings] == ["rows.utm_zone_guessed"]
    assert located.warnings[0].data["zone"] == 17


def test_swapped_columns_are_put_right():
    data = frame(latitud=["-79.03", "-79.04", "-79.05"], longitud=["-8.07", "-8.08", "-8.09"])
    located = locate(data, {"lat": "latitud", "lon": "longitud"}, lines_for(data), "f.csv")
    assert located.lat.tolist() == [-8.07, -8.08, -8.09]
    assert located.lon.tolist() == [-79.03, -79.04, -79.05]
    assert "rows.coords_swapped_columns" in [w.code for w in located.warnings]
    assert set(located.status) == {CoordStatus.OK.value}


def test_a_single_swapped_row_is_put_right_and_listed():
    data = frame(lat=["-8.07", "-79.04", "-8.09"], lon=["-79.03", "-8.08", "-79.05"])
    located = locate(data, {"lat": "lat", "lon": "lon"}, lines_for(data), "f.csv")
    assert located.lat[1] == -8.08 and located.lon[1] == -79.04
    warning = next(w for w in located.warnings if w.code == "rows.coords_swapped_rows")
    assert warning.data == {"count": 1, "rows": "3"}


def test_bad_points_are_cleared_and_real_places_abroad_are_flagged():
    data = frame(lat=["0", "-8.07", "", "95", "19.18753", "-8.10"],
                 lon=["0", "-79.03", "", "-79", "-99.0742", "-79.00"])
    area = box(-79.05, -8.09, -79.01, -8.05)  # around the second point only
    located = locate(data, {"lat": "lat", "lon": "lon"}, lines_for(data), "f.csv", area=area)
    assert located.status.tolist() == ["missing", "ok", "missing", "missing", "outside_peru", "outside_area"]
    assert np.isnan(located.lat[[0, 2, 3]]).all() and np.isnan(located.lon[[0, 2, 3]]).all()
    assert located.lat[4] == 19.18753  # kept, only flagged
    by_code = {w.code: w.data for w in located.warnings}
    assert by_code["rows.coords_missing"] == {"count": 2, "rows": "2, 5"}   # 0,0 and latitude 95
    assert by_code["rows.coords_empty"] == {"count": 1, "rows": "4"}
    assert by_code["rows.coords_outside_peru"] == {"count": 1, "rows": "6"}
    assert by_code["rows.coords_outside_area"] == {"count": 1, "rows": "7"}


def test_a_file_without_coordinate_columns_says_so_once():
    data = frame(fecha=["01/01/2026"])
    located = locate(data, {"date": "fecha"}, lines_for(data), "f.csv")
    assert located.status.tolist() == ["missing"]
    assert [w.code for w in located.warnings] == ["rows.coords_none"]
