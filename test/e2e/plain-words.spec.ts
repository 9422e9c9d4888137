// The secretary's cards speak plain Italian; the machine's words go to the technician. A real
// Dovecot with a self-signed certificate makes the core report `cert-untrusted` with OpenSSL's
// DEPTH_ZERO_SELF_SIGNED_CERT as its reason: the card says what it means without the code, which
// stays under "Dettaglio per il tecnico" and in the technician's view.
import { test, expect } from './fixtures';
import { collectPageErrors, screenshots } from './helpers';
import { startDovecot } from '../support/servers';

test('a self-signed server: the card has no OpenSSL code, the technician still gets it', async ({ page, bridge, certs }) => {
  test.setTimeout(120_000);
  const dovecot = await startDovecot({ cert: certs.selfSignedCert, key: certs.key });
  const url = `imaps://127.0.0.1:${dovecot.ports.imaps}`;
  try {
    const errors = collectPageErrors(page);
    await page.goto(bridge.url);
    await page.getByText('Impostazioni avanzate (per il tecnico)').click();
    await page.getByLabel('Server', { exact: true }).fill(url);
    await page.getByLabel('Controlla solo quanto indicato qui (non gli account trovati)').check();
    await page.getByRole('button', { name: 'Avvia la diagnosi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Risultato della diagnosi' })).toBeFocused({ timeout: 60_000 });

    const card = page.locator('[data-testid="finding"][data-finding-id="cert-untrusted"]');
    await expect(card).toBeVisible();
    await expect(card.getByTestId('finding-detail')).toContainText('non risulta firmato da un’autorità riconosciuta');
    // Nothing a secretary cannot read on the summary, as it is shown (folded details excluded).
    const shown = await page.locator('.summary').innerText();
    for (const jargon of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED', 'ClientHello', 'banner del servizio'])
      expect(shown).not.toContain(jargon);
    // The code is one click away for the technician, and in the technician's view.
    await card.getByText('Dettaglio per il tecnico').click();
    await expect(card.locator('.finding-tech')).toContainText('DEPTH_ZERO_SELF_SIGNED_CERT');
    await screenshots(page, '3-results-self-signed', { axe: true });
    await page.getByRole('button', { name: 'Dettagli per il tecnico' }).click();
    const endpoint = page.locator(`[data-testid="endpoint"][data-url="${url}"]`);
    await expect(endpoint.getByRole('row', { name: /^Affidabile/ })).toContainText('DEPTH_ZERO_SELF_SIGNED_CERT');
    await expect(endpoint.getByRole('row', { name: /^Affidabile/ })).toHaveAttribute('data-decisive', 'true');
    expect(errors).toEqual([]);
  } finally {
    await dovecot.stop();
  }
});
