"""Messages of basemap packs (building from OpenStreetMap, opening MBTiles/PMTiles) and density surfaces."""

MESSAGES = {
    "basemap.not_found": {
        "es": "No se encontró el mapa base «{path}».",
        "en": "The basemap pack “{path}” was not found.",
    },
    "basemap.empty_file": {
        "es": "El archivo de mapa base «{path}» está vacío.",
        "en": "The basemap file “{path}” is empty.",
    },
    "basemap.unknown_format": {
        "es": "«{path}» no es un mapa base MBTiles ni PMTiles.",
        "en": "“{path}” is not an MBTiles or PMTiles basemap.",
    },
    "basemap.damaged": {
        "es": "El mapa base «{path}» está dañado y no se puede leer ({detail}).",
        "en": "The basemap “{path}” is damaged and cannot be read ({detail}).",
    },
    "basemap.not_mbtiles": {
        "es": "«{path}» es una base de datos SQLite, pero no tiene la tabla de teselas de un MBTiles.",
        "en": "“{path}” is an SQLite database but lacks the tiles table of an MBTiles file.",
    },
    "basemap.empty": {
        "es": "El mapa base «{path}» no contiene ninguna tesela.",
        "en": "The basemap “{path}” contains no tiles.",
    },
    "basemap.tile_format_unknown": {
        "es": "El mapa base «{path}» usa un formato de tesela que StationMap no conoce ({format}).",
        "en": "The basemap “{path}” uses a tile format StationMap does not know ({format}).",
    },
    "basemap.extract_empty": {
        "es": "El mapa base «{path}» no tiene teselas en el área pedida.",
        "en": "The basemap “{path}” has no tiles in the requested area.",
    },
    "basemap.area_missing": {
        "es": "Elija el área del mapa base (un distrito o un rectángulo).",
        "en": "Choose the basemap area (a district or a rectangle).",
    },
    "basemap.area_invalid": {
        "es": "El área elegida no es válida: {bounds}.",
        "en": "The chosen area is not valid: {bounds}.",
    },
    "basemap.area_too_large": {
        "es": "El área necesita {tiles} teselas (máximo {limit}). Elija un área menor o un zoom máximo menor.",
        "en": "The area needs {tiles} tiles (limit {limit}). Choose a smaller area or a lower maximum zoom.",
    },
    "basemap.area_empty": {
        "es": "El extracto de OpenStreetMap «{path}» no tiene calles ni lugares en el área elegida.",
        "en": "The OpenStreetMap extract “{path}” has no streets or places in the chosen area.",
    },
    "basemap.zoom_invalid": {
        "es": "Niveles de zoom no válidos: mínimo {minzoom}, máximo {maxzoom} (0 a 18).",
        "en": "Invalid zoom levels: minimum {minzoom}, maximum {maxzoom} (0 to 18).",
    },
    "basemap.osm_missing": {
        "es": "No se encontró el extracto de OpenStreetMap «{path}».",
        "en": "The OpenStreetMap extract “{path}” was not found.",
    },
    "basemap.osm_unreadable": {
        "es": "«{path}» no es un extracto .osm.pbf legible ({detail}).",
        "en": "“{path}” is not a readable .osm.pbf extract ({detail}).",
    },
    "density.bandwidth_below_cell": {
        "es": "El ancho de banda ({bandwidth_m} m) es menor que el tamaño de celda ({cell_m} m): "
              "la superficie de densidad no mostraría nada útil. Use un ancho de banda mayor o celdas menores.",
        "en": "The bandwidth ({bandwidth_m} m) is below the cell size ({cell_m} m): the density surface "
              "would show nothing useful. Use a wider bandwidth or smaller cells.",
    },
    "density.no_points": {
        "es": "No hay incidentes con coordenadas para calcular la densidad.",
        "en": "There are no incidents with coordinates to compute the density.",
    },
    "density.parameter_invalid": {
        "es": "Parámetro de densidad no válido: {name} = {value}.",
        "en": "Invalid density parameter: {name} = {value}.",
    },
    "density.grid_too_large": {
        "es": "La cuadrícula de densidad tendría {cells} celdas (máximo {limit}). Use celdas mayores o un área menor.",
        "en": "The density grid would have {cells} cells (limit {limit}). Use larger cells or a smaller area.",
    },
}
