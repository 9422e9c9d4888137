#!/usr/bin/env node
'use strict';
// Runs the compiled CLI (npm ci builds it through the "prepare" script).
try {
  require('../dist/src/cli/main.js').main();
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && /dist[\\/]src[\\/]cli/.test(String(err.message))) {
    process.stderr.write('pec-doctor: non compilato. Esegui "npm ci" (o "npm run build") nella cartella del progetto.\n');
    process.exit(1);
  }
  throw err;
}
