// Smoke test of a packaged app, as built by electron-builder (release workflow): the window
// opens, one diagnosis against a loopback server runs through the real core inside the asar,
// and the report is saved as PDF by the real Chromium of that Electron.
//
// Playwright drives Electron through --inspect, which our fuses turn off in the shipped binary
// (enableNodeCliInspectArguments: false). So the test turns that one fuse back on in the
// unpacked copy it launches (the installers were built before, with the fuses as shipped; on
// macOS the copy is re-signed ad hoc), and checks that the other fuses are still as shipped.
import { _electron as electron, test, expect } from '@playwright/test';
import { flipFuses, getCurrentFuseWire, FuseV1Options, FuseVersion } from '@electron/fuses';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { packagedExecutable } from './app-path';

const ROOT = path.resolve(__dirname, '..', '..');
const executable = process.env.PEC_PACKAGED_APP ?? packagedExecutable(path.join(ROOT, 'release'), process.platform, process.arch);

/** A loopback IMAP server that offers no TLS: a real conversation, a clear finding. */
function startPlainImap(): Promise<{ port: number; stop: () => Promise<void> }> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] smoke-test ready\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString('latin1').split('\r\n').filter(Boolean)) {
        const [tag, command = ''] = line.split(' ');
        if (/^CAPABILITY$/i.test(command)) socket.write(`* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n${tag} OK done\r\n`);
        else if (/^LOGOUT$/i.test(command)) socket.end(`* BYE\r\n${tag} OK bye\r\n`);
        else socket.write(`${tag} BAD unknown\r\n`);
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        stop: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

test('packaged app: the window opens, one diagnosis against a loopback server, the report saved as PDF', async () => {
  expect(fs.existsSync(executable), `${executable} (set PEC_PACKAGED_APP)`).toBe(true);
  // The fuse wire stores '0' (48) for off and '1' (49) for on.
  const shipped = await getCurrentFuseWire(executable);
  expect(shipped[FuseV1Options.RunAsNode]).toBe(48);
  expect(shipped[FuseV1Options.EnableNodeCliInspectArguments]).toBe(48);
  expect(shipped[FuseV1Options.OnlyLoadAppFromAsar]).toBe(49);
  await flipFuses(executable, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: process.platform === 'darwin',
    [FuseV1Options.EnableNodeCliInspectArguments]: true,
  });

  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pec-packaged-'));
  const server = await startPlainImap();
  const app = await electron.launch({ executablePath: executable, env: { ...process.env, PEC_DOCTOR_HOME: home } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Controlliamo la tua PEC' })).toBeVisible({ timeout: 60_000 });
    expect(await app.evaluate(({ app: a }) => a.isPackaged)).toBe(true);

    await page.getByText('Impostazioni avanzate (per il tecnico)').click();
    await page.getByLabel('Server', { exact: true }).fill(`imap://127.0.0.1:${server.port}`);
    await page.getByLabel('Controlla solo quanto indicato qui (non gli account trovati)').check();
    await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeVisible({ timeout: 120_000 });

    // The native save dialog answered in the main process, as a person choosing a file would.
    const pdf = path.join(home, 'rapporto.pdf');
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, pdf);
    await page.getByRole('button', { name: 'Salva rapporto' }).click();
    await expect(page.getByTestId('save-result')).toContainText(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    // The data folder: the history and today's log, which names the file written.
    expect(fs.readdirSync(path.join(home, 'history')).length).toBeGreaterThan(0);
    const logs = path.join(home, 'logs');
    const log = fs
      .readdirSync(logs)
      .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
      .join('');
    expect(log).toContain('diagnosis.end');
    expect(log).toContain(JSON.stringify(pdf));
  } finally {
    await app.close();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
});
