// The real CLI entry with a programming error thrown outside any command's promise chain (as a
// bug in a timer callback would): the last-resort path must still speak plainly.
import { main } from '../../../src/cli/main';

setTimeout(() => {
  const input = { context: {} as { failures?: unknown } };
  for (const f of input.context.failures as Iterable<unknown>) void f;
}, 50);
main();
setTimeout(() => undefined, 2_000);
