// The short Italian summary printed by `pec-doctor inventory` (the JSON has everything).
import type { Inventory, SchannelProtocol } from './types';
import { protocolsOfMask } from './schannel';
import { languagePackAfterKb } from './servicing';

const STATE_IT: Record<string, string> = { enabled: 'attivo', disabled: 'disattivato', unknown: 'sconosciuto' };

function schannelLine(name: string, p: SchannelProtocol): string {
  if (p.supported === false) return `    ${name}: non supportato da questa versione di Windows`;
  const how =
    p.decidedBy === 'registry'
      ? `registro: Enabled=${p.enabled ?? '-'}, DisabledByDefault=${p.disabledByDefault ?? '-'}`
      : p.effective === 'unknown'
        ? 'predefinito di Windows, non documentato per questa versione'
        : 'predefinito di Windows';
  return `    ${name}: ${STATE_IT[p.effective]} (${how})`;
}

const hex = (n: number | null) =>
  n === null ? 'assente' : `0x${n.toString(16).toUpperCase()} (${(protocolsOfMask(n) ?? []).join(', ') || 'nessun protocollo'})`;

export function inventorySummary(inv: Inventory): string {
  const out: string[] = [];
  const os = inv.os;
  const extra = [os.edition, os.displayVersion && !os.name?.includes(os.displayVersion) ? os.displayVersion : null]
    .filter(Boolean)
    .join(', ');
  out.push(`Sistema: ${os.name ?? 'sistema sconosciuto'}${extra ? ` (${extra})` : ''}`);
  out.push(`  versione ${os.version ?? '?'}${os.build ? `, build ${os.build}` : ''}, architettura ${os.arch ?? '?'}`);
  if (os.productType === 'server')
    out.push(
      os.terminalServer
        ? '  edizione server, server terminal (Desktop remoto): un riavvio chiude le sessioni di tutti gli utenti'
        : `  edizione server${os.terminalServer === null ? ' (server terminal: non verificato)' : ''}`,
    );
  out.push('Programmi di posta:');
  if (inv.clients.length === 0) out.push('  nessuno trovato');
  for (const c of inv.clients) {
    const extra = [
      c.marketingName ? `(${c.marketingName})` : null,
      c.bitness ? `${c.bitness} bit` : null,
      c.installType === 'click-to-run'
        ? 'Click-to-Run'
        : c.installType === 'msi'
          ? 'MSI'
          : c.installType === 'msix'
            ? 'app di Windows (MSIX)'
            : null,
    ].filter(Boolean);
    out.push(`  ${c.name} ${c.version ?? 'versione sconosciuta'}${extra.length ? ' ' + extra.join(', ') : ''}`);
  }
  out.push('Browser:');
  if (inv.browsers.length === 0) out.push('  nessuno trovato');
  for (const b of inv.browsers) out.push(`  ${b.name} ${b.version ?? 'versione sconosciuta'}`);
  if (inv.runtimes.length) out.push(`Componenti: ${inv.runtimes.map((r) => `${r.name} ${r.version ?? '?'}`).join(', ')}`);
  const w = inv.windows;
  if (w) {
    out.push('Impostazioni TLS di Windows (SChannel, lato client):');
    for (const [name, p] of Object.entries(w.schannel)) out.push(schannelLine(name, p));
    const is64 = inv.os.arch === 'x64' || inv.os.arch === 'arm64';
    out.push(
      is64
        ? `  WinHTTP DefaultSecureProtocols: 64 bit ${hex(w.winhttp.defaultSecureProtocols64)}; 32 bit (Wow6432Node) ${hex(w.winhttp.defaultSecureProtocols32)}`
        : `  WinHTTP DefaultSecureProtocols: ${hex(w.winhttp.defaultSecureProtocols64)}`,
    );
    out.push(`  Internet Settings SecureProtocols: HKCU ${hex(w.internetSettings.hkcu)}; HKLM ${hex(w.internetSettings.hklm)}`);
    // Only where it was looked for: Windows 10/11 never need it, and "non verificato" there is noise.
    const kbNotChecked = w.evidence.some((e) => e.source === 'KB3140245' && /^not checked/.test(e.raw ?? ''));
    if (!kbNotChecked)
      out.push(`  Aggiornamento KB3140245: ${w.kb3140245 === null ? 'non verificato' : w.kb3140245 ? 'installato' : 'NON installato'}`);
    if (w.kb4019276 !== undefined)
      out.push(
        `  Aggiornamento KB4019276 (TLS 1.1/1.2 per Windows Server 2008 SP2): ${w.kb4019276 === null ? 'non verificato' : w.kb4019276 ? 'installato' : 'NON installato'}`,
      );
    if (w.servicing) {
      const trap = languagePackAfterKb(w.servicing);
      const lp = w.servicing.languagePacks.map((p) => p.name.split('~')[3] || p.name).join(', ');
      if (trap)
        out.push(
          `  ATTENZIONE: pacchetto di lingua installato dopo KB3140245 (${trap.installedAt?.slice(0, 10) ?? '?'}): KB3140245 va reinstallato`,
        );
      else if (lp) out.push(`  Pacchetti di lingua: ${lp}${trap === null ? ' (date di installazione non leggibili)' : ''}`);
    }
    const d = w.dotnet;
    out.push(
      `  .NET Framework: ${d.version ?? 'nessun 4.x'}${d.release !== null ? ` (Release ${d.release})` : ''}; SchUseStrongCrypto ${d.schUseStrongCrypto ?? 'assente'}, SystemDefaultTlsVersions ${d.systemDefaultTlsVersions ?? 'assente'}`,
    );
  }
  if (inv.windows && inv.antivirusChecked === false)
    out.push(
      inv.os.productType === 'server'
        ? 'Antivirus: non verificato (Windows Server non ha il Centro sicurezza che li elenca)'
        : 'Antivirus: non verificato (elenco di Windows non leggibile)',
    );
  for (const a of inv.antivirus) {
    out.push(
      `Antivirus: ${a.name}${a.state ? ` (${a.state})` : ''}${a.interceptsMail ? ` — può intercettare la posta cifrata: ${a.interceptsMail}` : ''}`,
    );
  }
  const c = inv.clock;
  out.push(`Orologio: ${c.now}${c.beforeBuildDate ? ` — ATTENZIONE: data precedente a quella di questa versione (${c.buildDate})` : ''}`);
  if (inv.errors.length) {
    out.push(`Non letti (${inv.errors.length}):`);
    for (const e of inv.errors) out.push(`  ${e.source}: ${e.error}`);
  }
  if (inv.collectedFrom && inv.collectedFrom !== 'machine') out.push(`(dati registrati: ${inv.collectedFrom})`);
  out.push('Dettagli completi, con i dati letti: pec-doctor inventory --json');
  return out.join('\n') + '\n';
}
