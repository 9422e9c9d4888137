// `npm start`: launches the desktop app with Electron. The electron package downloads its
// binary on first use; where that fails (no internet, as on our build machines) say so in one
// sentence and point to the browser UI, instead of a stack trace.
'use strict';
const { spawn, spawnSync } = require('child_process');
const path = require('path');

// Resolve (and, on first use, download) the binary in a child process whose noise we keep.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('PATH=' + require('electron'))"], {
  cwd: path.join(__dirname, '..'),
  encoding: 'utf8',
  timeout: 10 * 60 * 1000,
});
const match = /PATH=(.+)$/.exec(probe.stdout || '');
if (probe.status !== 0 || !match || !require('fs').existsSync(match[1])) {
  const why = `${probe.stderr || ''}`.split('\n').find((l) => /Error|failed/i.test(l)) || 'download failed';
  process.stderr.write(
    'PEC Doctor: manca il programma Electron e non è stato possibile scaricarlo (serve internet la prima volta): ' +
      'apri la stessa interfaccia nel browser con "npx pec-doctor ui".\n' +
      'PEC Doctor: the Electron binary is missing and could not be downloaded (first use needs internet): ' +
      'run "npx pec-doctor ui" to open the same interface in your browser.\n' +
      `(${why.trim()})\n`,
  );
  process.exit(1);
}
const child = spawn(match[1], [path.join(__dirname, '..')], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code === null ? 1 : code));
