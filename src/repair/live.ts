// The machine's state read again, just before a repair is planned and again before it is
// applied: the Windows family (OS read + update list) and the fix's values straight from reg.exe.
// Never from a report: a report is text that may be old, edited or from another computer.
import { FIX_KEYS, isDword, type FixInputs, type FixKeyId, type FixValueName } from '../fix/registry-fix';
import { windowsFamily, type WindowsFamily } from '../diagnosis/windows-family';
import { regValue, type Registry } from '../platform/registry';
import { collectWindowsOs } from '../inventory/windows-os';
import { collectWindowsTls } from '../inventory/windows-tls';
import { windowsReleaseOfBuild } from '../inventory/windows-os';
import { ErrorLog } from '../inventory/probe';
import type { Source } from '../inventory/source';
import { languagePackAfterKb } from '../inventory/servicing';
import type { ServicingPackage } from '../inventory/types';

/** The registry view flag for a key on this machine: 64 on 64-bit Windows, none on 32-bit. */
export function viewOf(arch: WindowsFamily['arch']): 64 | undefined {
  return arch === 'x86' ? undefined : 64;
}

/**
 * One value: a DWORD, null when the value (or its key) is absent, undefined when it could not
 * be read or is not a DWORD (we would not know how to put it back).
 */
export async function readFixValue(
  registry: Registry,
  key: FixKeyId,
  name: FixValueName,
  view: 64 | undefined,
): Promise<number | null | undefined> {
  try {
    const r = await registry.readKey(FIX_KEYS[key], view);
    if (!r) return null;
    const v = regValue(r.key, name);
    if (!v) return null;
    return v.type === 'REG_DWORD' && isDword(v.value) ? v.value : undefined;
  } catch {
    return undefined;
  }
}

/** Every value the fix looks at, read now (unread: undefined). */
export async function readFixInputs(registry: Registry, arch: WindowsFamily['arch']): Promise<FixInputs> {
  const view = viewOf(arch);
  const [enabled, disabledByDefault, native, wow64] = await Promise.all([
    readFixValue(registry, 'schannelTls12Client', 'Enabled', view),
    readFixValue(registry, 'schannelTls12Client', 'DisabledByDefault', view),
    readFixValue(registry, 'winhttpNative', 'DefaultSecureProtocols', view),
    // 32-bit Windows has one view: the native value stands for both, as the inventory does.
    arch === 'x86'
      ? Promise.resolve<number | null | undefined>(null)
      : readFixValue(registry, 'winhttpWow64', 'DefaultSecureProtocols', view),
  ]);
  return { schannelTls12Client: { enabled, disabledByDefault }, winhttp: { native, wow64: arch === 'x86' ? native : wow64 } };
}

/** The Windows family of this machine, from a fresh OS read and update list (null: not Windows). */
export async function liveFamily(src: Source): Promise<WindowsFamily | null> {
  return (await liveState(src)).family;
}

/**
 * The family and the language-pack trap (a client language pack installed after KB3140245,
 * from the servicing store's install times): the pack, as "en-US, 2020-10-05", or null.
 */
export async function liveState(src: Source): Promise<{ family: WindowsFamily | null; languagePackAfterKb: string | null }> {
  if (src.platform !== 'win32') return { family: null, languagePackAfterKb: null };
  const log = new ErrorLog();
  const os = await collectWindowsOs(src, log);
  const build = os.build !== null && /^\d+$/.test(os.build) ? Number(os.build) : null;
  const is64 = os.arch === 'x64' || os.arch === 'arm64';
  const win = await collectWindowsTls(src, log, { build, release: windowsReleaseOfBuild(build)?.release ?? null, is64 });
  const pack = win.kb3140245 === true ? languagePackAfterKb(win.servicing) : null;
  return { family: windowsFamily(os, win), languagePackAfterKb: pack ? packLabel(pack) : null };
}

/** "en-US, 2020-10-05" from the package identity (the locale field) and its install date. */
export function packLabel(p: ServicingPackage): string {
  const locale = /~([a-z]{2,3}-[A-Za-z]{2,4})~/.exec(p.name)?.[1] ?? 'lingua';
  return p.installedAt ? `${locale}, ${p.installedAt.slice(0, 10)}` : locale;
}
