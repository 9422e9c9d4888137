// The repair in the desktop app (issue #18): the compiled main process on Node 16.17 with the
// stand-in `electron`, the real renderer in Chromium 108, the real core (plan, consent id, undo
// file, read-back, rollback) over a stand-in Windows (main/repair-test-machine.ts: its registry
// in a JSON file changed by a stand-in reg.exe, the UAC answer from a file; honoured only by an
// unpacked app). Walks consent → refused prompt (nothing changed) → accepted → read-back →
// restart offer, with screenshots in docs/screenshots/repair-*.png. Cannot prove: a real UAC
// prompt, reg.exe, System Restore, wusa, shutdown (the Wine suite runs the real reg.exe;
// docs/repair.md says what remains unproven).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startDovecot } from '../support/servers';

const DOC_SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const SCHANNEL = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';
const WINHTTP = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
const WINHTTP32 = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';

async function shots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(DOC_SHOTS, { recursive: true });
  for (const size of [
    { width: 800, height: 560 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Nothing wider than the window (long registry paths wrap).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${size.width}x${size.height}`).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: path.join(DOC_SHOTS, `repair-${name}-${size.width}x${size.height}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  }
}

test('repair: consent lists every change, a refused prompt changes nothing, accepted → read-back → restart offer', async ({
  desktop,
  certs,
}) => {
  test.setTimeout(180_000);
  const machineDir = path.join(desktop.home, 'stand-in-windows');
  fs.mkdirSync(machineDir, { recursive: true });
  const machineFile = path.join(machineDir, 'machine.json');
  fs.writeFileSync(
    machineFile,
    JSON.stringify({
      os: { version: '6.1.7601', name: 'Windows 7 Service Pack 1', arch: 'x64', servicePack: 'Service Pack 1' },
      kb3140245: true,
      values: { [WINHTTP32]: { DefaultSecureProtocols: 0xa0 } },
    }),
  );
  fs.writeFileSync(path.join(machineDir, 'uac'), 'refuse');
  const before = fs.readFileSync(machineFile, 'utf8');
  const dovecot = await startDovecot({ cert: certs.cert, key: certs.key });
  try {
    const app = desktop.launch({ env: { PEC_DOCTOR_TEST_REPAIR_MACHINE: machineDir } });
    const page = await app.page();
    await page.getByText('Impostazioni avanzate (per il tecnico)').click();
    await page.getByLabel('Server', { exact: true }).fill(`imaps://127.0.0.1:${dovecot.ports.imaps}`);
    await page.getByLabel('Controlla solo quanto indicato qui (non gli account trovati)').check();
    await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused({ timeout: 60_000 });

    // The offer, from the live (stand-in) machine.
    const entry = page.getByTestId('repair-entry');
    await expect(entry).toContainText('Windows 7 SP1');
    await entry.getByRole('button', { name: 'Ripara questo computer…' }).click();

    // Consent: exactly the four values, before → after, the safety nets, one UAC prompt.
    const consent = page.getByTestId('repair-consent');
    await expect(page.getByRole('heading', { level: 1, name: 'Prima di riparare: cosa cambierà' })).toBeFocused();
    const changes = consent.getByTestId('repair-change');
    await expect(changes).toHaveCount(4);
    await expect(changes.nth(0)).toContainText('Enabled: ora assente, diventerà 0x00000001 (1)');
    await expect(changes.nth(1)).toContainText('DisabledByDefault: ora assente, diventerà 0x00000000 (0)');
    await expect(changes.nth(2)).toContainText('DefaultSecureProtocols: ora assente, diventerà 0x00000800 (2048)');
    await expect(changes.nth(3)).toContainText('DefaultSecureProtocols: ora 0x000000a0 (160), diventerà 0x000008a0 (2208)');
    // the keys, for the technician, folded
    await consent.getByText('Dove, nel registro di Windows (per il tecnico)').click();
    await expect(consent.getByTestId('repair-keys').getByRole('listitem')).toHaveText([SCHANNEL, WINHTTP, WINHTTP32]);
    await expect(consent.getByTestId('repair-update')).toHaveCount(0); // KB3140245 is installed on this machine
    await expect(consent).toContainText('Salverà un file per annullare la riparazione');
    await expect(consent).toContainText('punto di ripristino');
    await expect(consent).toContainText('chiederà una sola volta il permesso dell’amministratore');
    await shots(page, 'consent');

    // The administrator's permission refused: nothing changed, and the screen says so.
    await consent.getByRole('button', { name: 'Ripara ora' }).click();
    const refused = page.getByTestId('repair-refused');
    await expect(refused).toContainText('nulla è stato cambiato');
    expect(fs.readFileSync(machineFile, 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(desktop.home, 'pec-doctor', 'riparazioni'))).toBe(false);

    // Accepted: undo file, writes, read-back, restart offer.
    fs.writeFileSync(path.join(machineDir, 'uac'), 'accept');
    await refused.getByRole('button', { name: 'Riprova' }).click();
    await page.getByTestId('repair-consent').getByRole('button', { name: 'Ripara ora' }).click();
    const result = page.getByTestId('repair-result');
    await expect(result).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Riparazione completata' })).toBeFocused();
    await expect(result.getByTestId('repair-readback').getByRole('listitem')).toHaveCount(4);
    await expect(result.getByTestId('repair-readback')).not.toContainText('diverso dal previsto');
    await expect(result).toContainText('Non è stato possibile creare un punto di ripristino');
    const machine = JSON.parse(fs.readFileSync(machineFile, 'utf8')) as { values: Record<string, Record<string, number>> };
    expect(machine.values[SCHANNEL]).toEqual({ Enabled: 1, DisabledByDefault: 0 });
    expect(machine.values[WINHTTP]).toEqual({ DefaultSecureProtocols: 0x800 });
    expect(machine.values[WINHTTP32]).toEqual({ DefaultSecureProtocols: 0x8a0 });
    const undoDir = path.join(desktop.home, 'pec-doctor', 'riparazioni');
    const [undo] = fs.readdirSync(undoDir);
    await expect(result.getByTestId('repair-undo-file')).toContainText(path.join(undoDir, undo));
    const restart = result.getByTestId('repair-restart');
    await expect(restart.getByRole('button', { name: 'Riavvia ora' })).toBeVisible();
    await expect(restart.getByRole('button', { name: 'Più tardi' })).toBeVisible();
    await shots(page, 'done');

    await restart.getByRole('button', { name: 'Riavvia ora' }).click();
    await expect(page.getByTestId('repair-restart-status')).toHaveText(/si riavvierà tra 60 secondi/);
    expect(JSON.parse(fs.readFileSync(path.join(machineDir, 'restart.json'), 'utf8'))).toEqual({ restart: 'shutdown.exe /r /t 60' });
  } finally {
    await dovecot.stop();
  }
});

test('no stand-in machine and not Windows: the results have no repair button', async ({ desktop, certs }) => {
  test.setTimeout(120_000);
  const dovecot = await startDovecot({ cert: certs.cert, key: certs.key });
  try {
    const app = desktop.launch();
    const page = await app.page();
    await page.getByText('Impostazioni avanzate (per il tecnico)').click();
    await page.getByLabel('Server', { exact: true }).fill(`imaps://127.0.0.1:${dovecot.ports.imaps}`);
    await page.getByLabel('Controlla solo quanto indicato qui (non gli account trovati)').check();
    await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused({ timeout: 60_000 });
    // planRepair answered (unavailable) before we look
    const logs = path.join(desktop.home, 'pec-doctor', 'logs');
    const logText = () =>
      fs.existsSync(logs)
        ? fs
            .readdirSync(logs)
            .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
            .join('')
        : '';
    await expect.poll(logText).toMatch(/repair\.offer \{"status":"unavailable"\}/);
    await expect(page.getByTestId('repair-entry')).toHaveCount(0);
  } finally {
    await dovecot.stop();
  }
});
