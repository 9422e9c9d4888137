// Preloaded with `node -r` into the app's main process: `require('electron')` resolves to the
// built stand-in (PEC_STANDIN_ELECTRON), whatever node_modules would otherwise give (the real
// `electron` package there only exports the path of a binary we cannot download). See
// electron.ts for what the stand-in proves and cannot prove.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload for `node -r`
const Module = require('module');

const target = process.env.PEC_STANDIN_ELECTRON;
if (!target) throw new Error('register.js: PEC_STANDIN_ELECTRON is not set');
const original = Module._resolveFilename;
Module._resolveFilename = function resolveElectron(request, ...rest) {
  if (request === 'electron' || request === 'electron/main') return target;
  return original.call(this, request, ...rest);
};
