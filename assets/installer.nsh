; Included by electron-builder's NSIS uninstaller (nsis.include in electron-builder*.yml).
; Uninstalling asks whether the saved diagnoses, the logs and the settings in
; %APPDATA%\PEC Doctor go too; the answer defaults to keeping them. Not asked when the uninstaller
; runs for an update (the new version needs the history) and kept on a silent uninstall (/S).
; See docs/release.md, "Uninstalling".
!macro customUnInstall
  ${ifNot} ${isUpdated}
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "Eliminare anche le diagnosi salvate, i registri (log) e le impostazioni di PEC Doctor?$\r$\n$\r$\nSi trovano in $APPDATA\PEC Doctor.$\r$\nScegli No per conservarle, per esempio se reinstallerai PEC Doctor." /SD IDNO IDNO pecdoctor_keep_data
      RMDir /r "$APPDATA\PEC Doctor"
    pecdoctor_keep_data:
  ${endIf}
!macroend
