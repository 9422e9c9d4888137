// The repair plan: what this app will change on this machine, computed from the typed fix
// (planRegistryFix) over the family and the values read live. Only the routes the app can carry
// out end to end get a plan (Windows 7 SP1 / 2008 R2 SP1, 8.0 / 2012, 8.1 and later with TLS
// 1.2 switched off); every other machine gets the reason, in plain words, and no button.
import { FIX_KEYS, planRegistryFix, type FixInputs, type FixValue } from '../fix/registry-fix';
import type { UpdateId, WindowsFamily } from '../diagnosis/windows-family';
import type { Text } from '../util/text';
import { formatDword } from '../util/dword';
import { text } from '../util/text';

export interface RepairChange extends FixValue {
  /** The full key path (from FIX_KEYS, never from the machine). */
  path: string;
  /** What the change does, in plain words. */
  label: Text;
}

export interface RepairUpdate {
  id: Extract<UpdateId, 'KB3140245'>;
  /** false known absent, null not verified (wusa then says "already installed" if it is), true: installed, reinstalled (below). */
  installed: boolean | null;
  /** Set when the update is installed but a language pack was added after it (the language-pack trap): that pack. */
  reinstallAfter?: string;
}

export type RepairBlock = 'not-windows' | 'impossible' | 'service-pack-first' | 'not-supported' | 'unknown' | 'changed';

export type RepairPlan =
  | {
      status: 'ready';
      /** Our own name of the Windows (closed tables), its architecture, terminal server or not. */
      windows: { name: string; arch: WindowsFamily['arch']; terminalServer: boolean | null };
      changes: RepairChange[];
      updates: RepairUpdate[];
      notes: Text[];
    }
  | { status: 'nothing'; reason: Text }
  | { status: 'blocked'; cause: RepairBlock; reason: Text };

const LABELS: Record<string, Text> = {
  'schannelTls12Client/Enabled': text(
    'Attiva TLS 1.2 per i programmi di posta (SChannel)',
    'Turns TLS 1.2 on for mail programs (SChannel)',
  ),
  'schannelTls12Client/DisabledByDefault': text(
    'Fa usare TLS 1.2 senza che il programma lo chieda (SChannel)',
    'Lets programs use TLS 1.2 without asking for it (SChannel)',
  ),
  'winhttpNative/DefaultSecureProtocols': text(
    'Aggiunge TLS 1.2 ai protocolli predefiniti di WinHTTP (programmi a 64 bit)',
    'Adds TLS 1.2 to WinHTTP’s default protocols (64-bit programs)',
  ),
  'winhttpWow64/DefaultSecureProtocols': text(
    'Aggiunge TLS 1.2 ai protocolli predefiniti di WinHTTP (programmi a 32 bit, come Outlook a 32 bit)',
    'Adds TLS 1.2 to WinHTTP’s default protocols (32-bit programs, such as 32-bit Outlook)',
  ),
};

/** What a change of this value does, in plain words. */
export function labelOf(v: Pick<FixValue, 'key' | 'name'>, arch: WindowsFamily['arch']): Text {
  if (v.key === 'winhttpNative' && arch === 'x86')
    return text('Aggiunge TLS 1.2 ai protocolli predefiniti di WinHTTP', 'Adds TLS 1.2 to WinHTTP’s default protocols');
  return LABELS[`${v.key}/${v.name}`];
}

/** Values the diagnosis saw that the machine no longer has (only values both sides know). */
export function changedSince(diagnosed: FixInputs, live: FixInputs): string[] {
  const pairs: [string, number | null | undefined, number | null | undefined][] = [
    ['SChannel TLS 1.2 Client Enabled', diagnosed.schannelTls12Client.enabled, live.schannelTls12Client.enabled],
    [
      'SChannel TLS 1.2 Client DisabledByDefault',
      diagnosed.schannelTls12Client.disabledByDefault,
      live.schannelTls12Client.disabledByDefault,
    ],
    ['WinHttp DefaultSecureProtocols', diagnosed.winhttp.native, live.winhttp.native],
    ['Wow6432Node WinHttp DefaultSecureProtocols', diagnosed.winhttp.wow64, live.winhttp.wow64],
  ];
  return pairs.filter(([, d, l]) => d !== undefined && l !== undefined && d !== l).map(([n]) => n);
}

/**
 * The plan for this machine. `diagnosed`: the values the diagnosis the user saw was made from;
 * when given and the machine has changed since, the plan stops (the user consented to another state).
 */
export function repairPlan(
  family: WindowsFamily | null,
  live: FixInputs,
  diagnosed?: FixInputs,
  languagePackAfterKb?: string | null,
): RepairPlan {
  if (!family)
    return {
      status: 'blocked',
      cause: 'not-windows',
      reason: text('La riparazione automatica esiste solo per Windows.', 'The automatic repair exists only for Windows.'),
    };
  const fix = planRegistryFix(family, live);
  // The language-pack trap: the values may be right and the update still undone; reinstalled the same way.
  const trap = languagePackAfterKb && family.tls12.updates.some((u) => u.id === 'KB3140245') ? languagePackAfterKb : null;
  if (fix.status === 'not-needed' && trap) return trapOnly(family, trap);
  if (fix.status !== 'needed') {
    if (fix.status === 'not-needed') return { status: 'nothing', reason: fix.reason };
    return { status: 'blocked', cause: fix.status, reason: fix.reason };
  }
  const route = family.tls12.route;
  if (route === 'service-pack-first')
    return {
      status: 'blocked',
      cause: 'service-pack-first',
      reason: text(
        `Su ${family.name} serve prima il Service Pack che manca (${family.tls12.updates[0]?.id ?? ''}): va installato da Windows Update o dal tecnico; poi PEC Doctor può fare il resto.`,
        `${family.name} first needs the missing service pack (${family.tls12.updates[0]?.id ?? ''}): install it from Windows Update or have a technician do it; then PEC Doctor can do the rest.`,
      ),
    };
  if (route === 'kb4019276')
    return {
      status: 'blocked',
      cause: 'not-supported',
      reason: text(
        `Su ${family.name} la correzione richiede l’aggiornamento KB4019276 per i server: la fa il tecnico, con il file .reg del rapporto.`,
        `On ${family.name} the fix needs the server update KB4019276: a technician applies it, with the report’s .reg file.`,
      ),
    };
  if (fix.values.some((v) => v.before === undefined))
    return {
      status: 'blocked',
      cause: 'unknown',
      reason: text(
        'Non riesco a leggere alcuni valori del registro che la riparazione cambierebbe: senza sapere com’erano non posso garantire di rimetterli. Nulla è stato cambiato.',
        'Some registry values the repair would change cannot be read: without knowing them, putting them back cannot be guaranteed. Nothing was changed.',
      ),
    };
  if (diagnosed) {
    const moved = changedSince(diagnosed, live);
    if (moved.length)
      return {
        status: 'blocked',
        cause: 'changed',
        reason: text(
          `Dal controllo qualcosa è cambiato su questo computer (${moved.join(', ')}): ripeti il controllo prima di riparare. Nulla è stato cambiato.`,
          `Something changed on this computer since the check (${moved.join(', ')}): run the check again before repairing. Nothing was changed.`,
        ),
      };
  }
  const updates: RepairUpdate[] = fix.updates
    .filter((u) => u.id === 'KB3140245' && (u.installed !== true || trap))
    .map((u) => (u.installed === true ? reinstall(trap as string) : { id: 'KB3140245', installed: u.installed === false ? false : null }));
  const changes = fix.values.map((v) => ({ ...v, path: FIX_KEYS[v.key], label: labelOf(v, family.arch) }));
  const notes = [...fix.notes, ...(trap ? [trapNote(trap)] : [])];
  if (family.terminalServer)
    notes.push(
      text(
        'È un server terminal: il riavvio chiude le sessioni di tutti gli utenti collegati.',
        'This is a terminal server: the restart ends every connected user’s session.',
      ),
    );
  return {
    status: 'ready',
    windows: { name: family.name, arch: family.arch, terminalServer: family.terminalServer },
    changes,
    updates,
    notes,
  };
}

const reinstall = (pack: string): RepairUpdate => ({ id: 'KB3140245', installed: true, reinstallAfter: pack });

const trapNote = (pack: string): Text =>
  text(
    `KB3140245 è installato, ma dopo è stato aggiunto un pacchetto di lingua (${pack}), che ne annulla l’effetto: PEC Doctor lo scarica di nuovo da Microsoft e lo reinstalla.`,
    `KB3140245 is installed, but a language pack was added after it (${pack}), which undoes it: PEC Doctor downloads it again from Microsoft and reinstalls it.`,
  );

/** The registry is right, the update undone by a later language pack: the plan is the reinstall alone. */
function trapOnly(family: WindowsFamily, pack: string): RepairPlan {
  return {
    status: 'ready',
    windows: { name: family.name, arch: family.arch, terminalServer: family.terminalServer },
    changes: [],
    updates: [reinstall(pack)],
    notes: [trapNote(pack)],
  };
}

/** "0x00000800 (2048)" / "assente" for a value, as the plan and the read-back show it (the one DWORD format). */
export function showValue(v: number | null | undefined): string {
  if (v === undefined) return 'non letto';
  if (v === null) return 'assente';
  return formatDword(v);
}
