#!/usr/bin/env node
// Unpacks Chromium 108 — the engine inside Electron 22.3, our Windows 7/8.1 build — from the npm
// package @sparticuz/chromium@108.0.3 (brotli-packed binary and SwiftShader) into
// .tmp/chromium108/ and prints the path of the executable. Idempotent: an unpacked binary is
// reused. Run it with `--no-sandbox --disable-gpu` (as root, no GPU here).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const pkg = path.join(root, 'node_modules', '@sparticuz', 'chromium', 'bin');
const out = path.join(root, '.tmp', 'chromium108');
const exe = path.join(out, 'chromium');

function unbrotli(from, to) {
  const data = zlib.brotliDecompressSync(fs.readFileSync(from));
  fs.writeFileSync(`${to}.partial`, data);
  fs.renameSync(`${to}.partial`, to);
}

function main() {
  if (fs.existsSync(exe) && fs.existsSync(path.join(out, 'libGLESv2.so'))) return exe;
  if (!fs.existsSync(path.join(pkg, 'chromium.br'))) throw new Error(`@sparticuz/chromium@108 is not installed (${pkg}): run npm ci`);
  fs.mkdirSync(out, { recursive: true });
  unbrotli(path.join(pkg, 'chromium.br'), exe);
  fs.chmodSync(exe, 0o755);
  const tar = path.join(out, 'swiftshader.tar');
  unbrotli(path.join(pkg, 'swiftshader.tar.br'), tar);
  execFileSync('tar', ['-xf', tar, '-C', out], { timeout: 60_000 });
  fs.unlinkSync(tar);
  return exe;
}

try {
  process.stdout.write(main() + '\n');
} catch (err) {
  process.stderr.write(`chromium108: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
