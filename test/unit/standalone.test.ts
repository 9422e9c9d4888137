// The repository stands alone (issue #21): no file points at notes outside it or at the
// machine it was written on. Facts the code relies on live in docs/facts/, with their sources.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
// Written in two pieces so that this file does not match itself.
const FORBIDDEN = [['shared', 'reference'].join('/'), ['', 'work', ''].join('/')];
/** Plain-name references to the old notes, e.g. "windows-and-clients.md §3", must name docs/facts/ (in comments and docs). */
const NOTE_NAME = /(?<![\w/-])(requirements|pec-providers|windows-and-clients|test-servers|anchors)\.md\b/;

function repositoryFiles(): string[] {
  // Tracked files and new ones not ignored (a fresh clone has exactly the tracked ones).
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  return out
    .split('\0')
    .filter(Boolean)
    .filter((f) => fs.existsSync(path.join(root, f)) && !/\.(png|jpe?g|ico|icns|pdf|woff2?|br|tgz|zip)$/i.test(f));
}

test('no file mentions the notes folder outside the repository or an absolute work path', () => {
  const files = repositoryFiles();
  assert.ok(files.length > 100, `${files.length} files`);
  const hits: string[] = [];
  for (const f of files) {
    const lines = fs.readFileSync(path.join(root, f), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (FORBIDDEN.some((s) => line.includes(s))) hits.push(`${f}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(hits, []);
});

test('a note cited by name is one of docs/facts/, and it exists', () => {
  // docs/facts/ itself, and this file (its examples), are the two places the names stand alone.
  const files = repositoryFiles().filter(
    (f) => /\.(ts|tsx|js|mjs|yml|md)$/.test(f) && !f.startsWith('docs/facts/') && f !== 'test/unit/standalone.test.ts',
  );
  const hits: string[] = [];
  for (const f of files) {
    fs.readFileSync(path.join(root, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const comment = f.endsWith('.md') || /^\s*(\/\/|\/?\*|#)/.test(line) || line.includes(' // ');
        const m = comment ? NOTE_NAME.exec(line) : null;
        if (m && !line.includes(`docs/facts/${m[0]}`)) hits.push(`${f}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(hits, []);
  for (const name of ['requirements', 'pec-providers', 'windows-and-clients', 'test-servers']) {
    assert.ok(fs.existsSync(path.join(root, 'docs', 'facts', `${name}.md`)), name);
  }
});

test('the checks see a forbidden mention when there is one', () => {
  assert.ok(FORBIDDEN.some((s) => `see ../${'shared'}/reference/x.md`.includes(s)));
  assert.ok(NOTE_NAME.test('Source: windows-and-clients.md §9'));
  assert.ok(!NOTE_NAME.test('see docs/facts/windows-and-clients.md §9'));
});
