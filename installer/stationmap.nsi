; StationMap installer (NSIS 3, Modern UI 2): per-user, no administrator rights.
;
;   makensis -DVERSION=0.1.0 -DBUNDLE_DIR=dist\StationMap -DOUTFILE=dist\StationMap-0.1.0-setup.exe stationmap.nsi
;
; Optional: -DSTANDIN_PAYLOAD=1 labels an installer whose payload is not a Windows build (build-windows.sh
; on Linux wraps the Linux bundle to test the installer logic); its name and caption say so.
;
; Installs into %LOCALAPPDATA%\Programs\StationMap, adds a Start-menu entry, associates .stationmap
; under HKCU\Software\Classes and registers an uninstaller under HKCU ...\Uninstall. The uninstaller
; removes the program only: projects (Documents, anywhere), settings and the log in %APPDATA%\StationMap stay.
; Refuses to run while StationMap is running (its mutex, or its executable locked by Windows).

; StationMap is 64-bit only, so the installer is too (and runs under a 64-bit-only Wine).
Target amd64-unicode
; Solid LZMA: the whole payload is one LZMA stream instead of one per file, so what repeats across
; files (the two executables carry the same archive of Python modules; Qt's and Python's libraries
; share code and strings) is stored once, and small files cost no per-file overhead. With a 64 MB
; dictionary (NSIS's default is 8 MB) repeats that far apart are found too. The price: compressing
; takes minutes and ~700 MB of memory; installing needs 64 MB and reads the stream once, in order.
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"   ; smallest; tests pass -DCOMPRESSOR=zlib to compile in seconds
!endif
SetCompressor ${COMPRESSOR}
!searchparse /noerrors "${COMPRESSOR}" "" _COMPRESSOR_BEFORE "lzma" _COMPRESSOR_AFTER
!ifdef _COMPRESSOR_AFTER
  SetCompressorDictSize 64
!endif
RequestExecutionLevel user
ManifestDPIAware true

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef BUNDLE_DIR
  !error "pass -DBUNDLE_DIR=<one-folder bundle>"
!endif
!ifndef OUTFILE
  !define OUTFILE "StationMap-${VERSION}-setup.exe"
!endif

!define APP_NAME "StationMap"
!define APP_EXE "StationMap.exe"
!define PUBLISHER "StationMap contributors"
!define PROG_ID "StationMap.Project"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\StationMap"
; The application holds this named mutex while it runs (see the lead's note on app.py).
!define RUNNING_MUTEX "Local\StationMap.Running"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!ifdef STANDIN_PAYLOAD
  Name "${APP_NAME} ${VERSION} (prueba / test: Linux payload)"
!else
  Name "${APP_NAME} ${VERSION}"
!endif
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show

; --- version information (Explorer > Properties > Details) ---------------------------------------
VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License, ${PUBLISHER}"

; --- pages ----------------------------------------------------------------------------------------
!define MUI_ABORTWARNING
!define MUI_ICON "..\resources\icons\stationmap.ico"
!define MUI_UNICON "..\resources\icons\stationmap.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Spanish first: it is the default when Windows speaks neither language.
!insertmacro MUI_LANGUAGE "Spanish"
!insertmacro MUI_LANGUAGE "English"

LangString MsgRunning ${LANG_SPANISH} "StationMap está abierto. Ciérrelo y vuelva a intentarlo."
LangString MsgRunning ${LANG_ENGLISH} "StationMap is running. Close it and try again."
LangString ShortcutDesc ${LANG_SPANISH} "Mapa del delito y plan de patrullaje sin conexión"
LangString ShortcutDesc ${LANG_ENGLISH} "Offline crime mapping and patrol planning"
LangString ProjectType ${LANG_SPANISH} "Proyecto de StationMap"
LangString ProjectType ${LANG_ENGLISH} "StationMap project"
LangString MsgKept ${LANG_SPANISH} "Sus proyectos y su configuración no se borraron."
LangString MsgKept ${LANG_ENGLISH} "Your projects and settings were not removed."

; --- is StationMap running? -----------------------------------------------------------------------
; Two checks: the mutex the application holds, and (for versions without it) whether Windows lets us
; rename the installed executable, which it refuses while that executable runs.
!macro CheckNotRunning un
Function ${un}CheckNotRunning
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p .r0'
  ${If} $0 P<> 0
    System::Call 'kernel32::CloseHandle(p r0)'
    Goto running
  ${EndIf}
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    ClearErrors
    Rename "$INSTDIR\${APP_EXE}" "$INSTDIR\${APP_EXE}.check"
    ${If} ${Errors}
      Goto running
    ${EndIf}
    Rename "$INSTDIR\${APP_EXE}.check" "$INSTDIR\${APP_EXE}"
  ${EndIf}
  Return
running:
  MessageBox MB_ICONEXCLAMATION|MB_OK "$(MsgRunning)" /SD IDOK
  SetErrorLevel 2
  Quit
FunctionEnd
!macroend
!insertmacro CheckNotRunning ""
!insertmacro CheckNotRunning "un."

Function .onInit
  Call CheckNotRunning
FunctionEnd

; --- install --------------------------------------------------------------------------------------
Section "StationMap" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program folder; nothing of the user's lives there.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "$(ShortcutDesc)"

  ; .stationmap opens in StationMap (per user: HKCU\Software\Classes needs no administrator).
  WriteRegStr HKCU "Software\Classes\.stationmap" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "$(ProjectType)"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; --- uninstall ------------------------------------------------------------------------------------
Function un.onInit
  Call un.CheckNotRunning
FunctionEnd

Section "Uninstall"
  ; Only what the installer put here: projects saved elsewhere (Documents) and the settings, log and
  ; sample station in %APPDATA%\StationMap are the user's and stay.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\stationmap-console.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"   ; only if empty: a project saved inside the program folder keeps it alive

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  ReadRegStr $0 HKCU "Software\Classes\.stationmap" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegKey HKCU "Software\Classes\.stationmap"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "$(MsgKept)"
SectionEnd
