// The Windows TLS settings that decide TLS 1.2 for Outlook and the rest: SChannel, WinHTTP,
// Internet Settings, KB3140245 and .NET Framework.
import type { Evidence } from '../util/evidence';
import type { WindowsTls } from './types';
import type { Source } from './source';
import { readRegKey, readRegTree, runCommand, ErrorLog } from './probe';
import {
  SCHANNEL_PROTOCOLS_KEY,
  WINHTTP_KEY,
  INTERNET_SETTINGS_HKCU,
  INTERNET_SETTINGS_HKLM,
  parseSchannel,
  defaultSecureProtocols,
  secureProtocols,
} from './schannel';
import { NDP_V4_FULL_KEY, DOTNET_FRAMEWORKS, dotnetFrameworkKey, parseNdpFull, parseDotnetTlsKey } from './dotnet';
import { parseHotfixIds, KB3140245_RELEASES, isNt60Build } from './hotfixes';
import { collectServicing } from './servicing';
import { powershellArgsWithEnd, powershellExe, psCompleted, wmicExe } from './windows-commands';

/**
 * Installed hotfix ids: wmic qfe, else Get-HotFix; null with evidence when neither works.
 * A list is trusted only when the tool visibly ran: wmic's list names at least one KB (every
 * Windows 7/8 has dozens; an empty answer is a broken WMI, not an unpatched machine), and
 * PowerShell printed our end marker (a stub or blocked PowerShell prints nothing, exit 0).
 */
export async function collectHotfixes(src: Source): Promise<{ ids: string[] | null; evidence: Evidence[] }> {
  const wmic = await runCommand(src, wmicExe(src), ['qfe', 'get', 'HotFixID', '/format:list'], { encoding: 'console', timeoutMs: 30_000 });
  const wmicIds = wmic.result.ok ? parseHotfixIds(wmic.result.stdout) : [];
  if (wmicIds.length > 0) return { ids: wmicIds, evidence: [wmic.evidence] };
  if (wmic.result.ok) wmic.evidence.error = 'no update listed (WMI answered without data)';
  const ps = await runCommand(src, powershellExe(src), powershellArgsWithEnd('Get-HotFix | Select-Object -ExpandProperty HotFixID'), {
    encoding: 'console',
    timeoutMs: 30_000,
  });
  const psIds = ps.result.ok && psCompleted(ps.result.stdout) ? parseHotfixIds(ps.result.stdout) : [];
  if (psIds.length > 0) return { ids: psIds, evidence: [wmic.evidence, ps.evidence] };
  if (ps.result.ok)
    ps.evidence.error = psCompleted(ps.result.stdout) ? 'no update listed' : 'PowerShell ended without running the command (no output)';
  return { ids: null, evidence: [wmic.evidence, ps.evidence] };
}

export async function collectWindowsTls(
  src: Source,
  log: ErrorLog,
  os: { build: number | null; release: string | null; is64: boolean },
): Promise<WindowsTls> {
  const native = os.is64 ? 64 : undefined;
  const views: (64 | 32 | undefined)[] = os.is64 ? [64, 32] : [undefined];
  const needsKb3140245 = os.release !== null && KB3140245_RELEASES.some((r) => os.release === r);
  // NT 6.0 (Vista, Server 2008 SP2): KB4019276 is the update that adds TLS 1.2 there.
  const nt60 = isNt60Build(os.build);
  const needsKb = needsKb3140245 || nt60;
  const [schannelTree, winhttpReads, isHklm, isHkcu, ndp, dotnetReads, hotfixes, servicing] = await Promise.all([
    readRegTree(src, SCHANNEL_PROTOCOLS_KEY, native),
    Promise.all(views.map((v) => readRegKey(src, WINHTTP_KEY, v))),
    readRegKey(src, INTERNET_SETTINGS_HKLM, native, ['SecureProtocols']),
    readRegKey(src, INTERNET_SETTINGS_HKCU, undefined, ['SecureProtocols']),
    readRegKey(src, NDP_V4_FULL_KEY, native),
    Promise.all(
      views.flatMap((v) =>
        DOTNET_FRAMEWORKS.map((f) => readRegKey(src, dotnetFrameworkKey(f), v).then((r) => ({ r, f, view: (v ?? 64) as 64 | 32 }))),
      ),
    ),
    needsKb ? collectHotfixes(src) : Promise.resolve(null),
    needsKb ? collectServicing(src, native, { kb4019276: nt60 }) : Promise.resolve(null),
  ]);
  const evidence: Evidence[] = [
    schannelTree.evidence,
    ...winhttpReads.map((r) => r.evidence),
    isHklm.evidence,
    isHkcu.evidence,
    ndp.evidence,
    ...dotnetReads.map((d) => d.r.evidence),
  ];
  if (hotfixes) evidence.push(...hotfixes.evidence);
  if (servicing) evidence.push(...servicing.evidence);
  log.add(
    ...evidence.filter((e) => (!hotfixes || !hotfixes.evidence.includes(e) || hotfixes.ids === null) && !servicing?.evidence.includes(e)),
  );
  // The servicing store is optional evidence: only its failure to list is worth an error line.
  if (servicing && servicing.servicing === null) log.add(servicing.evidence[0]);

  // Unknown unless an update list was actually read: the hotfix list, else the servicing store
  // (Win32_QuickFixEngineering is built from the same store, so its package list decides too).
  const kbFromLists = (kb: 'KB3140245' | 'KB4019276', packages: unknown[] | undefined): boolean | null => {
    if (hotfixes && hotfixes.ids) return hotfixes.ids.includes(kb);
    if (servicing?.servicing && packages) {
      const found = packages.length > 0;
      evidence.push({
        source: kb,
        raw: `update list not readable; servicing store ${found ? 'lists' : 'does not list'} Package_for_${kb}`,
      });
      return found;
    }
    return null;
  };
  const kb4019276 = nt60 ? kbFromLists('KB4019276', servicing?.servicing?.kb4019276) : null;
  const schannel = parseSchannel(schannelTree.keys, os.build, { kb4019276 });
  // A key that could not be read is unknown, not "OS default".
  if (schannelTree.error) for (const p of Object.values(schannel)) p.effective = 'unknown';
  const ndpFull = parseNdpFull(ndp.key);
  const keys = dotnetReads.filter((d) => d.r.key).map((d) => parseDotnetTlsKey(d.r.key, d.f, d.view));
  const nativeV4 = keys.find((k) => k.framework === 'v4.0.30319' && k.view === 64) ?? null;
  const kb3140245 = needsKb3140245 ? kbFromLists('KB3140245', servicing?.servicing?.kb3140245) : null;
  if (!needsKb3140245)
    evidence.push({ source: 'KB3140245', raw: `not checked: only Windows 7 and 8 need it (this is ${os.release ?? 'unknown'})` });
  if (nt60)
    evidence.push({
      source: 'KB4019276',
      raw: `looked for on NT 6.0 (build ${os.build}): ${kb4019276 === null ? 'update list not readable' : kb4019276 ? 'installed' : 'not installed'}`,
    });
  return {
    schannel,
    winhttp: {
      defaultSecureProtocols64: defaultSecureProtocols(winhttpReads[0].key),
      // On 32-bit Windows there is one view: the same value stands for both.
      defaultSecureProtocols32: defaultSecureProtocols((winhttpReads[1] ?? winhttpReads[0]).key),
    },
    internetSettings: { hkcu: secureProtocols(isHkcu.key), hklm: secureProtocols(isHklm.key) },
    kb3140245,
    ...(nt60 ? { kb4019276 } : {}),
    dotnet: {
      release: ndpFull.release,
      version: ndpFull.version,
      schUseStrongCrypto: nativeV4?.schUseStrongCrypto ?? null,
      systemDefaultTlsVersions: nativeV4?.systemDefaultTlsVersions ?? null,
      keys,
    },
    hotfixes: hotfixes?.ids ?? null,
    servicing: servicing?.servicing ?? null,
    evidence,
  };
}
