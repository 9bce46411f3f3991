<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>AggregatedPanel</name>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="61"/>
        <source>Este proyecto no tiene conteos agregados (denuncias por distrito y mes, como los datos abiertos del SIDPOL). Impórtelos con Importar → Importar archivos…</source>
        <translation>This project has no aggregated counts (complaints per district and month, like SIDPOL&apos;s open data). Import them with Import → Import files…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="70"/>
        <source>Mes:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="70"/>
        <source>Modalidad:</source>
        <translation>Modality:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="76"/>
        <source>Distrito</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="76"/>
        <source>UBIGEO</source>
        <translation>UBIGEO</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="76"/>
        <source>Denuncias</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="77"/>
        <source>Frente a los
3 meses previos</source>
        <translation>Against the
3 previous months</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="77"/>
        <source>Frente al mismo
mes un año antes</source>
        <translation>Against the same
month a year before</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="222"/>
        <source>Sube</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="222"/>
        <source>Baja</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="222"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="281"/>
        <source>%1 — %2, por mes</source>
        <translation>%1 — %2, per month</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="79"/>
        <source>El mes elegido frente al promedio de los tres meses anteriores</source>
        <translation>The chosen month against the mean of the three months before</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="81"/>
        <source>El mes elegido frente al mismo mes del año anterior</source>
        <translation>The chosen month against the same month of the previous year</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="99"/>
        <source>Tendencia de:</source>
        <translation>Trend of:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="148"/>
        <source>Todas las modalidades</source>
        <translation>All modalities</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="151"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="184"/>
        <source>Sin datos anteriores para comparar</source>
        <translation>No earlier data to compare with</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/aggregated_panel.py" line="226"/>
        <source>habitual %1</source>
        <translation>usual %1</translation>
    </message>
</context>
<context>
    <name>AssignmentsModel</name>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="32"/>
        <source>Unidad</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="32"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="32"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="32"/>
        <source>Fijado</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="33"/>
        <source>Visitas a puntos críticos</source>
        <translation>Critical point visits</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="33"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="34"/>
        <source>Patrullero</source>
        <translation>Patrol car</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="34"/>
        <source>Patrullaje integrado</source>
        <translation>Joint patrol</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="35"/>
        <source>Motorizado</source>
        <translation>Motorcycle</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="35"/>
        <source>Serenazgo</source>
        <translation>Municipal patrol (serenazgo)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="36"/>
        <source>A pie</source>
        <translation>On foot</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="37"/>
        <source>Comisaría (retén)</source>
        <translation>Station (reserve)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/assignments_model.py" line="92"/>
        <source>sí</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="45"/>
        <source>Informe semanal</source>
        <translation>Weekly brief</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="56"/>
        <source>%1 (última semana completa)</source>
        <translation>%1 (last complete week)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="63"/>
        <source>La versión para la comunidad no muestra ningún conteo menor que este.</source>
        <translation>The community version shows no count smaller than this.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="65"/>
        <source>Elegir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="72"/>
        <source>Semana (ISO):</source>
        <translation>Week (ISO):</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="73"/>
        <source>Umbral de la versión comunitaria:</source>
        <translation>Community version threshold:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="74"/>
        <source>Carpeta de salida:</source>
        <translation>Output folder:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="76"/>
        <source>Generar informe</source>
        <translation>Make brief</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="82"/>
        <source>No hay ninguna semana completa con incidentes fechados. El informe semanal necesita incidentes uno a uno, con su fecha; los conteos agregados (como los del SIDPOL) se ven en Ver → Estadísticas agregadas.</source>
        <translation>There is no complete week of dated incidents. The weekly brief needs incident-level data, each incident with its date; aggregated counts (like SIDPOL&apos;s) are shown in View → Aggregated statistics.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="89"/>
        <source>Abrir carpeta</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="90"/>
        <source>Abrir PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="129"/>
        <source>Preparando el informe semanal…</source>
        <translation>Preparing the weekly brief…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="133"/>
        <source>Carpeta de salida</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/brief_dialog.py" line="140"/>
        <source>Se escribieron %1 archivos. Doble clic en uno para abrirlo.</source>
        <translation>%1 files written. Double-click one to open it.</translation>
    </message>
</context>
<context>
    <name>BriefTools</name>
    <message>
        <location filename="../../src/stationmap/ui/brief/__init__.py" line="32"/>
        <source>Informe &amp;semanal…</source>
        <translation>&amp;Weekly brief…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/__init__.py" line="33"/>
        <source>&amp;Categorías…</source>
        <translation>&amp;Categories…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/__init__.py" line="37"/>
        <source>Calidad de datos</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/__init__.py" line="39"/>
        <source>Estadísticas agregadas</source>
        <translation>Aggregated statistics</translation>
    </message>
</context>
<context>
    <name>BuildBasemapDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="29"/>
        <source>Crear mapa base desde OpenStreetMap</source>
        <translation>Build a basemap from OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="36"/>
        <source>archivo .osm.pbf (por ejemplo, de una memoria USB)</source>
        <translation>.osm.pbf file (for example, from a USB stick)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="37"/>
        <source>Elegir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="43"/>
        <source>Jurisdicción de la comisaría</source>
        <translation>The station&apos;s jurisdiction</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="44"/>
        <source>Un distrito:</source>
        <translation>A district:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="45"/>
        <source>Un área dibujada en el mapa</source>
        <translation>An area drawn on the map</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="53"/>
        <source>Dibujar…</source>
        <translation>Draw…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="55"/>
        <source>sin dibujar</source>
        <translation>not drawn</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="63"/>
        <source>16 muestra los nombres de todas las calles; más alto crece mucho el archivo</source>
        <translation>16 shows every street name; higher makes the file much larger</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="66"/>
        <source>Extracto de OpenStreetMap:</source>
        <translation>OpenStreetMap extract:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="77"/>
        <source>Zoom máximo:</source>
        <translation>Maximum zoom:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="84"/>
        <source>Datos: © OpenStreetMap contributors (ODbL).</source>
        <translation>Data: © OpenStreetMap contributors (ODbL).</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="88"/>
        <source>Extracto de OpenStreetMap</source>
        <translation>OpenStreetMap extract</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="89"/>
        <source>OpenStreetMap (*.osm.pbf *.pbf)</source>
        <translation>OpenStreetMap (*.osm.pbf *.pbf)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="97"/>
        <source>haga clic en el mapa; doble clic para terminar</source>
        <translation>click on the map; double-click to finish</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="101"/>
        <source>área de %n puntos</source>
        <translation>
            <numerusform>area of %n point</numerusform>
            <numerusform>area of %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CategoryEditorDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="69"/>
        <source>Categorías</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="87"/>
        <source>Asignar a la selección</source>
        <translation>Assign to selection</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="90"/>
        <source>Valores seleccionados →</source>
        <translation>Selected values →</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="94"/>
        <source>Valores originales</source>
        <translation>Raw values</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="98"/>
        <source>Peso por categoría estándar</source>
        <translation>Weight per standard category</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="100"/>
        <source>Grafías casi iguales</source>
        <translation>Near-identical spellings</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="104"/>
        <source>No se encontraron grafías casi iguales.</source>
        <translation>No near-identical spellings were found.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="117"/>
        <source>Aplicar</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="118"/>
        <source>Guarda la tabla y vuelve a clasificar todos los incidentes importados.</source>
        <translation>Saves the table and reclassifies every imported incident.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="129"/>
        <source>Valor original</source>
        <translation>Raw value</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="129"/>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="171"/>
        <source>Filas</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="130"/>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="156"/>
        <source>Categoría estándar</source>
        <translation>Standard category</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="156"/>
        <source>Peso</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="171"/>
        <source>Grafías</source>
        <translation>Spellings</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="171"/>
        <source>Categoría sugerida</source>
        <translation>Suggested category</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="181"/>
        <source>Unificar</source>
        <translation>Unify</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="182"/>
        <source>Pone todas estas grafías en la categoría de «%1».</source>
        <translation>Puts all these spellings in the category of “%1”.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="227"/>
        <source>Ya unificadas</source>
        <translation>Already unified</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/category_editor.py" line="255"/>
        <source>Reclasificando los incidentes…</source>
        <translation>Reclassifying the incidents…</translation>
    </message>
</context>
<context>
    <name>CriticalPointsTab</name>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="43"/>
        <source>Buscar puntos críticos</source>
        <translation>Find critical points</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="44"/>
        <source>Exportar…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="53"/>
        <source>Código</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="53"/>
        <source>Calle más cercana</source>
        <translation>Nearest street</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="54"/>
        <source>Incidentes</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="54"/>
        <source>Peso</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="55"/>
        <source>Delitos principales</source>
        <translation>Main offences</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="56"/>
        <source>Horas pico</source>
        <translation>Peak hours</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="60"/>
        <source>Periodo: últimas</source>
        <translation>Period: last</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="99"/>
        <source>Buscando…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="109"/>
        <source>%1 puntos críticos: celdas de %2 m con más peso, unidas si se tocan.</source>
        <translation>%1 critical points: the heaviest %2 m cells, merged where they touch.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="117"/>
        <source>Puntos críticos</source>
        <translation>Critical points</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="136"/>
        <source>Exportar puntos críticos</source>
        <translation>Export critical points</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="137"/>
        <source>Excel (*.xlsx);;CSV (*.csv);;GeoJSON (*.geojson);;KML (*.kml)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;GeoJSON (*.geojson);;KML (*.kml)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/critical_tab.py" line="150"/>
        <source>Exportado: %1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>DistrictJurisdictionDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/district_dialog.py" line="24"/>
        <source>Jurisdicción desde distritos</source>
        <translation>Jurisdiction from districts</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/district_dialog.py" line="29"/>
        <source>Buscar distrito, provincia o departamento…</source>
        <translation>Search district, province or department…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/district_dialog.py" line="35"/>
        <source>1 incidente</source>
        <translation>1 incident</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/district_dialog.py" line="37"/>
        <source>%1 incidentes</source>
        <translation>%1 incidents</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/district_dialog.py" line="43"/>
        <source>La unión de los distritos marcados será la jurisdicción de la comisaría. Límites distritales del INEI (2007), simplificados: revíselos en el mapa; los distritos creados después de 2007 no figuran.</source>
        <translation>The ticked districts together become the station&apos;s jurisdiction. INEI district limits (2007), simplified: check them on the map; districts created after 2007 are missing.</translation>
    </message>
</context>
<context>
    <name>ErrorDisplay</name>
    <message>
        <location filename="../../src/stationmap/ui/error_display.py" line="40"/>
        <source>StationMap</source>
        <translation>StationMap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/error_display.py" line="44"/>
        <source>Archivo de registro: %1</source>
        <translation>Log file: %1</translation>
    </message>
</context>
<context>
    <name>EvaluationTab</name>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="45"/>
        <source>Evaluar métodos</source>
        <translation>Evaluate methods</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="46"/>
        <source>Usar este método</source>
        <translation>Use this method</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="48"/>
        <source>Pruebe cada método sobre las semanas pasadas de esta comisaría: se ajusta con las semanas anteriores y se mide con la siguiente.</source>
        <translation>Test each method on this station&apos;s past weeks: fitted on the weeks before, scored on the week after.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="51"/>
        <source>Método</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="54"/>
        <source>Aciertos %1</source>
        <translation>Hit rate %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="55"/>
        <source>PAI %1</source>
        <translation>PAI %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="61"/>
        <source>Área señalada</source>
        <translation>Area flagged</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="62"/>
        <source>PAI</source>
        <translation>PAI</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="87"/>
        <source>Evaluando los métodos…</source>
        <translation>Evaluating the methods…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="97"/>
        <source>Área de estudio: jurisdicción de %1 km², celdas de %2 m; promedio de %3 semanas, cada una predicha con las anteriores. PAI: % de delitos captados / % del área señalada.</source>
        <translation>Study area: jurisdiction of %1 km², %2 m cells; mean over %3 weeks, each predicted from the weeks before. PAI: % of crimes captured / % of area flagged.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/evaluation_tab.py" line="121"/>
        <source>Método elegido y guardado en el proyecto: %1</source>
        <translation>Method chosen and saved in the project: %1</translation>
    </message>
</context>
<context>
    <name>ExerciseBox</name>
    <message>
        <location filename="../../src/stationmap/ui/training/panel.py" line="56"/>
        <source>Todavía no: %1</source>
        <translation>Not yet: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/panel.py" line="58"/>
        <source>Pendiente (unos %1 min)</source>
        <translation>Pending (about %1 min)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="99"/>
        <source>Buscar categoría, calle…</source>
        <translation>Search category, street…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="100"/>
        <source>Busca en la categoría, la dirección y el distrito de cada incidente</source>
        <translation>Searches each incident&apos;s category, address and district</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="110"/>
        <source>Desde</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="112"/>
        <source>Hasta</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="135"/>
        <source>Quitar todos los filtros</source>
        <translation>Clear all filters</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="172"/>
        <source>Todas</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="127"/>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="251"/>
        <source>Categorías: todas</source>
        <translation>Categories: all</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="256"/>
        <source>Categoría: %1</source>
        <translation>Category: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="264"/>
        <source>Categorías: %1</source>
        <translation>Categories: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/filter_bar.py" line="270"/>
        <source>Selección del mapa: %n incidentes</source>
        <translation>
            <numerusform>Map selection: %n incident</numerusform>
            <numerusform>Map selection: %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/filter_bar.py" line="245"/>
        <source>Selección de horas: %n horas</source>
        <translation>
            <numerusform>Hour selection: %n hour</numerusform>
            <numerusform>Hour selection: %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="30"/>
        <source>Generar plan de patrullaje</source>
        <translation>Generate patrol plan</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="35"/>
        <source>La misma semilla da el mismo plan; otra semilla cambia el orden aleatorio de las visitas</source>
        <translation>The same seed gives the same plan; another seed changes the random order of visits</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="38"/>
        <source>Grado y nombre de quien elabora el plan</source>
        <translation>Rank and name of whoever prepares the plan</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="46"/>
        <source>Desde</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="47"/>
        <source>Hasta</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="48"/>
        <source>Semilla</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="49"/>
        <source>Elaborado por</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="53"/>
        <source>El proyecto no tiene sectores. Se generarán sectores contiguos de igual carga de trabajo y se guardarán en el proyecto.</source>
        <translation>The project has no sectors. Contiguous sectors of equal workload will be generated and saved in the project.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="58"/>
        <source>Número de sectores</source>
        <translation>Number of sectors</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="64"/>
        <source>Generar</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/generate_dialog.py" line="65"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HotspotTab</name>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="32"/>
        <source>Conteo</source>
        <translation>Counts</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="32"/>
        <source>KDE cuártico</source>
        <translation>Quartic KDE</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="33"/>
        <source>KDE gaussiano</source>
        <translation>Gaussian KDE</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="33"/>
        <source>Gi* con FDR</source>
        <translation>Gi* with FDR</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="40"/>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="158"/>
        <source>automático</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="54"/>
        <source> semanas</source>
        <translation> weeks</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="50"/>
        <source>Ponderar lo reciente (vida media)</source>
        <translation>Weight recent weeks (half-life)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="55"/>
        <source>Dibujar capa de puntos calientes</source>
        <translation>Draw hot-spot layer</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="63"/>
        <source>Método</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="64"/>
        <source>Tamaño de celda</source>
        <translation>Cell size</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="65"/>
        <source>Ancho de banda (KDE)</source>
        <translation>Bandwidth (KDE)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="66"/>
        <source>Periodo</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="114"/>
        <source>Calculando…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="125"/>
        <source>Puntos calientes: %1</source>
        <translation>Hot spots: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="127"/>
        <source>Puntos calientes</source>
        <translation>Hot spots</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/hotspot_tab.py" line="157"/>
        <source>automático (%1 m)</source>
        <translation>automatic (%1 m)</translation>
    </message>
</context>
<context>
    <name>HotspotsMenu</name>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/__init__.py" line="34"/>
        <source>Sectores y puntos críticos</source>
        <translation>Sectors and critical points</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/__init__.py" line="48"/>
        <source>Sectores y jurisdicción…</source>
        <translation>Sectors and jurisdiction…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/__init__.py" line="49"/>
        <source>Importar sectores…</source>
        <translation>Import sectors…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/__init__.py" line="51"/>
        <source>Capa de puntos calientes…</source>
        <translation>Hot-spot layer…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/__init__.py" line="52"/>
        <source>Puntos críticos…</source>
        <translation>Critical points…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/__init__.py" line="53"/>
        <source>Evaluar métodos de puntos calientes…</source>
        <translation>Evaluate hot-spot methods…</translation>
    </message>
</context>
<context>
    <name>HotspotsPanel</name>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/panel.py" line="28"/>
        <source>Sectores</source>
        <translation>Sectors</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/panel.py" line="29"/>
        <source>Puntos calientes</source>
        <translation>Hot spots</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/panel.py" line="30"/>
        <source>Puntos críticos</source>
        <translation>Critical points</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/panel.py" line="31"/>
        <source>Evaluación</source>
        <translation>Evaluation</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="50"/>
        <source>Importar incidentes</source>
        <translation>Import incidents</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="65"/>
        <source>Agregar archivos…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="67"/>
        <source>Agregar carpeta…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="69"/>
        <source>Quitar</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="70"/>
        <source>Quitar de la lista los archivos seleccionados (Supr)</source>
        <translation>Remove the selected files from the list (Del)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="77"/>
        <source>Hoja:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="92"/>
        <source>Las fechas de este archivo pueden leerse de dos formas. ¿Cómo están escritas?</source>
        <translation>The dates in this file can be read two ways. How are they written?</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="94"/>
        <source>día/mes/año (dd/mm/aaaa)</source>
        <translation>day/month/year (dd/mm/yyyy)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="95"/>
        <source>mes/día/año (mm/dd/aaaa)</source>
        <translation>month/day/year (mm/dd/yyyy)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="106"/>
        <source>Cargar perfil</source>
        <translation>Load profile</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="108"/>
        <source>Guardar como perfil…</source>
        <translation>Save as profile…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="112"/>
        <source>Importar</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="114"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="127"/>
        <source>Perfil de columnas:</source>
        <translation>Column profile:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="134"/>
        <source>&lt;b&gt;Columnas&lt;/b&gt; (corrija lo que no corresponda)</source>
        <translation>&lt;b&gt;Columns&lt;/b&gt; (correct anything that is wrong)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="208"/>
        <source>Archivos a importar</source>
        <translation>Files to import</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="209"/>
        <source>Tablas de incidentes (%1);;Todos los archivos (*)</source>
        <translation>Incident tables (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="213"/>
        <source>Carpeta a importar</source>
        <translation>Folder to import</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="287"/>
        <source>No se pudo leer %1. Puede quitarlo de la lista; si lo deja, la importación lo omitirá y lo anotará como aviso.</source>
        <translation>Could not read %1. You can remove it from the list; if you leave it, the import will skip it and note it as a warning.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="290"/>
        <source>No se pudo leer %1.</source>
        <translation>Could not read %1.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="306"/>
        <source>registro de incidentes</source>
        <translation>incident log</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="307"/>
        <source>tabla agregada (conteos por distrito y mes)</source>
        <translation>aggregated table (counts per district and month)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="308"/>
        <source>coma</source>
        <translation>comma</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="308"/>
        <source>punto y coma</source>
        <translation>semicolon</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="308"/>
        <source>barra |</source>
        <translation>pipe |</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="309"/>
        <source>tabulador</source>
        <translation>tab</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="313"/>
        <source>Codificación: %1</source>
        <translation>Encoding: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="315"/>
        <source>Separador: %1</source>
        <translation>Delimiter: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="317"/>
        <source>Hoja: %1</source>
        <translation>Sheet: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="318"/>
        <source>Tipo: %1</source>
        <translation>Kind: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="319"/>
        <source>Vista previa de las primeras %1 filas</source>
        <translation>Preview of the first %1 rows</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="329"/>
        <source>%1 al comienzo; más adelante hay líneas en otra codificación, que la importación leerá con la suya</source>
        <translation>%1 at the start; further on some lines are in another encoding, which the import will read in their own</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="332"/>
        <source>%1 (según las primeras filas)</source>
        <translation>%1 (judged from the first rows)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="342"/>
        <source>UTF-8 con BOM</source>
        <translation>UTF-8 with BOM</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="345"/>
        <source>mixta: encabezado en %1, filas en UTF-8</source>
        <translation>mixed: header in %1, rows in UTF-8</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="347"/>
        <source>mixta: UTF-8, salvo 1 línea en %1</source>
        <translation>mixed: UTF-8 but for 1 line in %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="348"/>
        <source>mixta: UTF-8, salvo %1 líneas en %2</source>
        <translation>mixed: UTF-8 but for %1 lines in %2</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="400"/>
        <source>Guardar perfil</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="400"/>
        <source>Nombre del perfil:</source>
        <translation>Profile name:</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../src/stationmap/ui/import_flow.py" line="55"/>
        <source>Importar archivos</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_flow.py" line="56"/>
        <source>Tablas de incidentes (%1);;Todos los archivos (*)</source>
        <translation>Incident tables (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_flow.py" line="61"/>
        <source>Importar carpeta</source>
        <translation>Import folder</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_flow.py" line="106"/>
        <source>Importando…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_flow.py" line="122"/>
        <source>Importación cancelada</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_flow.py" line="123"/>
        <source>Importación cancelada. No se importó nada: el proyecto quedó como estaba.</source>
        <translation>Import cancelled. Nothing was imported: the project is as it was.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="286"/>
        <source>Reportes de importación</source>
        <translation>Import reports</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="292"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="292"/>
        <source>Archivos</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="292"/>
        <source>Leídas</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="292"/>
        <source>Importadas</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="293"/>
        <source>Duplicadas</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="293"/>
        <source>Rechazadas</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="299"/>
        <source>Ver detalle</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="306"/>
        <source>Este proyecto aún no tiene importaciones.</source>
        <translation>This project has no imports yet.</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="155"/>
        <source>Resumen de importación</source>
        <translation>Import summary</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="161"/>
        <source>Filas leídas: %1 · importadas: %2 · duplicadas: %3 · rechazadas: %4</source>
        <translation>Rows read: %1 · imported: %2 · duplicates: %3 · rejected: %4</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="174"/>
        <source>incidentes</source>
        <translation>incidents</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="174"/>
        <source>conteos agregados</source>
        <translation>aggregated counts</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="176"/>
        <location filename="../../src/stationmap/ui/import_summary.py" line="196"/>
        <source>Archivo</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="176"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="176"/>
        <source>Leídas</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="176"/>
        <source>Importadas</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="177"/>
        <source>Duplicadas</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="177"/>
        <source>Rechazadas</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="191"/>
        <source>en el detalle de cada archivo</source>
        <translation>in each file&apos;s detail</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="196"/>
        <source>Fila</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="196"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="200"/>
        <source>Exportar rechazos a CSV…</source>
        <translation>Export rejections to CSV…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="211"/>
        <source>Avisos</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="213"/>
        <source>Filas rechazadas</source>
        <translation>Rejected rows</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/import_summary.py" line="232"/>
        <source>en %n archivos: %1</source>
        <translation>
            <numerusform>in %n file: %1</numerusform>
            <numerusform>in %n files: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="248"/>
        <source>Véalos en la capa «%1» del mapa y en Ver → Estadísticas agregadas.</source>
        <translation>See them in the map&apos;s “%1” layer and in View → Aggregated statistics.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="252"/>
        <source>Son conteos de denuncias por distrito y mes, no incidentes: no entran en la tabla de incidentes. Esta importación no agregó conteos nuevos.</source>
        <translation>These are counts of complaints per district and month, not incidents: they are not in the incident table. This import added no new counts.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/import_summary.py" line="254"/>
        <source>Son conteos de denuncias por distrito y mes, no incidentes: %Ln denuncias en %1 distritos, de %2 a %3.</source>
        <translation>
            <numerusform>These are counts of complaints per district and month, not incidents: %Ln complaint in %1 districts, from %2 to %3.</numerusform>
            <numerusform>These are counts of complaints per district and month, not incidents: %Ln complaints in %1 districts, from %2 to %3.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="270"/>
        <source>rechazos</source>
        <translation>rejections</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="271"/>
        <source>Exportar rechazos</source>
        <translation>Export rejections</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="274"/>
        <source>archivo</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="274"/>
        <source>fila</source>
        <translation>row</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="274"/>
        <source>codigo</source>
        <translation>code</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="274"/>
        <source>motivo</source>
        <translation>reason</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../src/stationmap/ui/incident_panel.py" line="55"/>
        <source>Este proyecto no tiene incidentes. Impórtelos con Importar → Importar archivos… o arrastrando los archivos a esta ventana. Los conteos por distrito y mes (como los del SIDPOL) se ven en el mapa y en Ver → Estadísticas agregadas.</source>
        <translation>This project has no incidents. Import them with Import → Import files… or by dragging the files onto this window. Counts per district and month (such as SIDPOL&apos;s) are shown on the map and in View → Aggregated statistics.</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="44"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="45"/>
        <source>Hora</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="46"/>
        <source>Categoría</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="47"/>
        <source>Dirección</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="48"/>
        <source>Distrito</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="49"/>
        <source>Coordenadas</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="50"/>
        <source>Fuente</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="52"/>
        <source>Latitud</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="53"/>
        <source>Longitud</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="54"/>
        <source>desconocida</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="25"/>
        <source>&amp;Archivo</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="26"/>
        <source>&amp;Nuevo proyecto…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="28"/>
        <source>&amp;Abrir proyecto…</source>
        <translation>&amp;Open project…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="30"/>
        <source>Proyectos &amp;recientes</source>
        <translation>&amp;Recent projects</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="31"/>
        <source>&amp;Cerrar proyecto</source>
        <translation>&amp;Close project</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="34"/>
        <source>&amp;Exportar tabla…</source>
        <translation>&amp;Export table…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="36"/>
        <source>&amp;Salir</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="39"/>
        <source>&amp;Importar</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="40"/>
        <source>Importar &amp;archivos…</source>
        <translation>Import &amp;files…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="42"/>
        <source>Importar &amp;carpeta…</source>
        <translation>Import f&amp;older…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="44"/>
        <source>&amp;Reportes de importación…</source>
        <translation>Import &amp;reports…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="46"/>
        <source>&amp;Ver</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="48"/>
        <source>&amp;Idioma</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="61"/>
        <source>A&amp;yuda</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="62"/>
        <source>&amp;Acerca de StationMap</source>
        <translation>&amp;About StationMap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="71"/>
        <source>A&amp;nálisis</source>
        <translation>A&amp;nalysis</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="71"/>
        <source>&amp;Patrullaje</source>
        <translation>&amp;Patrol</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="71"/>
        <source>&amp;Mapa</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="72"/>
        <source>In&amp;formes</source>
        <translation>Re&amp;ports</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="107"/>
        <source>Cargando la tabla de incidentes…</source>
        <translation>Loading the incident table…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="137"/>
        <source>Mapa</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="139"/>
        <source>Horas y días</source>
        <translation>Hours and days</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="444"/>
        <source>Preparando la estación de ejemplo…</source>
        <translation>Preparing the sample station…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="449"/>
        <source>Abrir proyecto</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="450"/>
        <source>Proyectos StationMap (*.stationmap);;Todos los archivos (*)</source>
        <translation>StationMap projects (*.stationmap);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="456"/>
        <source>Nuevo proyecto</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="457"/>
        <source>Proyectos StationMap (*.stationmap)</source>
        <translation>StationMap projects (*.stationmap)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="480"/>
        <source>Aceptar</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="567"/>
        <source>Importar</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="568"/>
        <source>Para importar archivos, primero abra o cree un proyecto: los datos se guardan en él.</source>
        <translation>To import files, first open or create a project: the data are kept in it.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/window_actions.py" line="20"/>
        <source>Exportar tabla</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/window_actions.py" line="21"/>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/window_actions.py" line="34"/>
        <source>Incidentes</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/window_actions.py" line="38"/>
        <source>Tabla exportada: %1</source>
        <translation>Table exported: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="478"/>
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="479"/>
        <source>El idioma cambiará la próxima vez que abra StationMap.</source>
        <translation>The language will change the next time you open StationMap.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/window_actions.py" line="45"/>
        <source>&lt;h3&gt;StationMap %1&lt;/h3&gt;&lt;p&gt;Mapa del delito y plan de patrullaje para comisarías, sin conexión a internet.&lt;/p&gt;&lt;p&gt;Datos de mapas © OpenStreetMap contributors (ODbL).&lt;/p&gt;&lt;p&gt;Los incidentes de la estación de ejemplo son sintéticos: no son denuncias reales.&lt;/p&gt;&lt;p&gt;Archivo de registro:&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;StationMap %1&lt;/h3&gt;&lt;p&gt;Crime mapping and patrol planning for police stations, with no internet connection.&lt;/p&gt;&lt;p&gt;Map data © OpenStreetMap contributors (ODbL).&lt;/p&gt;&lt;p&gt;The sample station&apos;s incidents are synthetic: they are not real complaints.&lt;/p&gt;&lt;p&gt;Log file:&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/window_actions.py" line="51"/>
        <source>Acerca de StationMap</source>
        <translation>About StationMap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="540"/>
        <source>Conteos por distrito y mes: %1 filas, %2–%3</source>
        <translation>Counts per district and month: %1 rows, %2–%3</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="536"/>
        <source>Incidentes: %1 de %2</source>
        <translation>Incidents: %1 of %2</translation>
    </message>
</context>
<context>
    <name>MapMenu</name>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="32"/>
        <source>Exportar mapa (HTML sin conexión)…</source>
        <translation>Export map (offline HTML)…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="33"/>
        <source>Exportar mapa (imagen PNG)…</source>
        <translation>Export map (PNG image)…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="35"/>
        <source>Crear mapa base desde OpenStreetMap…</source>
        <translation>Build a basemap from OpenStreetMap…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="36"/>
        <source>Cargar mapa base (PMTiles/MBTiles)…</source>
        <translation>Load a basemap (PMTiles/MBTiles)…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="49"/>
        <source>Exportar mapa</source>
        <translation>Export map</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="50"/>
        <source>Página web (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="50"/>
        <source>Imagen PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="55"/>
        <source>El mapa quedó en %1. ¿Abrirlo?</source>
        <translation>The map was saved as %1. Open it?</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="64"/>
        <source>mapa</source>
        <translation>map</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="92"/>
        <source>Creando el mapa base…</source>
        <translation>Building the basemap…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="96"/>
        <source>Cargar mapa base</source>
        <translation>Load basemap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="97"/>
        <source>Mapas base (*.pmtiles *.mbtiles)</source>
        <translation>Basemaps (*.pmtiles *.mbtiles)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="104"/>
        <source>Leyendo el mapa base…</source>
        <translation>Reading the basemap…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="119"/>
        <source>Mapa base</source>
        <translation>Basemap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/basemap_tools/__init__.py" line="120"/>
        <source>El mapa base «%1» quedó guardado en el proyecto.</source>
        <translation>The basemap “%1” was saved in the project.</translation>
    </message>
</context>
<context>
    <name>MappingForm</name>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="30"/>
        <source>N.º de denuncia / ID</source>
        <translation>Complaint no. / ID</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="31"/>
        <source>Fecha y hora</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="32"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="33"/>
        <source>Hora</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="34"/>
        <source>Fecha de fin</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="35"/>
        <source>Hora de fin</source>
        <translation>End time</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="36"/>
        <source>Año</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="37"/>
        <source>Mes</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="38"/>
        <source>Día</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="39"/>
        <source>Categoría / modalidad</source>
        <translation>Category (crime type)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="40"/>
        <source>Subcategoría</source>
        <translation>Subcategory</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="41"/>
        <source>Latitud</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="42"/>
        <source>Longitud</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="43"/>
        <source>Coordenadas (una columna)</source>
        <translation>Coordinates (one column)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="44"/>
        <source>UTM este (X)</source>
        <translation>UTM easting (X)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="45"/>
        <source>UTM norte (Y)</source>
        <translation>UTM northing (Y)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="46"/>
        <source>Dirección</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="47"/>
        <source>Distrito</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="48"/>
        <source>UBIGEO</source>
        <translation>UBIGEO</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="49"/>
        <source>Comisaría</source>
        <translation>Police station</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="50"/>
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="51"/>
        <source>Cantidad (tablas agregadas)</source>
        <translation>Count (aggregated tables)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="52"/>
        <source>Departamento</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="53"/>
        <source>Provincia</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/mapping_form.py" line="67"/>
        <source>(ninguna)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>PlanMenu</name>
    <message>
        <location filename="../../src/stationmap/ui/plan/__init__.py" line="19"/>
        <source>Plan de patrullaje</source>
        <translation>Patrol plan</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/__init__.py" line="22"/>
        <source>Generar plan…</source>
        <translation>Generate plan…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/__init__.py" line="23"/>
        <source>Exportar plan…</source>
        <translation>Export plan…</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="58"/>
        <source>Generar plan…</source>
        <translation>Generate plan…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="59"/>
        <source>Reequilibrar</source>
        <translation>Rebalance</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="60"/>
        <source>Rehace el plan con los recursos de la pestaña Recursos, manteniendo las unidades fijadas por el comisario</source>
        <translation>Rebuilds the plan with the resources in the Resources tab, keeping the units the commander locked</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="62"/>
        <source>Guardar versión</source>
        <translation>Save version</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="63"/>
        <source>Exportar plan…</source>
        <translation>Export plan…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="89"/>
        <source>Recursos</source>
        <translation>Resources</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="90"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="91"/>
        <source>Versiones</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="145"/>
        <source>Recursos guardados en el proyecto.</source>
        <translation>Resources saved in the project.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="152"/>
        <source>Los recursos de la pestaña Recursos tienen cambios sin guardar.</source>
        <translation>The resources in the Resources tab have unsaved changes.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="182"/>
        <source>Generando el plan de patrullaje…</source>
        <translation>Generating the patrol plan…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="200"/>
        <source>Se generaron %1 sectores de igual carga de trabajo y se guardaron en el proyecto.</source>
        <translation>%1 sectors of equal workload were generated and saved in the project.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="203"/>
        <source>Se generaron %1 sectores de igual carga de trabajo para este plan; no se guardaron porque el proyecto no se puede escribir.</source>
        <translation>%1 sectors of equal workload were made for this plan; they were not saved because the project cannot be written.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="215"/>
        <source>Fijado por el comisario; pulse «Reequilibrar»</source>
        <translation>Locked by the commander; press “Rebalance”</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="250"/>
        <source>Se aplicaron los recursos de la pestaña Recursos: %1 unidades-turno antes, %2 ahora.</source>
        <translation>The resources in the Resources tab were applied: %1 unit-shifts before, %2 now.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="254"/>
        <source>Ya no se fijan %1: los recursos no tienen esas unidades.</source>
        <translation>%1 no longer locked: the resources do not have those units.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="259"/>
        <source>Reequilibrando el plan…</source>
        <translation>Rebalancing the plan…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="279"/>
        <source>El plan de patrullaje del %1 no está guardado.</source>
        <translation>The patrol plan of %1 is not saved.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="306"/>
        <source>Antes: plan del %1 (versión %2). Ahora: el plan en el editor. Unidades-turno del periodo.</source>
        <translation>Before: plan of %1 (version %2). Now: the plan in the editor. Unit-shifts over the period.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="326"/>
        <source>Carpeta para los archivos del plan</source>
        <translation>Folder for the plan files</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="335"/>
        <source>Exportar plan</source>
        <translation>Export plan</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="336"/>
        <source>La carpeta %1 ya tiene archivos de un plan de esta semana. ¿Reemplazarlos?</source>
        <translation>The folder %1 already holds files of a plan for this week. Replace them?</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="346"/>
        <source>Exportando el plan…</source>
        <translation>Exporting the plan…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="352"/>
        <source>Plan exportado</source>
        <translation>Plan exported</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="353"/>
        <source>Se escribieron %1 archivos en %2. ¿Abrir la carpeta?</source>
        <translation>%1 files were written to %2. Open the folder?</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="381"/>
        <source>Sin plan abierto.</source>
        <translation>No plan open.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="383"/>
        <source>versión %1 guardada</source>
        <translation>version %1 saved</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="384"/>
        <source>sin guardar</source>
        <translation>not saved</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="385"/>
        <source>Plan del %1, %2</source>
        <translation>Plan of %1, %2</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="387"/>
        <source>elaborado por %1</source>
        <translation>prepared by %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="391"/>
        <source>Los recursos de la pestaña Recursos no son los de este plan: «Reequilibrar» los aplica y mantiene las unidades fijadas.</source>
        <translation>The resources in the Resources tab are not this plan&apos;s: “Rebalance” applies them and keeps the locked units.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="412"/>
        <source>Plan: unidades por sector (%1)</source>
        <translation>Plan: units per sector (%1)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/panel.py" line="413"/>
        <source>unidades</source>
        <translation>units</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="59"/>
        <source>Haga doble clic en el sector de una unidad para asignarla a otro; la unidad queda fijada y «Reequilibrar» reparte las demás</source>
        <translation>Double-click a unit&apos;s sector to assign it to another; the unit is locked and “Rebalance” redistributes the others</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="64"/>
        <source>Quitar fijaciones</source>
        <translation>Remove locks</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="68"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="68"/>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="77"/>
        <source>Turno</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="68"/>
        <source>Unidad</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="69"/>
        <source>Antes</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="69"/>
        <source>Ahora</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="75"/>
        <source>Día</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="137"/>
        <source>Reequilibrio: %1 asignaciones cambiaron de sector</source>
        <translation>Rebalance: %1 assignments changed sector</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="157"/>
        <source>Sin plan: pulse «Generar plan…» o abra una versión guardada.</source>
        <translation>No plan: press “Generate plan…” or open a saved version.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="160"/>
        <source>%1 unidades en el turno: %2 en sectores, %3 en la comisaría</source>
        <translation>%1 units in the shift: %2 in sectors, %3 at the station</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="169"/>
        <source>Ninguna unidad fijada.</source>
        <translation>No unit locked.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/plan_view.py" line="172"/>
        <source>Fijadas por el comisario (todos los días y turnos del periodo): %1</source>
        <translation>Locked by the commander (every day and shift of the period): %1</translation>
    </message>
</context>
<context>
    <name>QualityPanel</name>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="83"/>
        <source>Con coordenadas válidas</source>
        <translation>With valid coordinates</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="84"/>
        <source>Dentro de un sector</source>
        <translation>Inside a sector</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="85"/>
        <source>Con hora conocida</source>
        <translation>With a known time</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="86"/>
        <source>Con ventana de más de 8 h</source>
        <translation>With a window over 8 h</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="89"/>
        <source>Categoría «%1»</source>
        <translation>Category &quot;%1&quot; (unspecified)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="92"/>
        <source>Incidentes con latitud y longitud válidas, dentro o fuera de la jurisdicción.</source>
        <translation>Incidents with a valid latitude and longitude, inside or outside the jurisdiction.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="94"/>
        <source>Incidentes con coordenadas que caen dentro de algún sector de la comisaría.</source>
        <translation>Incidents whose coordinates fall inside one of the station&apos;s sectors.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="95"/>
        <source>Incidentes con hora de inicio conocida, no solo la fecha.</source>
        <translation>Incidents with a known start time, not just a date.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="96"/>
        <source>Incidentes cuyo intervalo entre el inicio y el fin supera 8 horas: no se sabe bien a qué hora ocurrieron.</source>
        <translation>Incidents whose start-to-end interval exceeds 8 hours: when they happened is uncertain.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="98"/>
        <source>Incidentes cuya modalidad venía vacía o no se reconoció al importar; «%1» es el nombre de esa categoría en los datos.</source>
        <translation>Incidents whose category was empty or not recognised on import; &quot;%1&quot; is that category&apos;s name in the data.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="106"/>
        <source>Indicador</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="106"/>
        <source>Porcentaje</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="108"/>
        <source>Filas rechazadas</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="108"/>
        <source>Motivo (un ejemplo)</source>
        <translation>Reason (one example)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="122"/>
        <source>% por semana</source>
        <translation>% per week</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="167"/>
        <source>%1 incidentes. Duplicados encontrados al importar: %2. Filas rechazadas: %3.</source>
        <translation>%1 incidents. Duplicates found on import: %2. Rejected rows: %3.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/brief/quality_panel.py" line="173"/>
        <source>Los porcentajes se calculan sobre incidentes importados; este proyecto no tiene ninguno.</source>
        <translation>The percentages are computed over imported incidents; this project has none.</translation>
    </message>
</context>
<context>
    <name>SectorsTab</name>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="40"/>
        <source>Importar jurisdicción…</source>
        <translation>Import jurisdiction…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="41"/>
        <source>Dibujar jurisdicción en el mapa</source>
        <translation>Draw jurisdiction on the map</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="42"/>
        <source>Jurisdicción desde distritos…</source>
        <translation>Jurisdiction from districts…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="43"/>
        <source>Importar sectores…</source>
        <translation>Import sectors…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="49"/>
        <source>Generar cuadrantes</source>
        <translation>Generate grid sectors</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="53"/>
        <source>Generar sectores de igual carga</source>
        <translation>Generate equal-workload sectors</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="58"/>
        <source>Unir los dos seleccionados</source>
        <translation>Merge the two selected</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="59"/>
        <source>Dividir en dos de igual carga</source>
        <translation>Split into two of equal workload</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="65"/>
        <source>sube</source>
        <translation>rising</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="65"/>
        <source>baja</source>
        <translation>falling</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="65"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="67"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="67"/>
        <source>Incidentes</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="68"/>
        <source>Puntaje ponderado</source>
        <translation>Weighted score</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="69"/>
        <source>Periodo anterior</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="69"/>
        <source>Cambio</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="70"/>
        <source>¿Cambio real?</source>
        <translation>Real change?</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="99"/>
        <source>Jurisdicción y sectores</source>
        <translation>Jurisdiction and sectors</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="105"/>
        <source>Cuadrantes de</source>
        <translation>Grid sectors of</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="108"/>
        <source>Número de sectores</source>
        <translation>Number of sectors</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="112"/>
        <source>Periodo: últimas</source>
        <translation>Period: last</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="129"/>
        <source>Importar jurisdicción</source>
        <translation>Import jurisdiction</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="130"/>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="136"/>
        <source>Polígonos (%1)</source>
        <translation>Polygons (%1)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="135"/>
        <source>Importar sectores</source>
        <translation>Import sectors</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="156"/>
        <source>Sector %1</source>
        <translation>Sector %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="171"/>
        <source>Avisos de «%1»:</source>
        <translation>Warnings for “%1”:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="172"/>
        <source>«%1» importado sin avisos.</source>
        <translation>“%1” imported without warnings.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="204"/>
        <source>Jurisdicción guardada en el proyecto: %1 (límites INEI 2007).</source>
        <translation>Jurisdiction saved in the project: %1 (INEI 2007 limits).</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="209"/>
        <source>Haga clic en el mapa para cada vértice; doble clic para terminar.</source>
        <translation>Click on the map for each vertex; double-click to finish.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="219"/>
        <source>dibujada en el mapa</source>
        <translation>drawn on the map</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="220"/>
        <source>Jurisdicción dibujada y guardada en el proyecto.</source>
        <translation>Jurisdiction drawn and saved in the project.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="241"/>
        <source>Generar sectores</source>
        <translation>Generate sectors</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="242"/>
        <source>Los %1 sectores actuales serán reemplazados. ¿Continuar?</source>
        <translation>The current %1 sectors will be replaced. Continue?</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/sectors_tab.py" line="294"/>
        <source>Fuera de los sectores: %1 (sin coordenadas: %2) de %3 incidentes del periodo.</source>
        <translation>Outside the sectors: %1 (without coordinates: %2) of %3 incidents in the period.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="24"/>
        <source>StationMap</source>
        <translation>StationMap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="26"/>
        <source>Mapa del delito y plan de patrullaje para su comisaría, sin internet.</source>
        <translation>Crime map and patrol plan for your police station, without internet.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="28"/>
        <source>Abrir proyecto…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="29"/>
        <source>Nuevo proyecto…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="30"/>
        <source>Abrir estación de ejemplo</source>
        <translation>Open sample station</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="34"/>
        <source>Proyectos recientes</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="80"/>
        <source>%1 (no disponible)</source>
        <translation>%1 (not available)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="81"/>
        <source>No se encuentra %1: conecte la memoria USB o el disco donde está.</source>
        <translation>%1 is not found: connect the USB stick or disk it is on.</translation>
    </message>
</context>
<context>
    <name>StationGeography</name>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/station.py" line="96"/>
        <source>Sectores</source>
        <translation>Sectors</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/tasks.py" line="194"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/tasks.py" line="234"/>
        <source>Cancelando…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>TrainingMode</name>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="55"/>
        <source>Modo capacitación</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="56"/>
        <source>Abre una copia nueva de la estación de ejemplo con ejercicios guiados</source>
        <translation>Opens a fresh copy of the sample station with guided exercises</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="62"/>
        <source>Guía del instructor</source>
        <translation>Trainer&apos;s guide</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="63"/>
        <source>Abre la guía del instructor (PDF): agenda, pasos y respuestas de los ejercicios</source>
        <translation>Opens the trainer&apos;s guide (PDF): agenda, steps and answers of the exercises</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="88"/>
        <source>Preparando la copia de capacitación…</source>
        <translation>Preparing the training copy…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="94"/>
        <source>Reiniciar la capacitación</source>
        <translation>Reset the training</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="95"/>
        <source>Se descartan la copia de esta sesión y todo lo que hizo en ella (planes, archivos exportados) y se prepara una copia nueva de la estación de ejemplo. ¿Continuar?</source>
        <translation>This session&apos;s copy and everything done in it (plans, exported files) are discarded, and a new copy of the sample station is prepared. Continue?</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="149"/>
        <source>Capacitación</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="244"/>
        <source>buscando…</source>
        <translation>searching…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="248"/>
        <source>sin incidentes ubicados</source>
        <translation>no located incidents</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="250"/>
        <source>%1 (%2 incidentes)</source>
        <translation>%1 (%2 incidents)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/mode.py" line="264"/>
        <source>Punto crítico (capacitación)</source>
        <translation>Critical point (training)</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../src/stationmap/ui/training/panel.py" line="80"/>
        <source>Comprobar</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/panel.py" line="81"/>
        <source>Reiniciar</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/panel.py" line="82"/>
        <source>Descarta la copia y prepara una nueva desde la estación de ejemplo</source>
        <translation>Discards the copy and prepares a new one from the sample station</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/panel.py" line="111"/>
        <source>La copia de capacitación no está abierta. Use «Modo capacitación» en el menú Ayuda.</source>
        <translation>The training copy is not open. Use &quot;Training mode&quot; in the Help menu.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/panel.py" line="116"/>
        <source>Carpeta de la capacitación: %1</source>
        <translation>Training folder: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/training/panel.py" line="124"/>
        <source>Hechos: %1 de %2</source>
        <translation>Done: %1 of %2</translation>
    </message>
</context>
<context>
    <name>UnitsEditor</name>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="51"/>
        <source>Patrullero</source>
        <translation>Patrol car</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="51"/>
        <source>Patrullaje integrado</source>
        <translation>Joint patrol</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="52"/>
        <source>Motorizado</source>
        <translation>Motorcycle</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="52"/>
        <source>Serenazgo</source>
        <translation>Municipal patrol (serenazgo)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="53"/>
        <source>A pie</source>
        <translation>On foot</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="57"/>
        <source>En comisaría (retén)</source>
        <translation>At the station (reserve)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="59"/>
        <source>Cuántas de las unidades de arriba se quedan en la comisaría como retén; no se suman a ellas</source>
        <translation>How many of the units above stay at the station as reserve; they are not added to them</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="64"/>
        <source>«En comisaría (retén)» no suma unidades: de las unidades de arriba, esas se quedan en la comisaría y las demás salen a los sectores.</source>
        <translation>“At the station (reserve)” adds no units: of the units above, that many stay at the station and the rest go out to the sectors.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="71"/>
        <source>Unidades disponibles en cada turno, iguales todos los días del plan</source>
        <translation>Units available in each shift, the same every day of the plan</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="85"/>
        <source>Unidades que todo sector tiene siempre</source>
        <translation>Units every sector always has</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="88"/>
        <source>sin tope</source>
        <translation>no cap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="89"/>
        <source>Ningún sector recibe más unidades que este tope</source>
        <translation>No sector gets more units than this cap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="94"/>
        <source>Parte del turno reservada para atender llamadas; el resto es patrullaje preventivo de puntos críticos</source>
        <translation>Share of the shift kept for calls for service; the rest is proactive patrol of critical points</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="96"/>
        <source>Guardar recursos</source>
        <translation>Save resources</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="98"/>
        <source>Hay cambios sin guardar en los recursos.</source>
        <translation>The resources have unsaved changes.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="107"/>
        <source>Mínimo por sector</source>
        <translation>Minimum per sector</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="108"/>
        <source>Tope por sector</source>
        <translation>Cap per sector</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/units_editor.py" line="109"/>
        <source>Tiempo para llamadas</source>
        <translation>Time for calls</translation>
    </message>
</context>
<context>
    <name>UnsavedWork</name>
    <message>
        <location filename="../../src/stationmap/ui/unsaved_work.py" line="34"/>
        <source>Cambios sin guardar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/unsaved_work.py" line="37"/>
        <source>¿Desea guardarlo antes de continuar?</source>
        <translation>Do you want to save it before going on?</translation>
    </message>
</context>
<context>
    <name>VersionsView</name>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="49"/>
        <source>Semana</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="49"/>
        <source>Versión</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="49"/>
        <source>Elaborado por</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="50"/>
        <source>Creado</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="50"/>
        <source>Unidades-turno</source>
        <translation>Unit-shifts</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="55"/>
        <source>Abrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="56"/>
        <source>Comparar con el plan actual</source>
        <translation>Compare with the current plan</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="57"/>
        <source>Comparar con la semana anterior</source>
        <translation>Compare with the previous week</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="64"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="64"/>
        <source>Turno</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="64"/>
        <source>Antes</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="64"/>
        <source>Ahora</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="65"/>
        <source>Cambio</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="66"/>
        <source>Punto crítico</source>
        <translation>Critical point</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="66"/>
        <source>Calle</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="66"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="127"/>
        <source>Comisaría (retén)</source>
        <translation>Station (reserve)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="130"/>
        <source>nuevo</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="130"/>
        <source>ya no figura</source>
        <translation>dropped</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/plan/versions_view.py" line="130"/>
        <source>se mantiene</source>
        <translation>kept</translation>
    </message>
</context>
<context>
    <name>WeeksSpinBox</name>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/weeks.py" line="15"/>
        <source> semana</source>
        <translation> week</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/hotspots/weeks.py" line="16"/>
        <source> semanas</source>
        <translation> weeks</translation>
    </message>
</context>
<context>
    <name>_SelectionChip</name>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="75"/>
        <source>Quitar</source>
        <translation>Remove</translation>
    </message>
</context>
</TS>
