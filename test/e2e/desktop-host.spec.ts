// What only the desktop app's host does, checked with a stand-in for the Electron preload
// (window.pecDoctor, the same BridgeApi contract): PDF as the default report format, "saved"
// with the path the user chose, a cancelled save dialog, links opened by the system ('opened')
// or refused. The report itself comes from the real rules (office-report.ts).
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Report } from '../../src/api';
import { test, expect } from './fixtures';
import { collectPageErrors, expectNoAxeViolations, screenshots } from './helpers';
import { windows7OfficeReport } from './office-report';

interface Recorded {
  saves: [string, boolean][];
  opens: string[];
  starts: number;
}

/** Installs the stand-in before the page's scripts run; `saveAnswers` are returned in turn. */
async function installDesktopHost(page: Page, report: Report, saveAnswers: unknown[], refused: string[]): Promise<void> {
  await page.addInitScript(
    ({ report, saveAnswers, refused }) => {
      const calls = { saves: [] as [string, boolean][], opens: [] as string[], starts: 0 };
      const listeners = new Set<(e: unknown) => void>();
      (window as unknown as { __calls: typeof calls }).__calls = calls;
      let n = 0;
      (window as unknown as Record<string, unknown>).pecDoctor = {
        getAppInfo: async () => ({ name: 'PEC Doctor', version: '9.9.9', host: 'electron', platform: 'win32 6.1.7601' }),
        getInventory: async () => report.inventory,
        findAccounts: async () => report.accounts,
        lookupAddress: async (email: string) =>
          report.context?.lookups.find((l) => l.email === email) ?? { email, provider: null, endpoints: [], message: null },
        startDiagnosis: async () => {
          calls.starts = (calls.starts ?? 0) + 1;
          setTimeout(() => {
            const line = { id: 'system:os', group: 'system', label: { it: 'Sistema operativo', en: 'Operating system' }, state: 'ok' };
            for (const l of listeners) l({ runId: 'x', kind: 'progress', item: line, fraction: 0.2 });
            const message = { it: 'La diagnosi si è interrotta: disco pieno', en: 'The diagnosis stopped: disk full' };
            for (const l of listeners) l({ runId: 'x', kind: 'failed', message });
          }, 100);
          return { runId: 'x' };
        },
        cancelDiagnosis: async () => undefined,
        // A normal start (not the re-check after a repair's restart), no repair made here.
        getStartupIntent: async () => ({ kind: 'normal' }),
        listRepairs: async () => [],
        evaluateReport: async (json: string) => JSON.parse(json),
        renderReport: async () => ({ fileName: 'r.json', mimeType: 'application/json', content: '{}' }),
        saveReport: async (_r: unknown, format: string, redact: boolean) => {
          calls.saves.push([format, redact]);
          const answer = saveAnswers[Math.min(n++, saveAnswers.length - 1)] as { throw?: string };
          if (answer.throw) throw new Error(answer.throw);
          return answer;
        },
        openExternal: async (url: string) => {
          calls.opens.push(url);
          return refused.includes(url) ? { status: 'refused', reason: 'not on the allow-list' } : { status: 'opened' };
        },
        onDiagnosisEvent: (l: (e: unknown) => void) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
      };
    },
    { report, saveAnswers, refused },
  );
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __calls: Recorded }).__calls);

test('desktop app: PDF by default, saved where the user chose, a cancelled dialog says nothing, errors say so', async ({
  page,
  bridge,
}, testInfo) => {
  const report = await windows7OfficeReport();
  const file = testInfo.outputPath('office.json');
  writeFileSync(file, JSON.stringify(report));
  await installDesktopHost(
    page,
    report,
    [{ status: 'saved', path: 'C:\\Users\\Studio\\Documenti\\pec-doctor.pdf' }, { status: 'cancelled' }, { throw: 'disco pieno' }],
    [],
  );
  const errors = collectPageErrors(page);
  // The bridge only serves the built files here: every call goes to the stand-in.
  await page.goto(bridge.url);
  await expect(page.getByTestId('version')).toHaveText('Versione 9.9.9');
  await page.getByLabel('Apri un rapporto salvato…').setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused();

  await expect(page.getByLabel('PDF (da leggere e stampare)')).toBeChecked();
  // In the desktop the PDF is saved directly: the web UI's print hint is not shown.
  await expect(page.getByText('il rapporto si apre in una nuova scheda con la finestra di stampa', { exact: false })).toHaveCount(0);
  await page.getByLabel('Nascondi indirizzi e nomi utente').check();
  await page.getByRole('button', { name: 'Salva rapporto' }).click();
  await expect(page.getByTestId('save-result')).toHaveText('Rapporto salvato in C:\\Users\\Studio\\Documenti\\pec-doctor.pdf');
  await screenshots(page, '5-report-saved-desktop');
  await expectNoAxeViolations(page, 'report saved (desktop)');

  await page.getByLabel('Pagina web (HTML)').check();
  await page.getByRole('button', { name: 'Salva rapporto' }).click();
  await expect(page.getByTestId('save-result')).toHaveCount(0);
  await page.getByRole('button', { name: 'Salva rapporto' }).click();
  await expect(page.getByRole('alert')).toContainText('Non è stato possibile salvare il rapporto.');
  await expect(page.getByRole('alert')).toContainText('disco pieno');
  expect((await recorded(page)).saves).toEqual([
    ['pdf', true],
    ['html', true],
    ['html', true],
  ]);
  expect(errors).toEqual([]);
});

test('desktop app: official links open in the system browser, a refused one gets a quiet note and nothing opens', async ({
  page,
  context,
  bridge,
}, testInfo) => {
  const report = await windows7OfficeReport();
  const file = testInfo.outputPath('office.json');
  writeFileSync(file, JSON.stringify(report));
  const links = report.findings.flatMap((f) => f.fix.links.map((l) => l.url));
  expect(links.length).toBeGreaterThan(1);
  await installDesktopHost(page, report, [{ status: 'cancelled' }], [links[1]]);
  await page.goto(bridge.url);
  await page.getByLabel('Apri un rapporto salvato…').setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused();
  let newPages = 0;
  context.on('page', () => newPages++);

  await page.locator(`a[href="${links[0]}"]`).first().click();
  await expect.poll(async () => (await recorded(page)).opens).toEqual([links[0]]);
  await page.locator(`a[href="${links[1]}"]`).first().click();
  await expect.poll(async () => (await recorded(page)).opens).toEqual([links[0], links[1]]);
  await expect(page.getByText('Questo collegamento non può essere aperto da qui.').first()).toBeVisible();
  expect(newPages).toBe(0);
});

test('a run that fails says so in plain words, keeps the checklist, and offers to try again', async ({ page, bridge }) => {
  const report = await windows7OfficeReport();
  await installDesktopHost(page, report, [{ status: 'cancelled' }], []);
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
  const failed = page.getByRole('heading', { level: 2, name: 'La diagnosi non è riuscita a terminare' });
  await expect(failed).toBeFocused();
  await expect(page.getByTestId('failure-message')).toHaveText('La diagnosi si è interrotta: disco pieno');
  await expect(page.getByTestId('check-line')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Annulla' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnosi interrotta');
  await screenshots(page, '2-running-failed');
  await expectNoAxeViolations(page, 'failed run');
  await page.getByRole('button', { name: 'Riprova' }).click();
  await expect(failed).toBeFocused();
  expect((await recorded(page)).starts).toBe(2);
  await page.getByRole('button', { name: 'Torna all’inizio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Controlliamo la tua PEC' })).toBeFocused();
});
