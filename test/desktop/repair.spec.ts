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
    await expect(changes.nth(3)).toContainText('DefaultSecureProtocols: ora 0x000000A0 (160), diventerà 0x000008A0 (2208)');
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

/** A stand-in Windows 7 SP1 x64 needing the four values; `uac` answers the administrator prompt. */
function standInWindows(home: string, uac: 'accept' | 'refuse') {
  const machineDir = path.join(home, 'stand-in-windows');
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
  fs.writeFileSync(path.join(machineDir, 'uac'), uac);
  return { machineDir, machineFile, before: fs.readFileSync(machineFile, 'utf8') };
}

/** Runs the check of one server, repairs with consent (prompt accepted), "Più tardi"; the history id of the run repaired. */
async function diagnoseAndRepair(page: Page, imaps: number): Promise<void> {
  await page.getByText('Impostazioni avanzate (per il tecnico)').click();
  await page.getByLabel('Server', { exact: true }).fill(`imaps://127.0.0.1:${imaps}`);
  await page.getByLabel('Controlla solo quanto indicato qui (non gli account trovati)').check();
  await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused({ timeout: 60_000 });
  await page.getByTestId('repair-entry').getByRole('button', { name: 'Ripara questo computer…' }).click();
  await page.getByTestId('repair-consent').getByRole('button', { name: 'Ripara ora' }).click();
  const result = page.getByTestId('repair-result');
  await expect(result).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await result.getByTestId('repair-restart').getByRole('button', { name: 'Più tardi' }).click();
  await expect(page.getByTestId('repair-restart-status')).toBeVisible();
}

interface RepairRec {
  runId: string | null;
  undoFile: string;
  undoneAt: string | null;
}
const records = (home: string): RepairRec[] =>
  JSON.parse(fs.readFileSync(path.join(home, 'pec-doctor', 'repairs.json'), 'utf8')) as RepairRec[];

test('after the restart: started with --after-repair, the app checks again by itself and shows before/after', async ({
  desktop,
  certs,
}) => {
  test.setTimeout(240_000);
  const { machineDir } = standInWindows(desktop.home, 'accept');
  const dovecot = await startDovecot({ cert: certs.cert, key: certs.key });
  let stopped = false;
  try {
    const first = desktop.launch({ env: { PEC_DOCTOR_TEST_REPAIR_MACHINE: machineDir } });
    await diagnoseAndRepair(await first.page(), dovecot.ports.imaps);
    // The repair's record names the run it started from (a run of the history).
    const [rec] = records(desktop.home);
    expect(rec.runId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fs.existsSync(rec.undoFile)).toBe(true);
    const runs = () => fs.readdirSync(path.join(desktop.home, 'pec-doctor', 'history'));
    expect(runs().join(' ')).toContain(rec.runId!);
    await first.close();

    // What Windows runs once after the restart (RunOnce): the app with the flag and the run before.
    const args = ['--after-repair', `--before=${rec.runId}`];
    const second = desktop.launch({ env: { PEC_DOCTOR_TEST_REPAIR_MACHINE: machineDir }, args });
    const page = await second.page();
    const after = page.getByTestId('after-repair');
    await expect(page.getByRole('heading', { level: 1, name: 'Dopo la riparazione' })).toBeFocused({ timeout: 60_000 });
    await expect(after.getByTestId('recheck-outcome')).toHaveAttribute('data-works', 'yes');
    await expect(after.getByTestId('recheck-outcome')).toContainText('Ora la PEC funziona.');
    // Before/after from the history: the run repaired, and the new one (same server: same checks).
    const comparison = after.getByTestId('comparison');
    await expect(comparison).toHaveAttribute('data-before-id', rec.runId!);
    await expect(comparison).toHaveAttribute('data-source', 'history');
    await expect(comparison.getByTestId('compare-remaining')).toBeVisible();
    await shots(page, 'after-restart');
    await after.getByRole('button', { name: 'Vedi il risultato completo' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused();
    await expect(page.getByTestId('comparison')).toHaveAttribute('data-before-id', rec.runId!);
    await second.close();

    // The server gone since: the re-check says what is still wrong.
    await dovecot.stop();
    stopped = true;
    const third = desktop.launch({ env: { PEC_DOCTOR_TEST_REPAIR_MACHINE: machineDir }, args });
    const page3 = await third.page();
    const outcome = page3.getByTestId('after-repair').getByTestId('recheck-outcome');
    await expect(outcome).toHaveAttribute('data-works', 'no', { timeout: 60_000 });
    await expect(outcome).toContainText('Resta ancora da sistemare:');
    await expect(outcome.getByTestId('recheck-still').getByRole('listitem').first()).toBeVisible();
    await expect(page3.getByTestId('after-repair').getByTestId('compare-added').getByRole('listitem').first()).toBeVisible();
    await shots(page3, 'after-restart-still');
    await third.close();

    // Started normally, the app does not re-check.
    const fourth = desktop.launch({ env: { PEC_DOCTOR_TEST_REPAIR_MACHINE: machineDir } });
    const page4 = await fourth.page();
    await expect(page4.getByRole('button', { name: 'Avvia la diagnosi' })).toBeVisible();
    // The host answered "normal" (its log says so for every start), and the start screen stays.
    const logs = path.join(desktop.home, 'pec-doctor', 'logs');
    const intents = () =>
      fs
        .readdirSync(logs)
        .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
        .join('')
        .match(/repair\.startup-intent \{"kind":"[a-z-]+"/g);
    await expect
      .poll(intents)
      .toEqual([
        'repair.startup-intent {"kind":"normal"',
        'repair.startup-intent {"kind":"after-repair"',
        'repair.startup-intent {"kind":"after-repair"',
        'repair.startup-intent {"kind":"normal"',
      ]);
    await expect(page4.getByRole('button', { name: 'Avvia la diagnosi' })).toBeVisible();
    await expect(page4.getByTestId('after-repair')).toHaveCount(0);
  } finally {
    if (!stopped) await dovecot.stop();
  }
});

test('history: "Annulla la riparazione" imports the undo file with one prompt (refused, then accepted), read back', async ({
  desktop,
  certs,
}) => {
  test.setTimeout(180_000);
  const { machineDir, machineFile, before } = standInWindows(desktop.home, 'accept');
  const dovecot = await startDovecot({ cert: certs.cert, key: certs.key });
  try {
    const app = desktop.launch({ env: { PEC_DOCTOR_TEST_REPAIR_MACHINE: machineDir } });
    const page = await app.page();
    await diagnoseAndRepair(page, dovecot.ports.imaps);
    const [rec] = records(desktop.home);
    const repaired = fs.readFileSync(machineFile, 'utf8');
    expect(repaired).not.toBe(before);

    await page.getByTestId('repair-result').getByRole('button', { name: 'Torna al risultato' }).click();
    await page.getByRole('button', { name: 'Nuova diagnosi' }).click();
    await page.getByRole('button', { name: 'Diagnosi precedenti' }).click();
    const row = page.locator(`[data-testid="history-run"][data-run-id="${rec.runId}"]`);
    await row.getByTestId('history-undo').click();
    const consent = page.getByTestId('undo-consent');
    await expect(consent).toBeFocused();
    await expect(consent).toContainText('Windows chiederà una sola volta il permesso dell’amministratore');
    await expect(consent.getByTestId('undo-value')).toHaveText([
      /^Attiva TLS 1\.2 per i programmi di posta \(SChannel\)Enabled: tornerà assente$/,
      /DisabledByDefault: tornerà assente$/,
      /a 64 bit\)DefaultSecureProtocols: tornerà assente$/,
      /a 32 bit, come Outlook a 32 bit\)DefaultSecureProtocols: tornerà 0x000000A0 \(160\)$/,
    ]);
    await consent.getByText('Dove, nel registro di Windows (per il tecnico)').click();
    await expect(consent.getByTestId('undo-keys').getByRole('listitem')).toHaveText([SCHANNEL, WINHTTP, WINHTTP32]);
    await expect(consent).toContainText(rec.undoFile);
    await shots(page, 'undo-consent');

    // Refused: nothing changed, the button stays.
    fs.writeFileSync(path.join(machineDir, 'uac'), 'refuse');
    await consent.getByRole('button', { name: 'Sì, annulla la riparazione' }).click();
    await expect(page.getByTestId('undo-result')).toHaveAttribute('data-status', 'refused');
    await expect(page.getByTestId('undo-result')).toContainText('nulla è stato cambiato');
    expect(fs.readFileSync(machineFile, 'utf8')).toBe(repaired);
    await page.getByTestId('undo-result').getByRole('button', { name: 'Chiudi' }).click();

    // Accepted: the values of before the repair, each read back; the button is gone.
    fs.writeFileSync(path.join(machineDir, 'uac'), 'accept');
    await row.getByTestId('history-undo').click();
    await page.getByTestId('undo-consent').getByRole('button', { name: 'Sì, annulla la riparazione' }).click();
    const result = page.getByTestId('undo-result');
    await expect(result).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(result.getByTestId('undo-readback').getByRole('listitem')).toHaveCount(4);
    await expect(result.getByTestId('undo-readback')).not.toContainText('diverso dal previsto');
    const machine = JSON.parse(fs.readFileSync(machineFile, 'utf8')) as { values: Record<string, Record<string, number>> };
    expect(machine.values[SCHANNEL]).toEqual({});
    expect(machine.values[WINHTTP]).toEqual({});
    expect(machine.values[WINHTTP32]).toEqual({ DefaultSecureProtocols: 0xa0 });
    expect(records(desktop.home)[0].undoneAt).not.toBeNull();
    await expect(row.getByTestId('history-undo')).toHaveCount(0);
    await shots(page, 'undo-done');
  } finally {
    await dovecot.stop();
  }
});
