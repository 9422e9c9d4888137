// The layers are visible from the folder names: src/ knows neither Electron nor React, and the
// renderer reaches the core only through the typed contract (src/api.ts, type imports).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function filesUnder(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, exts));
    else if (exts.includes(path.extname(entry.name))) out.push(full);
  }
  return out;
}

const importRe = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(importRe)].map((m) => m[1] ?? m[2] ?? m[3]);
}

test('src/ imports neither electron nor react nor the other layers', () => {
  const files = filesUnder(path.join(root, 'src'), ['.ts']);
  assert.ok(files.length > 10, 'expected the core sources');
  const bad = files.flatMap((f) =>
    importsOf(f)
      .filter((m) => /^(electron|react|react-dom)(\/|$)/.test(m) || /(^|\/)(main|renderer)\//.test(m))
      .map((m) => `${path.relative(root, f)} -> ${m}`),
  );
  assert.deepEqual(bad, []);
});

test('the renderer imports from src/ only the API contract', () => {
  const files = filesUnder(path.join(root, 'renderer', 'src'), ['.ts', '.tsx']);
  const bad = files.flatMap((f) =>
    importsOf(f)
      .filter(
        (m) =>
          m.includes('/src/') &&
          !/\/src\/api$/.test(m) &&
          m.startsWith('..') &&
          path.resolve(path.dirname(f), m).startsWith(path.join(root, 'src')),
      )
      .map((m) => `${path.relative(root, f)} -> ${m}`),
  );
  assert.deepEqual(bad, []);
});

test('the import scanner sees a forbidden import when there is one', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  const f = path.join(tmp, 'x.ts');
  fs.writeFileSync(f, "import { app } from 'electron';\nconst r = require('react');\n");
  assert.deepEqual(importsOf(f), ['electron', 'react']);
  fs.rmSync(tmp, { recursive: true });
});
