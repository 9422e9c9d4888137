// SChannel client protocol state, WinHTTP DefaultSecureProtocols and Internet Settings
// SecureProtocols: the registry values that decide whether Outlook (SChannel) and WinHTTP
// callers can speak TLS 1.2 on this Windows.
import type { ProtocolState, SchannelProtocol } from './types';
import { regNumber, regPathKey, regValue, type RegKey } from '../platform/registry';

export type SchannelName = 'TLS 1.0' | 'TLS 1.1' | 'TLS 1.2' | 'TLS 1.3';
export const SCHANNEL_PROTOCOLS: SchannelName[] = ['TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];

export const SCHANNEL_PROTOCOLS_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';

/** Client-side default of one protocol on one Windows: supported at all, and enabled without registry values. */
export interface ProtocolDefault {
  supported: boolean | null;
  /** true = enabled, false = disabled by default, null = not documented. */
  enabled: boolean | null;
}

type Row = Record<SchannelName, ProtocolDefault>;
const ON: ProtocolDefault = { supported: true, enabled: true };
const OFF: ProtocolDefault = { supported: true, enabled: false };
const NONE: ProtocolDefault = { supported: false, enabled: false };
const UNDOCUMENTED: ProtocolDefault = { supported: null, enabled: null };

// Per-OS client defaults. Source: Microsoft, "Protocols in TLS/SSL (Schannel SSP)" (MicrosoftDocs/
// win32 desktop-src/SecAuthN/protocols-in-tls-ssl--schannel-ssp-.md), via docs/facts/windows-and-clients.md §3:
// Vista: TLS 1.1/1.2 not supported; 7: TLS 1.1/1.2 disabled; 8, 8.1, 10 1507–1703: all enabled.
// XP is older than Vista and has the same TLS 1.0-only SChannel (inference from the Vista row).
// TLS 1.3 is not in that table: for Windows before 10 we infer "not supported" (their SChannel
// predates TLS 1.3); for 10/11 it is left undocumented. Windows 10 after 1703 and Windows 11 are
// not in the table either: TLS 1.2 stays enabled (enabled in every row since Windows 8), TLS
// 1.0/1.1 are left undocumented rather than guessed.
export const SCHANNEL_DEFAULTS: { release: string; maxBuild: number; row: Row }[] = [
  { release: 'Windows XP', maxBuild: 3790, row: { 'TLS 1.0': ON, 'TLS 1.1': NONE, 'TLS 1.2': NONE, 'TLS 1.3': NONE } },
  { release: 'Windows Vista', maxBuild: 6003, row: { 'TLS 1.0': ON, 'TLS 1.1': NONE, 'TLS 1.2': NONE, 'TLS 1.3': NONE } },
  { release: 'Windows 7', maxBuild: 7601, row: { 'TLS 1.0': ON, 'TLS 1.1': OFF, 'TLS 1.2': OFF, 'TLS 1.3': NONE } },
  { release: 'Windows 8', maxBuild: 9200, row: { 'TLS 1.0': ON, 'TLS 1.1': ON, 'TLS 1.2': ON, 'TLS 1.3': NONE } },
  { release: 'Windows 8.1', maxBuild: 9600, row: { 'TLS 1.0': ON, 'TLS 1.1': ON, 'TLS 1.2': ON, 'TLS 1.3': NONE } },
  { release: 'Windows 10 1507–1703', maxBuild: 15063, row: { 'TLS 1.0': ON, 'TLS 1.1': ON, 'TLS 1.2': ON, 'TLS 1.3': UNDOCUMENTED } },
  {
    release: 'Windows 10 1709+ / 11',
    maxBuild: Number.MAX_SAFE_INTEGER,
    row: { 'TLS 1.0': UNDOCUMENTED, 'TLS 1.1': UNDOCUMENTED, 'TLS 1.2': ON, 'TLS 1.3': UNDOCUMENTED },
  },
];

// Windows Server 2008 SP2 with KB4019276: the same table's "Windows Server 2008 SP2" row, TLS 1.1
// and 1.2 supported but disabled by default (Microsoft's KB4019276 article says the same).
const NT60_WITH_KB4019276: Row = { 'TLS 1.0': ON, 'TLS 1.1': OFF, 'TLS 1.2': OFF, 'TLS 1.3': NONE };

export function schannelDefaults(build: number | null, options: { kb4019276?: boolean | null } = {}): Row | null {
  if (build === null) return null;
  if (options.kb4019276 === true && build >= 6000 && build < 7000) return NT60_WITH_KB4019276;
  return SCHANNEL_DEFAULTS.find((d) => build <= d.maxBuild)?.row ?? null;
}

const state = (b: boolean | null): ProtocolState => (b === null ? 'unknown' : b ? 'enabled' : 'disabled');

/**
 * Effective client state (Microsoft, "TLS registry settings"): Enabled = 0 → never negotiated;
 * Enabled ≠ 0 and DisabledByDefault ≠ 0 → only when the caller asks for it explicitly, which
 * mail clients do not; Enabled ≠ 0 and DisabledByDefault = 0 → enabled. A missing value takes
 * the OS default; an unsupported protocol stays off whatever the registry says.
 */
export function effectiveProtocol(enabled: number | null, disabledByDefault: number | null, def: ProtocolDefault | null): SchannelProtocol {
  const osDefault = def ? state(def.enabled) : 'unknown';
  const decidedBy: SchannelProtocol['decidedBy'] = enabled !== null || disabledByDefault !== null ? 'registry' : 'os-default';
  let effective: ProtocolState;
  if (def && def.supported === false) effective = 'disabled';
  else if (enabled === 0) effective = 'disabled';
  else if (disabledByDefault !== null) effective = disabledByDefault !== 0 ? 'disabled' : 'enabled';
  // Enabled ≠ 0 without DisabledByDefault: still disabled by default where the OS default is off.
  else effective = osDefault;
  return { enabled, disabledByDefault, effective, osDefault, supported: def ? def.supported : null, decidedBy };
}

/** SChannel client state of each protocol from the Protocols tree (reg query ... /s) and the OS build. */
export function parseSchannel(
  tree: RegKey[],
  build: number | null,
  options: { kb4019276?: boolean | null } = {},
): Record<SchannelName, SchannelProtocol> {
  const defaults = schannelDefaults(build, options);
  const byPath = new Map(tree.map((k) => [regPathKey(k.path), k]));
  const out = {} as Record<SchannelName, SchannelProtocol>;
  for (const p of SCHANNEL_PROTOCOLS) {
    const client = byPath.get(regPathKey(`${SCHANNEL_PROTOCOLS_KEY}\\${p}\\Client`));
    out[p] = effectiveProtocol(
      regNumber(regValue(client, 'Enabled')),
      regNumber(regValue(client, 'DisabledByDefault')),
      defaults ? defaults[p] : null,
    );
  }
  return out;
}

// WinHTTP DefaultSecureProtocols bits. Source: KB3140245 / winhttp.h via docs/facts/windows-and-clients.md §2.
export const WINHTTP_PROTOCOL_BITS: { bit: number; name: string }[] = [
  { bit: 0x8, name: 'SSL 2.0' },
  { bit: 0x20, name: 'SSL 3.0' },
  { bit: 0x80, name: 'TLS 1.0' },
  { bit: 0x200, name: 'TLS 1.1' },
  { bit: 0x800, name: 'TLS 1.2' },
  { bit: 0x2000, name: 'TLS 1.3' },
];

/** 0xA80 → ['TLS 1.0', 'TLS 1.1', 'TLS 1.2']. */
export function protocolsOfMask(mask: number | null): string[] | null {
  if (mask === null) return null;
  return WINHTTP_PROTOCOL_BITS.filter((b) => (mask & b.bit) !== 0).map((b) => b.name);
}

export const WINHTTP_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
export const INTERNET_SETTINGS_HKLM = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
export const INTERNET_SETTINGS_HKCU = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

export function defaultSecureProtocols(key: RegKey | null): number | null {
  return regNumber(regValue(key, 'DefaultSecureProtocols'));
}

export function secureProtocols(key: RegKey | null): number | null {
  return regNumber(regValue(key, 'SecureProtocols'));
}
