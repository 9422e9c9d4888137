// Antivirus products registered in Windows Security Center. Their mail/web shields often sit in
// the middle of the mail client's TLS connection and re-sign it with their own root.
import type { AntivirusInfo } from './types';
import type { Evidence } from '../util/evidence';
import type { Source } from './source';
import { runCommand, ErrorLog } from './probe';
import { powershellArgsWithEnd, powershellExe, psCompleted, wmicExe } from './windows-commands';

/** Records of `wmic ... get displayName,productState /format:list` (or PowerShell Format-List): blank-line separated key=value / key : value. */
export function parseSecurityCenter(output: string): { name: string; productState: number | null }[] {
  const out: { name: string; productState: number | null }[] = [];
  const blocks = output.replace(/\r+\n/g, '\n').split(/\n\s*\n/);
  for (const block of blocks) {
    let name: string | null = null;
    let state: number | null = null;
    for (const line of block.split('\n')) {
      const m = /^\s*(displayName|productState)\s*[=:]\s*(.*?)\s*$/i.exec(line);
      if (!m) continue;
      if (m[1].toLowerCase() === 'displayname') name = m[2];
      else state = /^\d+$/.test(m[2]) ? Number(m[2]) : null;
    }
    if (name) out.push({ name, productState: state });
  }
  return out;
}

/**
 * productState is undocumented. Its widely used reading (third-party scripts and forum
 * reverse engineering, not Microsoft): as 6 hex digits, the middle byte 0x10/0x11 = real-time
 * protection on, 0x00/0x01 = off; the low byte 0x00 = signatures up to date, 0x10 = out of date.
 */
export function decodeProductState(state: number | null): { enabled: boolean | null; upToDate: boolean | null } {
  if (state === null) return { enabled: null, upToDate: null };
  const scanner = (state >> 8) & 0xff;
  const signatures = state & 0xff;
  return {
    enabled: scanner === 0x10 || scanner === 0x11 ? true : scanner === 0x00 || scanner === 0x01 ? false : null,
    upToDate: signatures === 0x00 ? true : signatures === 0x10 ? false : null,
  };
}

// Products whose mail shield intercepts IMAPS/POP3S/SMTPS, with the issuer they sign with.
// Source: docs/facts/windows-and-clients.md §10 (vendor KBs and public notes).
export const MAIL_INTERCEPTING_AV: { match: RegExp; shield: string }[] = [
  { match: /avast/i, shield: 'Avast Web/Mail Shield (CN=Avast Web/Mail Shield Root)' },
  { match: /\bAVG\b/i, shield: 'AVG Web/Mail Shield (CN=AVG Web/Mail Shield Root)' },
  { match: /\bESET\b/i, shield: 'ESET SSL/TLS filtering (CN=ESET SSL Filter CA)' },
  { match: /kaspersky/i, shield: 'Kaspersky (CN=Kaspersky Anti-Virus Personal Root Certificate)' },
  { match: /bitdefender/i, shield: 'Bitdefender (Bitdefender Personal CA.Net-Defender)' },
  { match: /norton/i, shield: 'Norton Email Protection (Norton Web/Mail Shield Root)' },
];

export function antivirusEntries(records: { name: string; productState: number | null }[], evidence: Evidence[]): AntivirusInfo[] {
  return records.map((r) => {
    const d = decodeProductState(r.productState);
    const state =
      d.enabled === null ? null : `${d.enabled ? 'attivo' : 'disattivato'}${d.upToDate === false ? ', firme non aggiornate' : ''}`;
    return {
      name: r.name,
      state,
      enabled: d.enabled,
      upToDate: d.upToDate,
      productState: r.productState,
      interceptsMail: MAIL_INTERCEPTING_AV.find((a) => a.match.test(r.name))?.shield ?? null,
      evidence,
    };
  });
}

export interface AntivirusRead {
  entries: AntivirusInfo[];
  /** false when Security Center could not be read: [] then means "non verificato", not "none". */
  checked: boolean;
}

/**
 * Windows Vista and later register products in root\SecurityCenter2; XP in root\SecurityCenter.
 * wmic answers "No Instance(s) Available." (stderr, exit 0) when none is registered; PowerShell's
 * answer counts only with our end marker, so a stub or blocked PowerShell is "not checked".
 */
export async function collectAntivirus(
  src: Source,
  log: ErrorLog,
  namespace: 'SecurityCenter2' | 'SecurityCenter',
): Promise<AntivirusRead> {
  const wmic = await runCommand(
    src,
    wmicExe(src),
    [`/namespace:\\\\root\\${namespace}`, 'path', 'AntiVirusProduct', 'get', 'displayName,productState', '/format:list'],
    { encoding: 'console' },
  );
  if (wmic.result.ok) return { entries: antivirusEntries(parseSecurityCenter(wmic.result.stdout), [wmic.evidence]), checked: true };
  // No wmic (Windows 11 24H2+) or it failed: PowerShell's Get-WmiObject (PowerShell 2 and later).
  const ps = await runCommand(
    src,
    powershellExe(src),
    powershellArgsWithEnd(`Get-WmiObject -Namespace root\\${namespace} -Class AntiVirusProduct | Format-List displayName,productState`),
    { encoding: 'console' },
  );
  if (ps.result.ok && psCompleted(ps.result.stdout))
    return { entries: antivirusEntries(parseSecurityCenter(ps.result.stdout), [wmic.evidence, ps.evidence]), checked: true };
  if (ps.result.ok) ps.evidence.error = 'PowerShell ended without running the command (no output)';
  log.add(wmic.evidence, ps.evidence);
  return { entries: [], checked: false };
}
