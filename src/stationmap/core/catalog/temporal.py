"""Messages and labels of the time-of-day analysis and its charts (Step 3)."""

_WEEKDAYS_ES = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

MESSAGES = {
    "temporal.method.unknown": {
        "es": "Método de tiempo desconocido: {method}. Use aoristic, start o midpoint.",
        "en": "Unknown time method: {method}. Use aoristic, start or midpoint.",
    },
    "temporal.weights.length": {
        "es": "Los pesos tienen {got} valores pero la tabla tiene {expected} incidentes.",
        "en": "The weights have {got} values but the table has {expected} incidents.",
    },
    "temporal.shifts.not_covering": {
        "es": "Los turnos ({shifts}) deben cubrir cada hora del día exactamente una vez.",
        "en": "The shifts ({shifts}) must cover every hour of the day exactly once.",
    },
    "temporal.period.empty": {
        "es": "El periodo elegido termina antes de empezar ({start} – {end}).",
        "en": "The chosen period ends before it starts ({start} – {end}).",
    },
    "table_export.format": {
        "es": "No se puede exportar a «{suffix}»: use .csv o .xlsx.",
        "en": "Cannot export to \"{suffix}\": use .csv or .xlsx.",
    },
    "chart_export.format": {
        "es": "No se puede exportar el gráfico a «{suffix}»: use .png o .svg.",
        "en": "Cannot export the chart to \"{suffix}\": use .png or .svg.",
    },
    "table_export.write_failed": {
        "es": "No se pudo escribir {path}: {reason}",
        "en": "Could not write {path}: {reason}",
    },
    # --- Labels of the charts and their tables --------------------------------------------
    "temporal.ui.method.aoristic": {"es": "Aorístico", "en": "Aoristic"},
    "temporal.ui.method.start": {"es": "Hora de inicio", "en": "Start time"},
    "temporal.ui.method.midpoint": {"es": "Punto medio", "en": "Midpoint"},
    "temporal.ui.method": {"es": "Método:", "en": "Method:"},
    "temporal.ui.clear": {"es": "Limpiar selección", "en": "Clear selection"},
    "temporal.ui.unknown_share": {
        "es": "Hora desconocida: {count} de {total} ({share:.1f} %), fuera del gráfico",
        "en": "Unknown time: {count} of {total} ({share:.1f} %), left out of the chart",
    },
    "temporal.ui.long_share": {
        "es": "Ventana mayor de 8 h: {count} ({share:.1f} %), repartidos",
        "en": "Window longer than 8 h: {count} ({share:.1f} %), spread out",
    },
    "temporal.ui.tooltip": {
        "es": "{weekday} {hour:02d}:00–{hour_end:02d}:00\n{value} incidentes",
        "en": "{weekday} {hour:02d}:00–{hour_end:02d}:00\n{value} incidents",
    },
    "temporal.ui.total": {"es": "Total", "en": "Total"},
    "temporal.ui.weekday": {"es": "Día", "en": "Day"},
    "temporal.ui.hour": {"es": "Hora", "en": "Hour"},
    "temporal.ui.shift": {"es": "Turno", "en": "Shift"},
    "temporal.ui.week": {"es": "Semana", "en": "Week"},
    "temporal.ui.week_start": {"es": "Lunes", "en": "Monday"},
    "temporal.ui.incidents": {"es": "Incidentes", "en": "Incidents"},
    "temporal.ui.by_hour": {"es": "Por hora", "en": "By hour"},
    "temporal.ui.by_weekday": {"es": "Por día de la semana", "en": "By weekday"},
    "temporal.ui.trend": {"es": "Tendencia semanal", "en": "Weekly trend"},
    "temporal.ui.no_incidents": {
        "es": "Este proyecto no tiene incidentes que mostrar por hora y día. Impórtelos con Importar → "
              "Importar archivos…; los conteos por distrito y mes (como los del SIDPOL) se ven en "
              "Ver → Estadísticas agregadas.",
        "en": "This project has no incidents to show by hour and day. Import them with Import → "
              "Import files…; counts per district and month (such as SIDPOL's) are shown under "
              "View → Aggregated statistics.",
    },
    "temporal.ui.no_known_hours": {
        "es": "Ninguno de los incidentes mostrados tiene hora conocida (el registro da solo la fecha o el "
              "mes): no hay nada que repartir por hora. La tendencia semanal sí se puede ver.",
        "en": "None of the incidents shown has a known time (the log gives only the date or the month): "
              "there is nothing to spread over the hours. The weekly trend can still be seen.",
    },
    "temporal.ui.current": {"es": "Periodo elegido", "en": "Selected period"},
    "temporal.ui.previous": {"es": "Periodo anterior", "en": "Previous period"},
    "temporal.ui.last_year": {"es": "Mismas semanas del año pasado",
                              "en": "Same weeks last year"},
    "temporal.ui.export": {"es": "Exportar", "en": "Export"},
    "temporal.ui.key.current": {"es": "periodo", "en": "period"},
    "temporal.ui.key.previous": {"es": "anterior", "en": "previous"},
    "temporal.ui.key.last_year": {"es": "año pasado", "en": "last year"},
    "temporal.ui.export_chart": {"es": "{chart}: imagen (PNG, SVG)…",
                                 "en": "{chart}: image (PNG, SVG)…"},
    "temporal.ui.export_table": {"es": "{chart}: tabla (CSV, XLSX)…",
                                 "en": "{chart}: table (CSV, XLSX)…"},
    "temporal.ui.heat_chart": {"es": "Hora × día", "en": "Hour × weekday"},
    "temporal.ui.shifts": {"es": "Turnos", "en": "Shifts"},
    "temporal.ui.shift_total": {"es": "{name} {start:02d}–{end:02d}: {total}",
                                "en": "{name} {start:02d}–{end:02d}: {total}"},
    "temporal.shift.manana": {"es": "Mañana", "en": "Morning"},
    "temporal.shift.tarde": {"es": "Tarde", "en": "Afternoon"},
    "temporal.shift.noche": {"es": "Noche", "en": "Night"},
    "temporal.shift.dia": {"es": "Día", "en": "Day"},
}

for _index, (_es, _en) in enumerate(zip(_WEEKDAYS_ES, _WEEKDAYS_EN)):
    MESSAGES[f"temporal.weekday.{_index}"] = {"es": _es, "en": _en}
