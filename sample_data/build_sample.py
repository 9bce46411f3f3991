"""Build StationMap's sample station: a SYNTHETIC incident log on REAL streets, plus real geography.

Run from the repository root (needs ../shared/geo):

    .venv/bin/python sample_data/build_sample.py            # incidents + geography
    .venv/bin/python sample_data/build_sample.py --basemap  # also basemap/trujillo.pmtiles

Seeded: the same inputs give byte-identical CSV/GeoJSON files. The incidents are invented; the
streets, points of interest, district limits and police stations are real public data
(OpenStreetMap, INEI 2007, PNP 2020) — see PROVENANCE.md.
"""

from __future__ import annotations

import argparse
import csv
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

from stationmap.maps.basemap import build_pack
from stationmap.maps.basemap.osm_features import read_osm_features

HERE = Path(__file__).resolve().parent
SHARED_GEO = HERE.parent.parent / "shared" / "geo"
PBF = SHARED_GEO / "trujillo-osm-extract-2026" / "trujillo.osm.pbf"
DISTRICTS = SHARED_GEO / "peru-limits-inei2007-juaneladio" / "peru_distrital_simple.geojson"
STATIONS = SHARED_GEO / "comisarias-pnp-2020" / "comisarias_basicas_pnp_2020.geojson"

SEED = 20261115
LAST_DAY = date(2026, 11, 15)          # a Sunday: ISO week 2026-W46 is complete
DAYS = 364                             # 52 weeks, starting Monday 2025-11-17
JURISDICTION = {"130102": "EL PORVENIR", "130103": "FLORENCIA DE MORA", "130105": "LA ESPERANZA"}
STATION = "COMISARIA PNP EL PORVENIR (SINTETICA)"
CSV_NAME = "incidentes_SINTETICOS_comisaria_el_porvenir_2025-11-17_2026-11-15.csv"
XLSX_NAME = "incidentes_SINTETICOS_comisaria_el_porvenir_ultimas_4_semanas.xlsx"
TITLE = ("REGISTRO DE DENUNCIAS - COMISARIA PNP EL PORVENIR - DATOS SINTETICOS (NO REALES) "
         "generados por StationMap sobre calles de OpenStreetMap (c) OpenStreetMap contributors")
HEADER = ["N", "NRO_DENUNCIA", "FECHA_HECHO", "HORA_HECHO", "FECHA_HASTA", "HORA_HASTA", "MODALIDAD",
          "DIRECCION", "DISTRITO", "UBIGEO", "LATITUD", "LONGITUD", "COMISARIA"]
# The jurisdiction (-79.050..-78.963, -8.089..-8.015) with ~1 km of margin, plus Trujillo's centre to the south.
BASEMAP_AREA = (-79.07, -8.125, -78.95, -8.005)
TO_UTM = Transformer.from_crs("EPSG:4326", "EPSG:32717", always_xy=True)
TO_LONLAT = Transformer.from_crs("EPSG:32717", "EPSG:4326", always_xy=True)


@dataclass(frozen=True)
class Category:
    """How one kind of incident behaves: how often, where, when, and how the register spells it."""
    variants: tuple[str, ...]
    share: float
    hotspot_share: float        # fraction placed at puntos críticos
    near: tuple[str, ...]       # POI kinds that attract it
    hours: tuple[float, ...]    # 24 relative weights
    weekdays: tuple[float, ...]  # Monday..Sunday relative weights
    window_share: float = 0.0   # found later: FECHA/HORA HASTA filled
    at_home: bool = False
    trend: float = 0.0          # extra rate reached in the last weeks (0.3 = +30 %)


def _hours(night: float, morning: float, day: float, evening: float) -> tuple[float, ...]:
    """24 hourly weights from four levels: 00-05, 06-09, 10-17, 18-23."""
    return tuple([night] * 6 + [morning] * 4 + [day] * 8 + [evening] * 6)


WEEKEND = (0.9, 0.85, 0.9, 1.0, 1.25, 1.5, 1.4)
FLAT = (1.0, 1.0, 1.0, 1.0, 1.05, 0.9, 0.8)
CATEGORIES = [
    Category(("ROBO AGRAVADO", "Robo", "ROBO AGRAVADO A MANO ARMADA", "robo agravado", "ROBO"), 0.27, 0.5,
             ("marketplace", "bar", "nightclub", "bus_station", "bank"), _hours(0.8, 1.2, 0.8, 2.2), WEEKEND,
             trend=0.3),
    Category(("HURTO SIMPLE", "hurto agravado", "HURTO AGRAVADO", "Hurto"), 0.24, 0.5,
             ("marketplace", "bus_station", "supermarket", "school"), _hours(0.2, 1.2, 1.6, 1.1), WEEKEND),
    Category(("VIOLENCIA FAMILIAR", "Violencia Familiar",
              "VIOLENCIA CONTRA LA MUJER E INTEGRANTES DEL GRUPO FAMILIAR"), 0.2, 0.0, (),
             _hours(1.3, 0.5, 0.6, 1.6), (0.9, 0.8, 0.8, 0.9, 1.1, 1.6, 1.7), at_home=True),
    Category(("LESIONES", "LESIONES LEVES", "lesiones graves"), 0.08, 0.3, ("bar", "nightclub", "alcohol"),
             _hours(1.8, 0.3, 0.5, 1.6), (0.7, 0.6, 0.7, 0.8, 1.2, 1.9, 1.8)),
    Category(("MICROCOMERCIALIZACION DE DROGAS", "MICROCOMERCIALIZACIÓN DE DROGAS"), 0.05, 0.6,
             ("park", "school"), _hours(0.8, 0.3, 0.7, 1.8), FLAT),
    Category(("ESTAFA", "ESTAFA AGRAVADA", "Estafa"), 0.04, 0.0, ("bank", "mobile_phone"),
             _hours(0.05, 0.8, 1.6, 0.6), FLAT),
    Category(("EXTORSIÓN", "EXTORSION"), 0.03, 0.1, ("marketplace", "bus_station"),
             _hours(0.1, 1.0, 1.5, 0.8), FLAT),
    Category(("HURTO DE VEHICULO", "ROBO DE VEHICULO", "hurto de autopartes"), 0.04, 0.1, (),
             _hours(1.8, 0.4, 0.4, 1.2), FLAT, window_share=0.6, at_home=True),
    Category(("ROBO EN DOMICILIO", "HURTO EN CASA HABITACION"), 0.03, 0.0, (),
             _hours(0.6, 1.2, 1.5, 0.8), FLAT, window_share=0.7, at_home=True),
    Category(("DAÑOS", "DAÑOS A LA PROPIEDAD"), 0.015, 0.0, (), _hours(1.2, 0.5, 0.8, 1.3), WEEKEND),
    Category(("TENENCIA ILEGAL DE ARMAS",), 0.01, 0.4, ("bar", "nightclub"), _hours(1.5, 0.3, 0.5, 1.5),
             WEEKEND),
    Category(("HOMICIDIO", "HOMICIDIO CALIFICADO"), 0.005, 0.3, ("bar",), _hours(1.8, 0.3, 0.4, 1.5),
             WEEKEND),
]
PREFIXES = {"Avenida ": "Av. ", "Jirón ": "Jr. ", "Jiron ": "Jr. ", "Calle ": "Ca. ", "Pasaje ": "Psje. ",
            "Prolongación ": "Prol. ", "Prolongacion ": "Prol. "}
# OSM names that already say what kind of way they are; others are plain streets ("Ca.").
KNOWN_STARTS = ("Av", "Jr", "Ca", "Psj", "Pje", "Prol", "Carretera", "Malecón", "Alameda", "Óvalo", "Ovalo")


def load_geography() -> tuple[dict, list[dict], list[dict]]:
    districts = json.loads(DISTRICTS.read_text(encoding="utf-8"))["features"]
    province = [f for f in districts if f["properties"]["IDPROV"] == "1301" and f["geometry"]]
    stations = [f for f in json.loads(STATIONS.read_text(encoding="utf-8"))["features"]
                if f["properties"]["provincia"] == "TRUJILLO"]
    return {f["properties"]["IDDIST"]: shape(f["geometry"]) for f in province}, province, stations


def write_geography(out: Path, shapes: dict, province: list[dict], stations: list[dict]) -> None:
    geo = out / "geo"
    geo.mkdir(parents=True, exist_ok=True)
    jurisdiction = unary_union([shapes[code] for code in JURISDICTION])
    area_km2 = shapely.area(shapely.transform(jurisdiction, _utm_xy)) / 1e6
    feature = {"type": "Feature", "geometry": mapping(jurisdiction), "properties": {
        "nombre": "Jurisdicción Comisaría PNP El Porvenir (sintética)", "ubigeos": ",".join(JURISDICTION),
        "distritos": ", ".join(JURISDICTION.values()), "area_km2": round(area_km2, 2),
        "fuente": "Unión de límites distritales INEI 2007 (github.com/juaneladio/peru-geojson)"}}
    _write_geojson(geo / "jurisdiccion_el_porvenir.geojson", [feature])
    _write_geojson(geo / "distritos_trujillo.geojson", [
        {"type": "Feature", "geometry": f["geometry"], "properties": {
            "ubigeo": f["properties"]["IDDIST"], "distrito": f["properties"]["NOMBDIST"],
            "provincia": f["properties"]["NOMBPROV"], "departamento": f["properties"]["NOMBDEP"],
            "area_km2": f["properties"]["AREA_MINAM"]}} for f in province])
    _write_geojson(geo / "comisarias_trujillo.geojson", [
        {"type": "Feature", "geometry": f["geometry"], "properties": {
            key: f["properties"][key] for key in ("codigo_cpnp", "comisaria", "tipo", "distrito",
                                                   "provincia", "departamento", "divpol_divopus")}}
        for f in stations])


def _write_geojson(path: Path, features: list[dict]) -> None:
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _utm_xy(coords: np.ndarray) -> np.ndarray:
    x, y = TO_UTM.transform(coords[:, 0], coords[:, 1])
    return np.column_stack([x, y])


def _lonlat_xy(coords: np.ndarray) -> np.ndarray:
    x, y = TO_LONLAT.transform(coords[:, 0], coords[:, 1])
    return np.column_stack([x, y])


def street_name(osm_name: str) -> str:
    """"Avenida Pumacahua" -> "Av. Pumacahua", "Prolongación Avenida X" -> "Prol. Av. X"."""
    for long, short in PREFIXES.items():
        if osm_name.startswith(long):
            rest = osm_name[len(long):]
            return short + (street_name(rest) if short == "Prol. " else rest)
    return osm_name if osm_name.startswith(KNOWN_STARTS) else "Ca. " + osm_name


class Streets:
    """Named street segments of the jurisdiction, in UTM metres, with cuadra (block) numbering."""

    CLASS_WEIGHT = {"primary": 3.0, "secondary": 2.5, "tertiary": 2.0, "residential": 1.0}

    def __init__(self, features: list, jurisdiction_utm) -> None:
        lines, names, weights = [], [], []
        for f in features:
            if f.layer == "roads" and f.name and f.kind in self.CLASS_WEIGHT:
                line = shapely.intersection(shapely.transform(f.geometry, _utm_xy), jurisdiction_utm)
                if line.length > 30:
                    lines.append(line)
                    names.append(f.name)
                    weights.append(line.length * self.CLASS_WEIGHT[f.kind])
        self.lines = np.array(lines, dtype=object)
        self.names = np.array(names, dtype=object)
        self.weights = np.array(weights) / np.sum(weights)
        # One merged line per street name, so a cuadra number counts from the street's start.
        merged = {}
        for name in sorted(set(names)):
            parts = shapely.line_merge(unary_union(list(self.lines[self.names == name])))
            merged[name] = max(getattr(parts, "geoms", [parts]), key=lambda g: g.length)
        self.merged = merged
        self.tree = shapely.STRtree(self.lines)

    def random_points(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
        index = rng.choice(len(self.lines), size=n, p=self.weights)
        lengths = shapely.length(self.lines[index])
        points = shapely.line_interpolate_point(self.lines[index], rng.random(n) * lengths)
        return shapely.get_coordinates(points), self.names[index]

    def nearest_names(self, xy: np.ndarray) -> np.ndarray:
        index = self.tree.nearest(shapely.points(xy))
        return self.names[index]

    def cuadra(self, name: str, x: float, y: float) -> int:
        line = self.merged[name]
        return int(line.line_locate_point(shapely.Point(x, y)) // 100) + 1


def choose_hotspots(rng: np.random.Generator, features: list, jurisdiction, streets: Streets) -> list[dict]:
    """A few dozen puntos críticos: crime generators that stay hot for months (Weisburd)."""
    pois = [f for f in features if f.layer == "pois" and jurisdiction.contains(f.geometry)]
    wanted = {"marketplace": 8, "bar": 6, "nightclub": 5, "bus_station": 5, "park": 4, "school": 2, "bank": 2}
    spots = []
    for kind, count in wanted.items():
        candidates = [f for f in pois if f.kind == kind]
        for i in rng.permutation(len(candidates))[:count]:
            spots.append((kind, candidates[i].name, candidates[i].geometry))
    for xy, _name in zip(*streets.random_points(rng, 6)):  # street corners with no mapped POI
        lon, lat = TO_LONLAT.transform(*xy)
        spots.append(("street", None, shapely.Point(lon, lat)))
    hotspots = []
    for i, (kind, name, point) in enumerate(spots):
        x, y = TO_UTM.transform(point.x, point.y)
        start, end = 0, DAYS
        if i % 9 == 4:        # emerging: hot only since mid-year
            start = int(rng.integers(150, 260))
        elif i % 11 == 7:     # displaced or solved: cooled off
            end = int(rng.integers(120, 250))
        hotspots.append({"kind": kind, "name": name, "x": x, "y": y, "start": start, "end": end,
                         "intensity": float(rng.lognormal(0.0, 0.6))})
    return hotspots


def sample_days(rng: np.random.Generator, cat: Category, n: int, hotspot: dict | None) -> np.ndarray:
    days = np.arange(DAYS)
    weekday = days % 7  # day 0 is a Monday
    weight = np.array(cat.weekdays)[weekday] * (1 + 0.08 * np.sin(2 * np.pi * days / 364))
    if cat.trend:  # a mild rise over the last six weeks
        weight *= 1 + cat.trend * np.clip((days - (DAYS - 42)) / 42, 0, 1)
    if hotspot is not None:
        weight = weight * ((days >= hotspot["start"]) & (days < hotspot["end"]))
    return rng.choice(days, size=n, p=weight / weight.sum())


def generate(rng: np.random.Generator, streets: Streets, hotspots: list[dict], shapes: dict) -> list[dict]:
    total = int(rng.integers(5800, 6300))
    rows = []
    for cat in CATEGORIES:
        n = int(round(total * cat.share))
        n_hot = int(round(n * cat.hotspot_share))
        # Hotspots attract the categories whose generators they are.
        fits = [h for h in hotspots if h["kind"] in cat.near or h["kind"] == "street"]
        xy_street, names = streets.random_points(rng, n - n_hot)
        spread = rng.normal(0, 12, size=(n - n_hot, 2))
        places = [(x, y, None) for x, y in xy_street + spread]
        if n_hot and fits:
            p = np.array([h["intensity"] for h in fits])
            picks = rng.choice(len(fits), size=n_hot, p=p / p.sum())
            for k in picks:
                h = fits[k]
                dx, dy = rng.normal(0, 35, 2)
                places.append((h["x"] + dx, h["y"] + dy, h))
        hours = rng.choice(24, size=len(places), p=np.array(cat.hours) / sum(cat.hours))
        for (x, y, hot), hour in zip(places, hours):
            day = int(sample_days(rng, cat, 1, hot)[0])
            minute = int(rng.choice(12) * 5) if rng.random() < 0.7 else int(rng.integers(60))
            start = datetime.combine(date(2025, 11, 17) + timedelta(days=day), datetime.min.time())
            start += timedelta(hours=int(hour), minutes=minute)
            end = None
            if cat.window_share and rng.random() < cat.window_share:
                end = start + timedelta(hours=float(rng.uniform(3, 11)), minutes=int(rng.integers(60)))
            rows.append({"cat": cat, "x": x, "y": y, "start": start, "end": end})
    rows.sort(key=lambda r: r["start"])
    names = streets.nearest_names(np.array([[r["x"], r["y"]] for r in rows]))
    district_of = _district_locator(shapes)
    for i, (row, name) in enumerate(zip(rows, names)):
        lon, lat = TO_LONLAT.transform(row["x"], row["y"])
        row.update(lon=lon, lat=lat, street=name, ubigeo=district_of(lon, lat),
                   cuadra=streets.cuadra(name, row["x"], row["y"]),
                   denuncia=f"{row['start'].year}-{rng.integers(10000, 99999)}-{i + 1:05d}")
    return rows


def _district_locator(shapes: dict):
    codes = list(JURISDICTION)
    geoms = [shapes[c] for c in codes]
    for g in geoms:
        shapely.prepare(g)

    def locate(lon: float, lat: float) -> str:
        point = shapely.Point(lon, lat)
        for code, geom in zip(codes, geoms):
            if geom.contains(point):
                return code
        return codes[0]

    return locate


def address(rng: np.random.Generator, row: dict) -> str:
    street = street_name(row["street"])
    if row["cat"].at_home and rng.random() < 0.5:  # pueblo joven addresses: manzana and lote
        text = f"Mz. {chr(65 + int(rng.integers(0, 20)))} Lt. {int(rng.integers(1, 40))} - {street}"
    elif rng.random() < 0.3:
        text = f"{street} {row['cuadra'] * 100 + int(rng.integers(1, 99))}"
    else:
        text = f"{street} cdra. {row['cuadra']}"
    return text.upper() if rng.random() < 0.6 else text


def to_records(rng: np.random.Generator, rows: list[dict]) -> list[list[str]]:
    """Rows as the station's spreadsheet exports them, with the usual blemishes."""
    records = []
    for n, row in enumerate(rows, start=1):
        start, end = row["start"], row["end"]
        hour = start.strftime("%H:%M")
        if end is None and rng.random() < 0.085:
            hour = "00:00"  # time not recorded: the register's placeholder
        lat, lon = f"{row['lat']:.6f}", f"{row['lon']:.6f}"
        roll = rng.random()
        if roll < 0.04:
            lat = lon = ""
        elif roll < 0.06:
            lat, lon = lat.replace(".", ","), lon.replace(".", ",")
        records.append([str(n), row["denuncia"], start.strftime("%d/%m/%Y"), hour,
                        end.strftime("%d/%m/%Y") if end else "", end.strftime("%H:%M") if end else "",
                        str(rng.choice(row["cat"].variants)), address(rng, row),
                        JURISDICTION[row["ubigeo"]], row["ubigeo"], lat, lon, STATION])
    spoil(rng, records)
    return records


def spoil(rng: np.random.Generator, records: list[list[str]]) -> None:
    """About 1 % bad rows, of the kinds real exports carry."""
    bad = rng.choice(len(records), size=len(records) // 100, replace=False)
    for k, i in enumerate(sorted(bad)):
        record = records[i]
        kind = k % 4
        if kind == 0:
            day, month, year = record[2].split("/")
            record[2] = f"31/02/{year}" if k % 8 == 0 else f"{day}/13/{year}"
        elif kind == 1:
            record[10], record[11] = "0", "0"
        elif kind == 2:
            record[2] = "SIN FECHA" if k % 8 == 2 else "ver parte policial"
        else:
            record.append("OBS: registrado en libro de ocurrencias")


def write_csv(path: Path, records: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="cp1252", errors="replace", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow([TITLE])
        writer.writerow(HEADER)
        writer.writerows(records)


def write_xlsx(path: Path, rng: np.random.Generator, rows: list[dict], records: list[list[str]]) -> None:
    """The last four weeks exported again later: overlaps the CSV, plus a few late-filed complaints."""
    from openpyxl import Workbook

    first = datetime(2026, 10, 19)
    recent = [rec for row, rec in zip(rows, records) if row["start"] >= first and len(rec) == len(HEADER)
              and "/" in rec[2] and rec[2].split("/")[1] != "13" and not rec[2].startswith("31/02")]
    late = []
    for k, i in enumerate(rng.choice(len(recent), size=15, replace=False)):
        record = list(recent[i])
        record[0] = str(len(records) + k + 1)
        record[1] = record[1][:-5] + f"{90000 + k:05d}"  # a new complaint number
        record[3] = f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 12)) * 5:02d}"
        late.append(record)
    book = Workbook()
    sheet = book.active
    sheet.title = "Denuncias"
    sheet.append([TITLE])
    sheet.append(HEADER)
    for record in recent + late:
        values: list = list(record)
        values[2] = datetime.strptime(record[2], "%d/%m/%Y")  # Excel keeps real dates
        values[2 + 2] = datetime.strptime(record[4], "%d/%m/%Y") if record[4] else None
        sheet.append(values)
        sheet.cell(row=sheet.max_row, column=3).number_format = "dd/mm/yyyy"
        sheet.cell(row=sheet.max_row, column=5).number_format = "dd/mm/yyyy"
    book.properties.creator = "StationMap build_sample.py (datos sinteticos)"
    book.properties.created = datetime(2026, 11, 16, 8, 0)
    book.save(path)
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    """openpyxl stamps the zip entries and the "modified" property with the clock; fix both."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    entries = [(info, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-16T08:00:00Z", data)
                if info.filename == "docProps/core.xml" else data) for info, data in entries]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 16, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basemap", action="store_true", help="also build basemap/trujillo.pmtiles")
    args = parser.parse_args()
    rng = np.random.default_rng(SEED)
    shapes, province, stations = load_geography()
    write_geography(HERE, shapes, province, stations)
    jurisdiction = unary_union([shapes[code] for code in JURISDICTION])
    features = read_osm_features(PBF, jurisdiction)
    streets = Streets(features, shapely.transform(jurisdiction, _utm_xy))
    hotspots = choose_hotspots(rng, features, jurisdiction, streets)
    rows = generate(rng, streets, hotspots, shapes)
    records = to_records(rng, rows)
    write_csv(HERE / "station" / CSV_NAME, records)
    write_xlsx(HERE / "station" / XLSX_NAME, rng, rows, records)
    print(f"{len(records)} incidents, {len(hotspots)} puntos críticos")
    if args.basemap:
        info = build_pack(PBF, HERE / "basemap" / "trujillo.pmtiles", area=BASEMAP_AREA, minzoom=11, maxzoom=16,
                          name="Trujillo (El Porvenir, Florencia de Mora, La Esperanza y centro)")
        print(f"basemap: {info.tiles} tiles, {info.size_bytes / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
