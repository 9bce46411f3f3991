"""Messages of the sectors and hot-spots panel (sector edits, drawn jurisdiction, exports)."""

MESSAGES = {
    "hotspots.empty_name": {
        "es": "El nombre de un sector no puede quedar vacío.",
        "en": "A sector's name cannot be empty.",
    },
    "hotspots.merge_needs_two": {
        "es": "Seleccione dos sectores distintos para unirlos.",
        "en": "Select two different sectors to merge them.",
    },
    "hotspots.split_needs_one": {
        "es": "Seleccione un solo sector para dividirlo.",
        "en": "Select a single sector to split it.",
    },
    "hotspots.drawn_too_small": {
        "es": "El polígono dibujado necesita al menos tres vértices que encierren un área.",
        "en": "The drawn polygon needs at least three vertices enclosing an area.",
    },
    "hotspots.bandwidth_below_cell": {
        "es": "El ancho de banda ({bandwidth_m} m) es menor que el tamaño de celda ({cell_m} m): "
              "el mapa de densidad no mostraría nada útil. Use un ancho de banda mayor o celdas más pequeñas.",
        "en": "The bandwidth ({bandwidth_m} m) is below the cell size ({cell_m} m): the density map "
              "would show nothing useful. Use a wider bandwidth or smaller cells.",
    },
    "hotspots.no_located_incidents": {
        "es": "No hay incidentes con ubicación en el periodo elegido.",
        "en": "There are no located incidents in the chosen period.",
    },
    "hotspots.export_unsupported": {
        "es": "«{file}»: solo se puede exportar a CSV, XLSX, GeoJSON o KML.",
        "en": "“{file}”: export is possible only to CSV, XLSX, GeoJSON or KML.",
    },
    "hotspots.legend": {
        "es": "{method} · celda {cell_m:.0f} m{bandwidth} · {period}{recency} · {cells} celdas",
        "en": "{method} · cell {cell_m:.0f} m{bandwidth} · {period}{recency} · {cells} cells",
    },
    "hotspots.legend_period": {
        "es": {"one": "última semana", "other": "últimas {count} semanas"},
        "en": {"one": "last week", "other": "last {count} weeks"},
    },
    # What a hot-spot layer or a critical-point list was computed from, shown next to the result: both
    # deliberately take every incident of their own look-back, whatever the table's filters (DESIGN §5).
    "hotspots.basis": {
        "es": "Calculado con todos los incidentes del {first} al {last} ({period}): {located}, de todas "
              "las categorías y horas. No sigue los filtros de la tabla ni del mapa.",
        "en": "Computed from all incidents from {first} to {last} ({period}): {located}, all categories "
              "and hours. It does not follow the table's or the map's filters.",
    },
    "hotspots.basis_located": {
        "es": "{count} con ubicación",
        "en": "{count} located",
    },
    "hotspots.legend_bandwidth": {
        "es": " · ancho de banda {bandwidth_m:.0f} m",
        "en": " · bandwidth {bandwidth_m:.0f} m",
    },
    "hotspots.legend_recency": {
        "es": " (ponderación reciente, vida media {half_life:g} semanas)",
        "en": " (recency weighted, half-life {half_life:g} weeks)",
    },
    "hotspots.method.conteo": {"es": "Conteo", "en": "Counts"},
    # The methods the evaluation compares (analysis.evaluation.default_methods).
    "hotspots.evaluated.counts_all": {"es": "Conteo (todo el historial)", "en": "Counts (all history)"},
    "hotspots.evaluated.counts_year": {"es": "Conteo (último año)", "en": "Counts (last year)"},
    "hotspots.evaluated.counts_8w": {"es": "Conteo (últimas 8 semanas)", "en": "Counts (last 8 weeks)"},
    "hotspots.evaluated.recency_4w": {"es": "Reciente (vida media 4 semanas)",
                                      "en": "Recent (4-week half-life)"},
    "hotspots.evaluated.kde_quartic": {"es": "KDE cuártico {bandwidth} m (último año)",
                                       "en": "Quartic KDE {bandwidth} m (last year)"},
    "hotspots.evaluated.kde_gaussian": {"es": "KDE gaussiano {bandwidth} m (último año)",
                                        "en": "Gaussian KDE {bandwidth} m (last year)"},
    "hotspots.method.kde_quartic": {"es": "KDE cuártico", "en": "Quartic KDE"},
    "hotspots.method.kde_gaussian": {"es": "KDE gaussiano", "en": "Gaussian KDE"},
    "hotspots.method.gistar": {"es": "Gi* con FDR", "en": "Gi* with FDR"},
}
