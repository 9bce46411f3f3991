<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
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
    <name>FilterBar</name>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="55"/>
        <source>Buscar categoría, dirección, distrito…</source>
        <translation>Search category, address, district…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="65"/>
        <source>Desde</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="67"/>
        <source>Hasta</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="113"/>
        <source>Todas</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="163"/>
        <source>Categorías: todas</source>
        <translation>Categories: all</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="165"/>
        <source>Categorías: %1</source>
        <translation>Categories: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="166"/>
        <source>Selección del mapa: %1 incidentes</source>
        <translation>Map selection: %1 incidents</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="167"/>
        <source>Selección de horas: %1 horas</source>
        <translation>Hour selection: %1 hours</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="31"/>
        <source>Importar incidentes</source>
        <translation>Import incidents</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="43"/>
        <source>Agregar archivos…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="45"/>
        <source>Agregar carpeta…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="61"/>
        <source>Las fechas de este archivo pueden leerse de dos formas. ¿Cómo están escritas?</source>
        <translation>The dates in this file can be read two ways. How are they written?</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="63"/>
        <source>día/mes/año (dd/mm/aaaa)</source>
        <translation>day/month/year (dd/mm/yyyy)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="64"/>
        <source>mes/día/año (mm/dd/aaaa)</source>
        <translation>month/day/year (mm/dd/yyyy)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="75"/>
        <source>Cargar perfil</source>
        <translation>Load profile</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="77"/>
        <source>Guardar como perfil…</source>
        <translation>Save as profile…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="81"/>
        <source>Importar</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="83"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="95"/>
        <source>Perfil de columnas:</source>
        <translation>Column profile:</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="102"/>
        <source>&lt;b&gt;Columnas&lt;/b&gt; (corrija lo que no corresponda)</source>
        <translation>&lt;b&gt;Columns&lt;/b&gt; (correct anything that is wrong)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="142"/>
        <source>Archivos a importar</source>
        <translation>Files to import</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="143"/>
        <source>Tablas de incidentes (%1);;Todos los archivos (*)</source>
        <translation>Incident tables (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="147"/>
        <source>Carpeta a importar</source>
        <translation>Folder to import</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="171"/>
        <source>No se pudo leer %1.</source>
        <translation>Could not read %1.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="189"/>
        <source>registro de incidentes</source>
        <translation>incident log</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="190"/>
        <source>tabla agregada (conteos por distrito y mes)</source>
        <translation>aggregated table (counts per district and month)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="191"/>
        <source>coma</source>
        <translation>comma</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="191"/>
        <source>punto y coma</source>
        <translation>semicolon</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="191"/>
        <source>barra |</source>
        <translation>pipe |</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="192"/>
        <source>tabulador</source>
        <translation>tab</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="193"/>
        <source>Codificación: %1 · Separador: %2 · Tipo: %3 · Vista previa de las primeras %4 filas</source>
        <translation>Encoding: %1 · Delimiter: %2 · Kind: %3 · Preview of the first %4 rows</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="199"/>
        <source>Hoja: %1</source>
        <translation>Sheet: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="251"/>
        <source>Guardar perfil</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_dialog.py" line="251"/>
        <source>Nombre del perfil:</source>
        <translation>Profile name:</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../src/stationmap/ui/import_flow.py" line="45"/>
        <source>Importar archivos</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_flow.py" line="46"/>
        <source>Tablas de incidentes (%1);;Todos los archivos (*)</source>
        <translation>Incident tables (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_flow.py" line="51"/>
        <source>Importar carpeta</source>
        <translation>Import folder</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_flow.py" line="74"/>
        <source>Importando…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="137"/>
        <source>Reportes de importación</source>
        <translation>Import reports</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="143"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="143"/>
        <source>Archivos</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="143"/>
        <source>Leídas</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="143"/>
        <source>Importadas</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="144"/>
        <source>Duplicadas</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="144"/>
        <source>Rechazadas</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="150"/>
        <source>Ver detalle</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="157"/>
        <source>Este proyecto aún no tiene importaciones.</source>
        <translation>This project has no imports yet.</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="70"/>
        <source>Resumen de importación</source>
        <translation>Import summary</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="76"/>
        <source>Filas leídas: %1 · importadas: %2 · duplicadas: %3 · rechazadas: %4</source>
        <translation>Rows read: %1 · imported: %2 · duplicates: %3 · rejected: %4</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="84"/>
        <source>incidentes</source>
        <translation>incidents</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="84"/>
        <source>conteos agregados</source>
        <translation>aggregated counts</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="86"/>
        <location filename="../../src/stationmap/ui/import_summary.py" line="101"/>
        <source>Archivo</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="86"/>
        <source>Tipo</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="86"/>
        <source>Leídas</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="86"/>
        <source>Importadas</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="87"/>
        <source>Duplicadas</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="87"/>
        <source>Rechazadas</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="101"/>
        <source>Fila</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="101"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="105"/>
        <source>Exportar rechazos a CSV…</source>
        <translation>Export rejections to CSV…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="115"/>
        <source>Avisos</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="117"/>
        <source>Filas rechazadas</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/import_summary.py" line="123"/>
        <source>Exportar rechazos</source>
        <translation>Export rejections</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="42"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="43"/>
        <source>Hora</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="44"/>
        <source>Categoría</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="45"/>
        <source>Dirección</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="46"/>
        <source>Distrito</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="47"/>
        <source>Coordenadas</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="48"/>
        <source>Fuente</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/incident_table_model.py" line="50"/>
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
        <location filename="../../src/stationmap/ui/main_menus.py" line="32"/>
        <source>&amp;Exportar tabla…</source>
        <translation>&amp;Export table…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="34"/>
        <source>&amp;Salir</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="37"/>
        <source>&amp;Importar</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="38"/>
        <source>Importar &amp;archivos…</source>
        <translation>Import &amp;files…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="40"/>
        <source>Importar &amp;carpeta…</source>
        <translation>Import f&amp;older…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="42"/>
        <source>&amp;Reportes de importación…</source>
        <translation>Import &amp;reports…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="44"/>
        <source>&amp;Ver</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="46"/>
        <source>&amp;Idioma</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="59"/>
        <source>A&amp;yuda</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="60"/>
        <source>&amp;Acerca de StationMap</source>
        <translation>&amp;About StationMap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="69"/>
        <source>A&amp;nálisis</source>
        <translation>A&amp;nalysis</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="69"/>
        <source>&amp;Patrullaje</source>
        <translation>&amp;Patrol</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_menus.py" line="70"/>
        <source>In&amp;formes</source>
        <translation>Re&amp;ports</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="94"/>
        <source>Mapa</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="101"/>
        <source>Horas y días</source>
        <translation>Hours and days</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="246"/>
        <source>Preparando la estación de ejemplo…</source>
        <translation>Preparing the sample station…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="251"/>
        <source>Abrir proyecto</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="252"/>
        <source>Proyectos StationMap (*.stationmap);;Todos los archivos (*)</source>
        <translation>StationMap projects (*.stationmap);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="258"/>
        <source>Nuevo proyecto</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="259"/>
        <source>Proyectos StationMap (*.stationmap)</source>
        <translation>StationMap projects (*.stationmap)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="272"/>
        <source>Exportar tabla</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="273"/>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="286"/>
        <source>Tabla exportada: %1</source>
        <translation>Table exported: %1</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="294"/>
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="295"/>
        <source>El idioma cambiará la próxima vez que abra StationMap.</source>
        <translation>The language will change the next time you open StationMap.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="301"/>
        <source>&lt;h3&gt;StationMap %1&lt;/h3&gt;&lt;p&gt;Mapa del delito y plan de patrullaje para comisarías, sin conexión a internet.&lt;/p&gt;&lt;p&gt;Datos de mapas © OpenStreetMap contributors (ODbL).&lt;/p&gt;&lt;p&gt;Los incidentes de la estación de ejemplo son sintéticos: no son denuncias reales.&lt;/p&gt;&lt;p&gt;Archivo de registro:&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;StationMap %1&lt;/h3&gt;&lt;p&gt;Crime mapping and patrol planning for police stations, with no internet connection.&lt;/p&gt;&lt;p&gt;Map data © OpenStreetMap contributors (ODbL).&lt;/p&gt;&lt;p&gt;The sample station&apos;s incidents are synthetic: they are not real complaints.&lt;/p&gt;&lt;p&gt;Log file:&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="306"/>
        <source>Acerca de StationMap</source>
        <translation>About StationMap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/main_window.py" line="328"/>
        <source>Incidentes: %1 de %2</source>
        <translation>Incidents: %1 of %2</translation>
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
        <translation>Category / modalidad</translation>
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
    <name>StartPage</name>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="19"/>
        <source>StationMap</source>
        <translation>StationMap</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="21"/>
        <source>Mapa del delito y plan de patrullaje para su comisaría, sin internet.</source>
        <translation>Crime map and patrol plan for your police station, without internet.</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="23"/>
        <source>Abrir proyecto…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="24"/>
        <source>Nuevo proyecto…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="25"/>
        <source>Abrir estación de ejemplo</source>
        <translation>Open sample station</translation>
    </message>
    <message>
        <location filename="../../src/stationmap/ui/start_page.py" line="29"/>
        <source>Proyectos recientes</source>
        <translation>Recent projects</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <location filename="../../src/stationmap/ui/tasks.py" line="143"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_SelectionChip</name>
    <message>
        <location filename="../../src/stationmap/ui/filter_bar.py" line="39"/>
        <source>Quitar</source>
        <translation>Remove</translation>
    </message>
</context>
</TS>
