// No function in src/, main/ or renderer/src is longer than 100 lines: long functions were
// where derived facts got recomputed and rules hid in renderers. Measured with TypeScript's
// own parser, so an arrow function, a method and a React component count alike (generated code,
// such as the report validator compiled from its JSON Schema, is not measured).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');
const MAX_LINES = 100;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.(d|generated)\.ts$/.test(e.name) ? [full] : [];
  });
}

/** Every function-like node longer than `max` lines, as "file:line name (n lines)". */
export function longFunctions(file: string, text: string, max: number): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > max) {
        const name =
          (node.name && ts.isIdentifier(node.name) && node.name.text) ||
          (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) && node.parent.name.text) ||
          '(anonymous)';
        out.push(`${path.relative(root, file)}:${start + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

test('the measure sees a long function when there is one', () => {
  const body = Array.from({ length: 120 }, (_, i) => `  const v${i} = ${i};`).join('\n');
  assert.equal(longFunctions('x.ts', `function big() {\n${body}\n}\nconst small = () => 1;`, MAX_LINES).length, 1);
  assert.equal(longFunctions('x.tsx', `const C = () => {\n${body}\nreturn <div />;\n};`, MAX_LINES).length, 1);
});

test(`no function in src/, main/ or renderer/src is longer than ${MAX_LINES} lines`, () => {
  const files = ['src', 'main', path.join('renderer', 'src')].flatMap((d) => sources(path.join(root, d)));
  assert.ok(files.length > 50);
  const long = files.flatMap((f) => longFunctions(f, fs.readFileSync(f, 'utf8'), MAX_LINES));
  assert.deepEqual(long, []);
});
