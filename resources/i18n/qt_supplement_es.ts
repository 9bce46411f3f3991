<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that qtbase_es.qm (as shipped with PySide6) leaves in English or words the
     Spain way: Qt's file dialog, as Linux and portable installs show it (Windows shows its own).
     Loaded after qtbase_es (ui.translations), so these win. Compiled by update_translations.py. -->
<TS version="2.1" language="es_PE" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>&amp;Buscar en:</translation></message>
    <message><source>Files of &amp;type:</source><translation>&amp;Tipo de archivo:</translation></message>
    <message><source>File &amp;name:</source><translation>&amp;Nombre de archivo:</translation></message>
    <message><source>All Files (*)</source><translation>Todos los archivos (*)</translation></message>
    <message><source>Directories</source><translation>Carpetas</translation></message>
    <message><source>Create New Folder</source><translation>Crear carpeta nueva</translation></message>
    <message><source>New Folder</source><translation>Carpeta nueva</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Drive</source><translation>Unidad</translation></message>
    <message><source>File</source><translation>Archivo</translation></message>
    <message><source>%1 File</source><translation>Archivo %1</translation></message>
    <message><source>Folder</source><comment>All other platforms</comment><translation>Carpeta</translation></message>
    <message><source>File Folder</source><comment>Match Windows Explorer</comment><translation>Carpeta de archivos</translation></message>
</context>
</TS>
