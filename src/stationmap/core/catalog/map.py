"""Messages of the map: panel, basemap serving and exports."""

MESSAGES = {
    "map.export_write_failed": {
        "es": "No se pudo guardar el mapa en {path}: {detail}",
        "en": "The map could not be saved to {path}: {detail}",
    },
    "map.png_failed": {
        "es": "No se pudo guardar la imagen del mapa en {path}.",
        "en": "The map image could not be saved to {path}.",
    },
    "map.basemap_unreadable": {
        "es": "El mapa base {path} no se puede leer; el mapa se muestra sin calles. Detalle: {detail}",
        "en": "The basemap {path} cannot be read; the map is shown without streets. Detail: {detail}",
    },
    "map.not_ready": {
        "es": "El mapa aún se está cargando. Inténtelo de nuevo en unos segundos.",
        "en": "The map is still loading. Try again in a few seconds.",
    },
}
