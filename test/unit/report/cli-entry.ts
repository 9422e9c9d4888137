// Runs the CLI from the TypeScript sources in a child process (tests that need a fresh Node
// environment, e.g. NODE_EXTRA_CA_CERTS for a local test CA).
import { main } from '../../../src/cli/main';

main();
