"""Words shown on the map page (layer names, legend, popups, controls) in Spanish and English."""

from __future__ import annotations

PAGE_TEXT: dict[str, dict[str, str]] = {
    "es": {
        "layer_basemap": "Mapa base", "layer_pois": "Puntos de interés", "layer_incidents": "Incidentes",
        "layer_density": "Densidad", "layer_districts": "Distritos (conteos)", "layer_stations": "Comisarías",
        "layer_jurisdiction": "Jurisdicción",
        "date": "Fecha", "time": "Hora", "address": "Dirección", "time_unknown": "hora desconocida",
        "date_unknown": "fecha desconocida", "no_address": "sin dirección",
        "north": "Norte", "lat": "lat", "lon": "lon", "coords_hint": "Mueva el cursor sobre el mapa",
        "zoom_jurisdiction": "Acercar a la jurisdicción",
        "select_box": "Seleccionar con rectángulo", "select_lasso": "Seleccionar con lazo",
        "select_clear": "Quitar la selección",
        "legend": "Leyenda", "legend_incidents": "Incidentes por categoría", "legend_districts": "Denuncias por distrito",
        "legend_density": "Densidad de incidentes", "low": "baja", "high": "alta",
        "ubigeo": "UBIGEO", "count": "Denuncias", "no_data": "sin datos", "station": "Comisaría",
        "districts_credit": "Límites distritales", "layer_district_limits": "Límites distritales",
        "districts_unmapped": "distritos con denuncias sin límite en el mapa",
        "district_unmapped": "distrito con denuncias sin límite en el mapa",
        "empty_project": "Este proyecto aún no tiene incidentes: impórtelos con Importar → Importar archivos… "
                         "y aparecerán en el mapa.",
    },
    "en": {
        "layer_basemap": "Basemap", "layer_pois": "Points of interest", "layer_incidents": "Incidents",
        "layer_density": "Density", "layer_districts": "Districts (counts)", "layer_stations": "Police stations",
        "layer_jurisdiction": "Jurisdiction",
        "date": "Date", "time": "Time", "address": "Address", "time_unknown": "time unknown",
        "date_unknown": "date unknown", "no_address": "no address",
        "north": "North", "lat": "lat", "lon": "lon", "coords_hint": "Move the cursor over the map",
        "zoom_jurisdiction": "Zoom to jurisdiction",
        "select_box": "Select with a box", "select_lasso": "Select with a lasso",
        "select_clear": "Clear the selection",
        "legend": "Legend", "legend_incidents": "Incidents by category", "legend_districts": "Complaints per district",
        "legend_density": "Incident density", "low": "low", "high": "high",
        "ubigeo": "UBIGEO", "count": "Complaints", "no_data": "no data", "station": "Police station",
        "districts_credit": "District limits", "layer_district_limits": "District limits",
        "districts_unmapped": "districts with complaints have no limits on this map",
        "district_unmapped": "district with complaints has no limits on this map",
        "empty_project": "This project has no incidents yet: import them with Import → Import files… "
                         "and they will show on the map.",
    },
}

# How the map page groups the thousands of a count: as Spanish (Peru) and British English do, and
# as the window does (QLocale). The page does not ask the browser (toLocaleString): its first call
# loads the locale's ICU data, 12-17 ms before the first map could be reported drawn.
THOUSANDS_SEPARATORS = {"es": ",", "en": ","}

KERNEL_WORDS = {"es": {"quartic": "cuártico", "gaussian": "gaussiano"},
                "en": {"quartic": "quartic", "gaussian": "Gaussian"}}

DENSITY_LEGEND = {
    "es": "Kernel {kernel}, ancho de banda {bandwidth_m:.0f} m, celda {cell_m:.0f} m",
    "en": "{kernel} kernel, bandwidth {bandwidth_m:.0f} m, cell {cell_m:.0f} m",
}


def page_text(language: str) -> dict[str, str]:
    """The page's words, as a copy: a page's config is its own to change, PAGE_TEXT is everyone's."""
    return dict(PAGE_TEXT.get(language, PAGE_TEXT["es"]))
