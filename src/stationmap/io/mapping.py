"""Which column of a file holds which incident field: guessed from names, then from the data.

Header names are compared folded (no accents, case, spaces or underscores), so
'Fecha del Hecho', 'FECHA_HECHO' and 'fecha hecho' are one name. When the names
are silent the values speak: a column of numbers between -18.4 and 0 is a
latitude in Peru, a column of 'dd/mm/yyyy' is a date. A mapping is saved as JSON
and reused for the next file of the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass
import pandas as pd

from stationmap.core.errors import MappingError
from stationmap.core.model import SOURCE_FIELDS
from stationmap.io.normalize_text import as_text, fold

# Every field a column can be mapped to (aggregated tables use department and province too).
MAPPABLE_FIELDS: tuple[str, ...] = SOURCE_FIELDS

UTM_ZONES = (17, 18, 19)

# Folded header -> field, in order of preference within each field: the incident
# date ('fecha hecho') beats the complaint date ('fecha inicio'), and so on.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "source_id": ("id", "crime id", "nro denuncia", "n denuncia", "no denuncia", "numero denuncia",
                  "num denuncia", "numero de denuncia", "nro de denuncia", "idcarpeta", "id carpeta",
                  "carpeta", "folio", "incident id", "case id", "codigo denuncia", "denuncia"),
    "datetime": ("fecha hora", "fecha y hora", "fecha hora hecho", "datetime", "date time",
                 "timestamp", "fecha hora del hecho"),
    "date": ("fecha hecho", "fecha hechos", "fecha del hecho", "fecha de los hechos", "f hecho",
             "fecha ocurrencia", "fecha de ocurrencia", "fecha", "fecha desde", "date",
             "fecha inicio", "fecha denuncia", "fecha registro"),
    "time": ("hora hecho", "hora hechos", "hora del hecho", "hora", "hora desde", "hora inicio",
             "hora ocurrencia", "time"),
    "date_end": ("fecha fin", "fecha hasta", "fecha final", "fecha termino", "end date", "date end"),
    "time_end": ("hora fin", "hora hasta", "hora final", "hora termino", "end time", "time end"),
    "year": ("ano hecho", "ano hechos", "anio hecho", "anio hechos", "ao hechos", "ao hecho", "ano",
             "anio", "ao", "a o", "year"),
    "month": ("mes hecho", "mes hechos", "mes", "month"),
    "day": ("dia hecho", "dia hechos", "dia", "day"),
    "category": ("modalidad", "p modalidades", "modalidades", "modalidad hecho", "delito", "tipo delito",
                 "tipo de delito", "crime type", "tipo", "categoria", "categoria delito", "offence",
                 "offense", "crime"),
    "subcategory": ("subtipo", "sub tipo", "submodalidad", "sub modalidad", "subcategoria",
                    "sub categoria", "delito especifico"),
    "lat": ("latitud", "lat", "latitude", "latitud hecho"),
    "lon": ("longitud", "lon", "lng", "long", "longitude", "longitud hecho"),
    "coords": ("coordenadas", "coordenada", "gps", "coordinates", "coordenadas gps", "lat lon",
               "latlon", "latitud longitud"),
    "x": ("x", "este", "easting", "utm x", "utm este", "coord x", "coordenada x"),
    "y": ("y", "norte", "northing", "utm y", "utm norte", "coord y", "coordenada y"),
    "address": ("direccion", "direccion hecho", "direccion del hecho", "ubicacion", "location",
                "calle hechos", "calle", "domicilio", "lugar", "lugar del hecho", "address", "colonia",
                "colonia hechos"),
    "district": ("distrito", "dist hecho", "distrito hecho", "district", "alcaldia", "alcaldia hechos",
                 "alcaldia hecho", "alcalia", "municipio"),
    "ubigeo": ("ubigeo", "ubigeo hecho", "ubigeo hechos", "cod ubigeo", "codigo ubigeo"),
    "station": ("comisaria", "cpnp", "comisaria hecho", "dependencia", "dependencia policial",
                "police station"),
    "description": ("descripcion", "descripcion hecho", "descripcion del hecho", "description",
                    "observaciones", "observacion", "detalle", "relato"),
    "count": ("cantidad", "count", "total", "n denuncias", "numero de denuncias", "casos",
              "frecuencia"),
    "department": ("departamento", "dpto hecho new", "dpto hecho", "dpto", "departamento hecho",
                   "department", "region"),
    "province": ("provincia", "prov hecho", "provincia hecho", "province"),
}

_YEAR_MONTH = r"^\d{4}[-/]\d{1,2}$"
_SLASH_OR_ISO_DATE = r"^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}[-/]\d{1,2}[-/]\d{1,2})"
_CLOCK_TIME = r"^\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp]\.?\s*[Mm]\.?)?$"
_PAIR = r"^\s*-?\d{1,3}[.,]\d+\s*[,;]\s*-?\d{1,3}[.,]\d+\s*$"


@dataclass
class ColumnMapping:
    fields: dict[str, str]            # field name (SOURCE_FIELDS) -> column name in the file
    day_first: bool | None = None     # None = decide from the data
    utm_zone: int | None = None       # 17, 18 or 19 (southern hemisphere) when x/y are UTM

    def to_json(self) -> dict:
        return {"fields": dict(self.fields), "day_first": self.day_first, "utm_zone": self.utm_zone}

    @classmethod
    def from_json(cls, data: dict) -> "ColumnMapping":
        """A saved profile ({"fields": {...}, "day_first": ..., "utm_zone": ...}), or the bare
        {field: column} block an import report shows for each file, so it can be passed back."""
        if isinstance(data, dict) and "fields" not in data and data and all(key in MAPPABLE_FIELDS for key in data):
            data = {"fields": data}
        if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
            raise MappingError("mapping.invalid", reason="fields")
        fields = data["fields"]
        for name, column in fields.items():
            if name not in MAPPABLE_FIELDS:
                raise MappingError("mapping.invalid", reason=f"field {name!r}")
            if not isinstance(column, str) or not column:
                raise MappingError("mapping.invalid", reason=f"column of {name!r}")
        day_first = data.get("day_first")
        if day_first is not None and not isinstance(day_first, bool):
            raise MappingError("mapping.invalid", reason="day_first")
        utm_zone = data.get("utm_zone")
        if utm_zone is not None and utm_zone not in UTM_ZONES:
            raise MappingError("mapping.invalid", reason="utm_zone")
        return cls(fields=dict(fields), day_first=day_first, utm_zone=utm_zone)

    def column(self, field_name: str) -> str | None:
        return self.fields.get(field_name)


# Rows whose values the guess reads: enough to tell dates, coordinates and ids apart.
GUESS_SAMPLE_ROWS = 1000


def guess_table_mapping(frame: pd.DataFrame, rows: int = GUESS_SAMPLE_ROWS) -> ColumnMapping:
    """guess_mapping for a table as read: its columns, and the text of its first `rows` rows."""
    head = frame.head(rows)
    return guess_mapping(list(frame.columns), head.apply(as_text) if len(head.columns) else head)


def guess_mapping(columns: list[str], sample: pd.DataFrame) -> ColumnMapping:
    """Map the columns of a file to fields by their names, then by what the sample holds."""
    folded = {column: fold(column) for column in columns}
    fields: dict[str, str] = {}
    taken: set[str] = set()
    for field_name, synonyms in _SYNONYMS.items():
        for synonym in synonyms:
            column = next((c for c in columns if folded[c] == synonym and c not in taken), None)
            if column is not None:
                fields[field_name] = column
                taken.add(column)
                break
    _second_category_as_subcategory(columns, folded, fields, taken)
    _check_names_against_values(fields, sample, taken)
    _guess_from_values(columns, sample, fields, taken)
    return ColumnMapping(fields=fields)


def _second_category_as_subcategory(columns: list[str], folded: dict[str, str],
                                    fields: dict[str, str], taken: set[str]) -> None:
    """CDMX files carry 'Delito' and 'Categoria': keep the second as the subcategory, not lost."""
    if "subcategory" in fields or "category" not in fields:
        return
    for synonym in _SYNONYMS["category"]:
        column = next((c for c in columns if folded[c] == synonym and c not in taken), None)
        if column is not None:
            fields["subcategory"] = column
            taken.add(column)
            return


def _values(sample: pd.DataFrame, column: str) -> pd.Series:
    values = as_text(sample[column]) if column in sample.columns else pd.Series([], dtype=object)
    return values[values != ""]


def _share(values: pd.Series, pattern: str) -> float:
    return float(values.str.match(pattern).mean()) if len(values) else 0.0


def _numbers(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values.str.replace(",", ".", regex=False), errors="coerce")


def _check_names_against_values(fields: dict[str, str], sample: pd.DataFrame, taken: set[str]) -> None:
    """Names can mislead: 'Month' holding '2016-05' is a date, x/y in degrees are lon/lat."""
    month = fields.get("month")
    if month and "date" not in fields and _share(_values(sample, month), _YEAR_MONTH) > 0.8:
        fields["date"] = fields.pop("month")
    x, y = fields.get("x"), fields.get("y")
    if x and y and "lat" not in fields and "lon" not in fields:
        xs, ys = _numbers(_values(sample, x)), _numbers(_values(sample, y))
        if len(xs.dropna()) and xs.abs().max() <= 180 and ys.abs().max() <= 90:
            fields["lon"], fields["lat"] = fields.pop("x"), fields.pop("y")
    address = fields.get("address")
    if address and "coords" not in fields and "lat" not in fields:
        if _share(_values(sample, address), _PAIR) > 0.8:
            fields["coords"] = fields.pop("address")


def _guess_from_values(columns: list[str], sample: pd.DataFrame, fields: dict[str, str],
                       taken: set[str]) -> None:
    """Columns whose names say nothing: recognise Peruvian latitudes/longitudes, dates, times."""
    free = [c for c in columns if c not in taken]
    has_point = any(f in fields for f in ("lat", "lon", "coords", "x", "y"))
    for column in free:
        values = _values(sample, column)
        if len(values) == 0:
            continue
        if not has_point:
            numbers = _numbers(values)
            if numbers.notna().mean() > 0.9 and (numbers % 1 != 0).mean() > 0.5:
                if "lat" not in fields and numbers.between(-18.4, 0).mean() > 0.9:
                    fields["lat"] = column
                    continue
                if "lon" not in fields and numbers.between(-81.4, -68.6).mean() > 0.9:
                    fields["lon"] = column
                    continue
        has_date = any(f in fields for f in ("date", "datetime", "year"))
        if not has_date and _share(values, _SLASH_OR_ISO_DATE) > 0.8:
            fields["date"] = column
            continue
        if "time" not in fields and "datetime" not in fields and _share(values, _CLOCK_TIME) > 0.8:
            fields["time"] = column
