'use strict';
// Run by the Windows Node under Wine (test/wine/wine.test.ts; not a tool of its own): systeminformation's osInfo() on
// "Windows 7" feeds PowerShell through stdin without an 'error' listener; with Wine's stub
// PowerShell (exits at once) that is an uncaught EPIPE. Inside withStrayErrorGuard the process
// survives and the error is reported. argv[2]: the compiled last-resort module.
const { withStrayErrorGuard } = require(process.argv[2]);
const si = require('systeminformation');
const strays = [];
withStrayErrorGuard(
  // several at once, as in a real run (the write races the stub's exit; under load it loses)
  () => Promise.all(Array.from({ length: 6 }, () => si.osInfo())).then(() => new Promise((resolve) => setTimeout(resolve, 1500))),
  (s) => strays.push(s.message),
).then(
  () => process.stdout.write(JSON.stringify({ survived: true, strays }) + '\n'),
  (err) => process.stdout.write(JSON.stringify({ survived: true, rejected: String(err), strays }) + '\n'),
);
