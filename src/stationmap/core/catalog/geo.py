"""Messages about jurisdiction and sector polygon files."""

MESSAGES = {
    "geo.not_found": {
        "es": "No se encontró el archivo «{file}».",
        "en": "The file “{file}” was not found.",
    },
    "geo.unsupported": {
        "es": "«{file}»: el formato {suffix} no se puede leer. Use GeoJSON, KML/KMZ, Shapefile (.shp o .zip) o GeoPackage.",
        "en": "“{file}”: the {suffix} format cannot be read. Use GeoJSON, KML/KMZ, Shapefile (.shp or .zip) or GeoPackage.",
    },
    "geo.unreadable": {
        "es": "«{file}» está dañado o no es un archivo geográfico válido ({detail}).",
        "en": "“{file}” is damaged or not a valid geographic file ({detail}).",
    },
    "geo.no_polygons": {
        "es": "«{file}» no contiene ningún polígono (jurisdicción o sectores).",
        "en": "“{file}” contains no polygon (jurisdiction or sectors).",
    },
    "geo.zip_without_shapefile": {
        "es": "El archivo comprimido «{file}» no contiene ningún .shp.",
        "en": "The zip file “{file}” contains no .shp file.",
    },
    "geo.bad_crs": {
        "es": "«{file}»: las coordenadas no son grados. Falta el sistema de referencia (.prj) o es incorrecto.",
        "en": "“{file}”: the coordinates are not degrees. The reference system (.prj) is missing or wrong.",
    },
    "geo.unknown_crs": {
        "es": "Sistema de referencia desconocido: {crs}.",
        "en": "Unknown reference system: {crs}.",
    },
    "geo.repaired": {
        "es": "El polígono {feature} era inválido ({reason}) y se reparó.",
        "en": "Polygon {feature} was invalid ({reason}) and was repaired.",
    },
    "geo.skipped_features": {
        "es": {"one": "Se omitió 1 elemento sin polígono (punto, línea o vacío).",
               "other": "Se omitieron {count} elementos sin polígono (puntos, líneas o vacíos)."},
        "en": {"one": "1 feature without a polygon (a point, a line or empty) was skipped.",
               "other": "{count} features without a polygon (points, lines or empty) were skipped."},
    },
    "sectors.too_many": {
        "es": "No se pueden formar {requested} sectores: la jurisdicción solo tiene {cells} celdas con este tamaño.",
        "en": "Cannot make {requested} sectors: the jurisdiction has only {cells} cells at this size.",
    },
}
