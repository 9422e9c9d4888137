import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePrefs } from '../../../src/accounts/prefs-js';

test('reads strings with escapes, numbers, booleans and skips every comment style', () => {
  const r = parsePrefs(
    [
      '// line comment with user_pref("fake", 1);',
      '# hash comment',
      '/* block',
      '   user_pref("also.fake", 2); */',
      'user_pref("a.string", "C:\\\\Users\\\\Anna \\"PEC\\" \\u00e0\\x21\\n");',
      "user_pref('single', 'it\\'s');",
      'user_pref("neg", -5);',
      'user_pref( "spaced" ,  true ) ;',
      'user_pref("off", false);',
      'pref("default.style", 3, locked);',
      'sticky_pref("sticky", "x");',
    ].join('\n'),
  );
  assert.equal(r.error, null);
  assert.deepEqual(Object.fromEntries(r.prefs), {
    'a.string': 'C:\\Users\\Anna "PEC" à!\n',
    single: "it's",
    neg: -5,
    spaced: true,
    off: false,
    'default.style': 3,
    sticky: 'x',
  });
});

test('never keeps a preference whose name contains "password"', () => {
  const r = parsePrefs(
    'user_pref("mail.server.server1.password", "segreto");\nuser_pref("signon.SavePasswords", true);\nuser_pref("ok", 1);',
  );
  assert.equal(r.error, null);
  assert.deepEqual([...r.prefs.keys()], ['ok']);
  assert.ok(![...r.prefs.values()].includes('segreto'));
});

test('does not evaluate code: an expression is a syntax error', () => {
  const r = parsePrefs('user_pref("x", 1 + 1);');
  assert.equal(r.error?.line, 1);
  assert.equal(r.prefs.size, 0);
  const r2 = parsePrefs('user_pref("x", process.exit(1));');
  assert.match(r2.error?.reason ?? '', /value of "x" expected/);
});

test('reports the line of a truncated or corrupt file and keeps what came before', () => {
  const truncated = parsePrefs('user_pref("a", 1);\nuser_pref("b", "unfinished');
  assert.deepEqual(truncated.error, { line: 2, reason: 'string not closed before the end of the file' });
  assert.deepEqual([...truncated.prefs.keys()], ['a']);
  const cut = parsePrefs('user_pref("a", 1);\n\nuser_pref("b", 99');
  assert.equal(cut.error?.line, 3);
  assert.match(cut.error?.reason ?? '', /end of the file/);
  const garbage = parsePrefs('user_pref("a", 1);\n\u0000\u0000\u0000');
  assert.equal(garbage.error?.line, 2);
  assert.match(garbage.error?.reason ?? '', /unexpected character/);
  const noSemicolon = parsePrefs('user_pref("a", 1)\nuser_pref("b", 2);');
  assert.equal(noSemicolon.error?.line, 2);
  assert.equal(parsePrefs('/* never closed').error?.reason, 'comment not closed before the end of the file');
  assert.match(parsePrefs('user_pref("big", 99999999999);').error?.reason ?? '', /out of range/);
});
