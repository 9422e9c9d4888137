// The typed registry fix of one Windows machine: which values change, from what to what, and
// which updates must be installed for them to matter. One pure function from the Windows
// family and the values read; the .reg writer (src/report/reg-fix.ts) and the repair both use
// it, so a file and a repair never differ. Keys come from a closed list and values are DWORD
// integers checked in range: no text read from a machine or a report ever becomes a key.
// Only what TLS 1.2 needs: SChannel's TLS 1.2 client side and WinHTTP's TLS 1.2 bit, never
// TLS 1.0/1.1, nothing on a healthy machine, other WinHTTP bits kept. Facts: docs/windows-family.md.
import type { WindowsTls } from '../inventory/types';
import type { RequiredUpdate, WindowsFamily } from '../diagnosis/windows-family';
import { schannelTls12ClientOn } from '../diagnosis/windows-family';
import type { Text } from '../util/text';
import { text } from '../util/text';

const HKLM = 'HKEY_LOCAL_MACHINE';

/** Every key a fix may touch. */
export const FIX_KEYS = {
  schannelTls12Client: `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client`,
  /** The native view (the only one on 32-bit Windows). */
  winhttpNative: `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp`,
  /** 32-bit programs on 64-bit Windows (Outlook 32-bit among them). */
  winhttpWow64: `${HKLM}\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp`,
} as const;

export type FixKeyId = keyof typeof FIX_KEYS;
export type FixValueName = 'Enabled' | 'DisabledByDefault' | 'DefaultSecureProtocols';

/** WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_2. */
export const WINHTTP_TLS12 = 0x800;

export interface FixValue {
  key: FixKeyId;
  name: FixValueName;
  /** What the machine has: a DWORD, null when absent, undefined when it could not be read. */
  before: number | null | undefined;
  after: number;
}

/** The values a fix needs to know, as read from the machine (undefined: not read). */
export interface FixInputs {
  schannelTls12Client: { enabled: number | null | undefined; disabledByDefault: number | null | undefined };
  winhttp: { native: number | null | undefined; wow64: number | null | undefined };
}

export type RegistryFix =
  | { status: 'needed'; values: FixValue[]; updates: RequiredUpdate[]; notes: Text[] }
  | { status: 'not-needed' | 'impossible' | 'unknown'; reason: Text };

export const isDword = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffffffff;

/** A DWORD or null (absent) as stored; anything else (a saved report's string, say) counts as not read. */
const dwordOrNull = (v: unknown): number | null | undefined => (v === null ? null : isDword(v) ? v : undefined);

/** The fix's inputs from an inventory's WindowsTls (a report or a recorded machine). */
export function fixInputsOf(win: WindowsTls): FixInputs {
  const s = win.schannel['TLS 1.2'];
  // A key that could not be read leaves its values unknown, not absent.
  const unread = s.effective === 'unknown' && s.decidedBy === undefined && s.enabled === null && s.disabledByDefault === null;
  return {
    schannelTls12Client: {
      enabled: unread ? undefined : dwordOrNull(s.enabled),
      disabledByDefault: unread ? undefined : dwordOrNull(s.disabledByDefault),
    },
    winhttp: { native: dwordOrNull(win.winhttp?.defaultSecureProtocols64), wow64: dwordOrNull(win.winhttp?.defaultSecureProtocols32) },
  };
}

const pendingUpdates = (updates: readonly RequiredUpdate[]) => updates.filter((u) => u.installed !== true);

/** The fix for this machine. Pure: the same family and values give the same fix. */
export function planRegistryFix(family: WindowsFamily, inputs: FixInputs): RegistryFix {
  if (family.tls12.route === 'impossible') {
    return {
      status: 'impossible',
      reason: text(
        `Su ${family.name} nessuna chiave di registro né aggiornamento aggiunge TLS 1.2 ai programmi che usano Windows (Outlook): serve un altro programma di posta con TLS proprio, la webmail o un Windows più recente.`,
        `On ${family.name} no registry key or update adds TLS 1.2 to the programs that use Windows (Outlook): another mail program with its own TLS, the webmail or a newer Windows is needed.`,
      ),
    };
  }
  const values = [...schannelValues(family, inputs), ...winhttpValues(family, inputs)];
  const updates = family.tls12.updates;
  if (values.length === 0 && pendingUpdates(updates).length === 0) {
    return {
      status: 'not-needed',
      reason: text(
        'Le impostazioni TLS 1.2 di Windows su questo computer sono già quelle giuste: non c’è nulla da correggere.',
        'This computer’s Windows TLS 1.2 settings are already right: nothing to fix.',
      ),
    };
  }
  const notes: Text[] = [];
  if (values.some((v) => v.before === undefined)) {
    notes.push(
      text(
        'Alcuni valori non erano leggibili: il file di annullamento non li tocca.',
        'Some values could not be read: the undo file leaves them alone.',
      ),
    );
  }
  return { status: 'needed', values, updates, notes };
}

function schannelValues(family: WindowsFamily, inputs: FixInputs): FixValue[] {
  const { enabled, disabledByDefault } = inputs.schannelTls12Client;
  const known = enabled !== undefined && disabledByDefault !== undefined;
  if (known && schannelTls12ClientOn({ tls12: { ...family.tls12, schannelHasIt: true } }, { enabled, disabledByDefault })) return [];
  const off = family.tls12.schannelOffByDefault;
  const out: FixValue[] = [];
  // Where TLS 1.2 is on by default, only a value that switches it off is rewritten.
  if (enabled === undefined || enabled === 0 || (enabled === null && off)) {
    out.push({ key: 'schannelTls12Client', name: 'Enabled', before: enabled, after: 1 });
  }
  if (disabledByDefault === undefined || (disabledByDefault !== null && disabledByDefault !== 0) || (disabledByDefault === null && off)) {
    out.push({ key: 'schannelTls12Client', name: 'DisabledByDefault', before: disabledByDefault, after: 0 });
  }
  return out;
}

function winhttpValues(family: WindowsFamily, inputs: FixInputs): FixValue[] {
  const views: FixKeyId[] = family.arch === 'x86' ? ['winhttpNative'] : ['winhttpNative', 'winhttpWow64'];
  const out: FixValue[] = [];
  for (const key of views) {
    const before = key === 'winhttpWow64' ? inputs.winhttp.wow64 : inputs.winhttp.native;
    // Where WinHTTP has TLS 1.2 by default (8.1 and later), only a value without its bit is a fault.
    if (!family.tls12.winhttpNeedsValue && (before === null || before === undefined)) continue;
    if (isDword(before) && (before & WINHTTP_TLS12) !== 0) continue;
    out.push({ key, name: 'DefaultSecureProtocols', before, after: isDword(before) ? (before | WINHTTP_TLS12) >>> 0 : WINHTTP_TLS12 });
  }
  return out;
}

/** The values an undo puts back: each value's `before` (absent → deleted); unread ones are left alone. */
export function undoValues(values: readonly FixValue[]): { key: FixKeyId; name: FixValueName; value: number | null }[] {
  return values.filter((v) => v.before !== undefined).map((v) => ({ key: v.key, name: v.name, value: v.before as number | null }));
}
