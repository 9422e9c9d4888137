// Child process for apple-mail.test.ts: reads Apple Mail accounts of the home given as argument
// and prints the result. Run as an unprivileged user when the tests run as root (root reads
// every folder, so a refused Mail folder cannot be produced otherwise).
import { findAppleMailAccounts } from '../../../src/accounts/apple-mail';

void findAppleMailAccounts(process.argv[2]).then((r) => process.stdout.write(JSON.stringify(r)));
