"""Coordinates in every form seen in exports, turned into WGS84 lat/lon with a status.

Forms: decimal degrees (also with decimal commas), degrees-minutes-seconds,
one 'lat, lon' column, UTM easting/northing in zones 17S/18S/19S. Swapped
columns are put right. A point that cannot be a place (empty, 0,0, out of
range) is cleared and flagged "missing"; a real place outside Peru is kept and
flagged "outside_peru"; outside the station's area, "outside_area".
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from stationmap.core.model import CoordStatus, Warning_
from stationmap.io.normalize_text import arrow_text, as_text, count_warning, per_unique

# Peru's bounding box in degrees (mainland and islands, with a little margin).
PERU_LAT = (-18.4, 0.0)
PERU_LON = (-81.4, -68.6)

# A coarse outline of Peru (lon, lat), drawn by hand to within some 30 km and used only to tell
# UTM zones apart: read in the wrong zone, inland points land in the Pacific or in Brazil,
# which a bounding box cannot see.
_PERU_OUTLINE = ((-81.35, -4.65), (-80.3, -3.4), (-79.4, -4.6), (-78.4, -3.4), (-75.2, -0.05), (-73.6, -1.3),
                 (-72.9, -2.5), (-70.0, -4.2), (-72.9, -5.2), (-73.2, -7.3), (-72.9, -9.0), (-70.5, -9.5),
                 (-70.6, -11.0), (-68.65, -12.5), (-69.4, -14.5), (-69.0, -15.3), (-69.5, -17.5),
                 (-70.4, -18.35), (-71.4, -17.7), (-72.5, -16.9), (-74.3, -15.8), (-75.9, -14.6),
                 (-76.4, -13.0), (-77.2, -12.0), (-78.3, -10.0), (-79.1, -8.1), (-79.9, -6.8),
                 (-81.2, -6.0))
_OUTLINE_MARGIN_DEG = 0.25

_NUM = r"(\d+(?:[.,]\d+)?)"
# 8°04'15.2"S, S 8°04'15.2", 8 4 15.2 S, -8° 4.25', 79°01'30"W (minutes and seconds optional).
_DMS = (r"^\s*([NSEWOnsewo]\s*)?(-)?\s*" + _NUM + r"\s*(?:°|º|\s|d)\s*(?:" + _NUM + r"\s*(?:'|′|’|\s)\s*)?"
        r"(?:" + _NUM + r"\s*(?:\"|″|''|”)?\s*)?([NSEWOnsewo])?\s*$")
_DECIMAL_PAIR = r"^\s*\(?\s*(-?\d+(?:[.,]\d+)?)\s*(?:[,;]\s*|\s+)(-?\d+(?:[.,]\d+)?)\s*\)?\s*$"
_WKT_POINT = r"^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$"
_DMS_PAIR = r"^\s*(.+?[NSns])\s*[,;]?\s*(.+?[EWOewo])\s*$"


# Status codes of `Located.status_codes` (int8), index into these values.
STATUS_LABELS: tuple[str, ...] = tuple(status.value for status in CoordStatus)
_OK, _MISSING, _OUTSIDE_PERU, _OUTSIDE_AREA = (STATUS_LABELS.index(status.value) for status in (
    CoordStatus.OK, CoordStatus.MISSING, CoordStatus.OUTSIDE_PERU, CoordStatus.OUTSIDE_AREA))


@dataclass
class Located:
    lat: np.ndarray                 # float64, NaN where missing
    lon: np.ndarray
    status_codes: np.ndarray        # int8 index into STATUS_LABELS (a million small ints, not strings)
    warnings: list[Warning_] = field(default_factory=list)
    # Warnings that count rows, before they are counted: code -> the rows it is about. Counting
    # waits for the caller's `counted` rows (the imported ones), which the dates decide.
    row_warnings: dict[str, np.ndarray] = field(default_factory=dict)

    def with_counts(self, file: str, lines: np.ndarray, counted: np.ndarray | None = None) -> "Located":
        """These coordinates with the row warnings counted over `counted` (all rows by default)."""
        counted = np.ones(len(self.lat), dtype=bool) if counted is None else counted
        warnings = list(self.warnings)
        for code, rows in self.row_warnings.items():
            count_warning(warnings, file, code, counted & rows, lines)
        return Located(self.lat, self.lon, self.status_codes, warnings)

    @property
    def status(self) -> np.ndarray:
        """The CoordStatus value of every row, as an object array."""
        return np.asarray(STATUS_LABELS, dtype=object)[self.status_codes]


def parse_degrees(values: pd.Series) -> np.ndarray:
    """One coordinate per cell: '-8.0712', '-8,0712', '8°04'15.2\"S', '8 4 15.2 S' -> float, NaN if unreadable."""
    plain = _plain_decimals(values)
    if plain is not None:
        return plain

    def parse(uniques: pd.Series) -> pd.Series:
        text = uniques.fillna("").astype(str).str.strip()
        plain = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce").astype(float)
        rest = plain.isna() & (text != "")
        if rest.any():  # only what is not a plain number goes through the slower DMS pattern
            dms = text[rest].str.extract(_DMS)
            degrees = _num(dms[2]) + _num(dms[3]).fillna(0) / 60 + _num(dms[4]).fillna(0) / 3600
            hemisphere = (dms[0].fillna("").str.strip() + dms[5].fillna("")).str.upper()
            negative = dms[1].eq("-") | hemisphere.isin(["S", "W", "O"])
            plain[rest] = degrees.where(~negative, -degrees).astype(float)
        return plain
    return per_unique(values, parse).to_numpy(dtype=float)


def _plain_decimals(values: pd.Series) -> np.ndarray | None:
    """The column read as plain decimal numbers by Arrow in one pass, or None if any cell is not one.

    Coordinates are nearly all distinct, so the per-distinct-value parser would parse
    every cell anyway; most exports write plain decimals, which Arrow's cast reads
    at memory speed. Empty cells become NaN; anything else sends the column to the
    full parser.
    """
    if not pd.api.types.is_string_dtype(values.dtype) or values.dtype == object:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    text = arrow_text(values)
    for attempt in (text, None):  # as written, then without the spaces around (the cast takes none)
        if attempt is None:
            attempt = pc.utf8_trim_whitespace(text)
        try:
            numbers = pc.cast(pc.if_else(pc.equal(attempt, ""), None, attempt), pa.float64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue
        return numbers.to_numpy(zero_copy_only=False).astype(np.float64, copy=False)
    return None


def _filled(values: pd.Series) -> np.ndarray:
    """Cells holding something besides spaces (the column itself is not stripped: see normalize)."""
    if not pd.api.types.is_string_dtype(values.dtype) or values.dtype == object:
        return (as_text(values) != "").to_numpy()
    import pyarrow.compute as pc

    text = arrow_text(values)
    filled = pc.and_(pc.not_equal(text, ""), pc.invert(pc.utf8_is_space(text)))
    return np.asarray(filled.to_numpy(zero_copy_only=False), dtype=bool)


def _given(first: pd.Series, second: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(either cell filled, both cells filled) per row of a pair of coordinate columns."""
    a, b = _filled(first), _filled(second)
    return a | b, a & b


def _num(part: pd.Series) -> pd.Series:
    return pd.to_numeric(part.str.replace(",", ".", regex=False), errors="coerce")


def parse_pairs(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """One 'lat, lon' cell -> (lat, lon); also DMS pairs and WKT 'POINT (lon lat)'."""
    def parse(uniques: pd.Series) -> pd.DataFrame:
        text = uniques.fillna("").astype(str).str.strip()
        pair = text.str.extract(_DECIMAL_PAIR)
        lat, lon = _num(pair[0]), _num(pair[1])
        wkt = text.str.extract(_WKT_POINT, flags=2)  # re.IGNORECASE
        lat = lat.where(lat.notna(), _num(wkt[1]))
        lon = lon.where(lon.notna(), _num(wkt[0]))
        dms = text.str.extract(_DMS_PAIR)
        has_dms = dms[0].notna() & lat.isna()
        if has_dms.any():
            lat[has_dms] = parse_degrees(dms.loc[has_dms, 0])
            lon[has_dms] = parse_degrees(dms.loc[has_dms, 1])
        return pd.DataFrame({"lat": lat.astype(float), "lon": lon.astype(float)})
    parsed = per_unique(values, parse)
    return parsed["lat"].to_numpy(dtype=float), parsed["lon"].to_numpy(dtype=float)


def in_peru(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    return ((lat >= PERU_LAT[0]) & (lat <= PERU_LAT[1])
            & (lon >= PERU_LON[0]) & (lon <= PERU_LON[1]))


def utm_to_lonlat(x: np.ndarray, y: np.ndarray, zone: int) -> tuple[np.ndarray, np.ndarray]:
    """UTM zone `zone` south (EPSG:327zz) -> WGS84 lon/lat."""
    from pyproj import Transformer

    transformer = Transformer.from_crs(f"EPSG:327{zone:02d}", "EPSG:4326", always_xy=True)
    lon, lat = transformer.transform(x, y)
    return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)


def guess_utm_zone(x: np.ndarray, y: np.ndarray) -> int:
    """The zone (17, 18, 19 south) that puts most points inside Peru's outline and the zone's own band."""
    import shapely
    from shapely.geometry import Polygon

    outline = Polygon(_PERU_OUTLINE).buffer(_OUTLINE_MARGIN_DEG)
    valid = ~(np.isnan(x) | np.isnan(y))
    sample_x, sample_y = x[valid][:2000], y[valid][:2000]
    best, best_score = 18, -1
    for zone in (17, 18, 19):
        lon, lat = utm_to_lonlat(sample_x, sample_y, zone)
        central = -183 + 6 * zone
        score = int((shapely.contains_xy(outline, lon, lat) & (np.abs(lon - central) <= 3.5)).sum())
        if score > best_score:
            best, best_score = zone, score
    return best


def locate(frame: pd.DataFrame, fields: dict[str, str], lines: np.ndarray, file: str,
           *, utm_zone: int | None = None, area=None, counted: np.ndarray | None = None) -> Located:
    """Coordinates of every row of a text frame, as mapped by `fields`.

    `counted` marks the rows the warnings should count (the imported ones); all by default.
    """
    return locate_rows(frame, fields, file, utm_zone=utm_zone, area=area).with_counts(file, lines, counted)


def locate_rows(frame: pd.DataFrame, fields: dict[str, str], file: str, *, utm_zone: int | None = None,
                area=None) -> Located:
    """`locate` with the row warnings not counted yet (Located.with_counts counts them): the normaliser
    runs this on a worker while the dates, which decide the imported rows, are parsed."""
    n = len(frame)
    warnings: list[Warning_] = []
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    # Per row: something written in a coordinate column, and something in every one of them
    # (a short row or an empty longitude leaves a point half given).
    present = complete = np.zeros(n, dtype=bool)
    if "lat" in fields and "lon" in fields:
        lat, lon = parse_degrees(frame[fields["lat"]]), parse_degrees(frame[fields["lon"]])
        present, complete = _given(frame[fields["lat"]], frame[fields["lon"]])
    elif "coords" in fields:
        lat, lon = parse_pairs(frame[fields["coords"]])
        present = complete = _filled(frame[fields["coords"]])
    elif "x" in fields and "y" in fields:
        x, y = parse_degrees(frame[fields["x"]]), parse_degrees(frame[fields["y"]])
        present, complete = _given(frame[fields["x"]], frame[fields["y"]])
        zone = utm_zone or guess_utm_zone(x, y)
        lon, lat = utm_to_lonlat(x, y, zone)
        if not utm_zone:
            warnings.append(Warning_(file, "rows.utm_zone_guessed", {"zone": zone}))
    else:
        status = np.full(n, _MISSING, dtype=np.int8)
        if n:
            warnings.append(Warning_(file, "rows.coords_none", {}))
        return Located(lat, lon, status, warnings)

    row_warnings: dict[str, np.ndarray] = {}
    lat, lon = _unswap(lat, lon, file, warnings, row_warnings)
    unread = np.isnan(lat) | np.isnan(lon)
    impossible = unread | (np.abs(lat) > 90) | (np.abs(lon) > 180) | ((lat == 0) & (lon == 0))
    lat = np.where(impossible, np.nan, lat)
    lon = np.where(impossible, np.nan, lon)
    status = np.full(n, _OK, dtype=np.int8)
    status[impossible] = _MISSING
    outside = ~impossible & ~in_peru(lat, lon)
    status[outside] = _OUTSIDE_PERU
    if area is not None:
        import shapely

        inside_area = shapely.contains_xy(area, np.nan_to_num(lon), np.nan_to_num(lat))
        status[~impossible & ~outside & ~inside_area] = _OUTSIDE_AREA
    # What the user must fix differs: a cell to fill, a text to rewrite, a number out of range.
    row_warnings.update({"rows.coords_empty": impossible & ~present,
                         "rows.coords_incomplete": impossible & present & ~complete,
                         "rows.coords_unreadable": unread & complete,
                         "rows.coords_missing": impossible & ~unread & complete,
                         "rows.coords_outside_peru": outside, "rows.coords_outside_area": status == _OUTSIDE_AREA})
    return Located(lat, lon, status, warnings, row_warnings)


def _unswap(lat: np.ndarray, lon: np.ndarray, file: str, warnings: list[Warning_],
            row_warnings: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Latitude and longitude exchanged, for the whole column or on single rows.

    Within Peru the two ranges do not overlap, so a point that fits only when
    read the other way round was written the other way round.
    """
    fits = in_peru(lat, lon)
    fits_swapped = in_peru(lon, lat)
    valid = ~(np.isnan(lat) | np.isnan(lon))
    if valid.any() and fits_swapped[valid].mean() > 0.5:
        warnings.append(Warning_(file, "rows.coords_swapped_columns", {}))
        lat, lon = lon, lat
        fits, fits_swapped = fits_swapped, fits
    swap_rows = fits_swapped & ~fits
    if swap_rows.any():
        lat, lon = np.where(swap_rows, lon, lat), np.where(swap_rows, lat, lon)
        row_warnings["rows.coords_swapped_rows"] = swap_rows
    return lat, lon

