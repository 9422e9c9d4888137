// The machine's part of the technician's view: system, Windows TLS settings (SChannel, registry,
// .NET, servicing), mail programs, browsers, components, clock and antivirus, failed reads. A row
// is decisive when a finding of the rules is about it (the rules know why a value matters: TLS 1.0
// off on Windows 11 is right, TLS 1.2 off on Windows 7 is the case).
import type { Finding } from '../../diagnosis/types';
import type { Inventory, WindowsTls } from '../../inventory/types';
import { TECH_LABELS as L } from '../labels';
import type { TechRow, TechSection, TechTable } from './types';
import { archText, cell, dateText, decidedBy, dword, effectiveState, installed, same, version } from './format';

const f = L.fields;
/** WinHTTP DefaultSecureProtocols' TLS 1.2 bit. */
const WINHTTP_TLS12 = 0x800;

export const table = (
  id: string,
  head: TechTable['head'],
  rows: TechRow[],
  opts: Partial<Pick<TechTable, 'heading' | 'widths' | 'layout'>> = {},
): TechTable => ({ kind: 'table', id, head, rows, layout: 'grid', ...opts });
export const row = (cells: TechRow['cells'], decisive = false): TechRow => (decisive ? { cells, mark: 'decisive' } : { cells });
const kv = (label: (typeof f)[keyof typeof f], value: TechRow['cells'][number], decisive = false) => row([cell(label), value], decisive);
const section = (id: string, title: TechSection['title'], table: TechTable, folded = false): TechSection => ({
  id,
  title,
  level: 3,
  folded,
  blocks: [table],
});

/** SChannel's TLS 1.2 decides the case when a rule says it is off (Windows 7-11) or cannot exist (XP). */
export const tls12Decisive = (has: FindingIndex): boolean => has('win7-tls12-client-disabled') || has('os-windows-xp');

/** Findings by id (and subject), to mark the rows they are about. */
export type FindingIndex = (id: string, subject?: string) => boolean;
export const indexFindings =
  (findings: readonly Finding[]): FindingIndex =>
  (id, subject) =>
    findings.some((x) => x.id === id && (subject === undefined || x.subject === subject));

function osSection(inv: Inventory): TechSection {
  const os = inv.os;
  const rows = [
    kv(f.name, cell(os.name ?? L.values.notRead)),
    kv(f.version, cell(os.version)),
    kv(f.build, cell(os.build)),
    ...(os.servicePack ? [kv(f.servicePack, cell(os.servicePack))] : []),
    ...(os.edition ? [kv(f.edition, cell(os.edition))] : []),
    ...(os.displayVersion ? [kv(f.displayVersion, cell(os.displayVersion))] : []),
    kv(f.arch, cell(archText(os.arch))),
    kv(f.platform, cell(os.platform)),
    ...(os.kernel ? [kv(f.kernel, cell(os.kernel))] : []),
    ...(inv.collectedFrom && inv.collectedFrom !== 'machine' ? [kv(f.collectedFrom, cell(inv.collectedFrom, { mono: true }))] : []),
  ];
  return section('os', L.sections.os, table('os', [f.item, f.value], rows, { layout: 'kv' }));
}

function registryTable(inv: Inventory, w: WindowsTls, has: FindingIndex): TechTable {
  // A WinHTTP view is decisive when the rule found the defaults missing and this view lacks TLS 1.2.
  const winhttp = (v: number | null) => has('win7-winhttp-defaults-missing') && !((v ?? 0) & WINHTTP_TLS12);
  const views =
    inv.os.arch === 'x86'
      ? // 32-bit Windows has one registry view (recorded as the 64-bit one): one row.
        [kv(f.winhttpNative, cell(dword(w.winhttp.defaultSecureProtocols64), { mono: true }), winhttp(w.winhttp.defaultSecureProtocols64))]
      : [
          kv(f.winhttp64, cell(dword(w.winhttp.defaultSecureProtocols64), { mono: true }), winhttp(w.winhttp.defaultSecureProtocols64)),
          kv(f.winhttp32, cell(dword(w.winhttp.defaultSecureProtocols32), { mono: true }), winhttp(w.winhttp.defaultSecureProtocols32)),
        ];
  const d = w.dotnet;
  return table(
    'registry',
    [f.item, f.value],
    [
      ...views,
      kv(f.internetSettingsHkcu, cell(dword(w.internetSettings.hkcu), { mono: true })),
      kv(f.internetSettingsHklm, cell(dword(w.internetSettings.hklm), { mono: true })),
      kv(f.kb3140245, cell(installed(w.kb3140245)), has('win7-kb3140245-missing') || has('win7-kb3140245-language-pack')),
      kv(f.dotnetVersion, cell(d.release !== null ? suffix(version(d.version), ` (${d.release})`) : version(d.version))),
      // A report without the per-framework keys (an older probe) has only the summary values: shown here.
      ...(d.keys?.length
        ? []
        : [
            kv(f.schUseStrongCrypto, cell(dword(d.schUseStrongCrypto), { mono: true })),
            kv(f.systemDefaultTlsVersions, cell(dword(d.systemDefaultTlsVersions), { mono: true })),
          ]),
    ],
    { heading: { text: L.sections.registry, style: 'h3' }, layout: 'kv' },
  );
}

const suffix = (t: { it: string; en: string }, s: string) => ({ it: t.it + s, en: t.en + s });

function windowsSection(inv: Inventory, w: WindowsTls, has: FindingIndex, tz: string | null | undefined): TechSection {
  const is32 = inv.os.arch === 'x86';
  const schannel = table(
    'schannel',
    [f.protocol, f.enabled, f.disabledByDefault, f.effective, f.decidedBy],
    Object.entries(w.schannel).map(([name, p]) =>
      row(
        [cell(name), cell(dword(p.enabled)), cell(dword(p.disabledByDefault)), cell(effectiveState(p.effective)), cell(decidedBy(p))],
        name === 'TLS 1.2' && tls12Decisive(has),
      ),
    ),
  );
  const blocks: TechTable[] = [schannel, registryTable(inv, w, has)];
  if (w.dotnet.keys?.length)
    blocks.push(
      table(
        'dotnet',
        [f.framework, f.view, f.schUseStrongCrypto, f.systemDefaultTlsVersions],
        w.dotnet.keys.map((k) =>
          row([
            cell(k.framework),
            cell(is32 ? '32 bit' : `${k.view} bit`),
            cell(dword(k.schUseStrongCrypto)),
            cell(dword(k.systemDefaultTlsVersions)),
          ]),
        ),
        { heading: { text: L.sections.dotnet, style: 'h3' } },
      ),
    );
  const packages = w.servicing ? [...w.servicing.kb3140245, ...w.servicing.languagePacks] : [];
  if (packages.length)
    blocks.push(
      table(
        'servicing',
        [f.package, f.installedAt],
        packages.map((p) => row([cell(p.name, { mono: true }), cell(p.installedAt ? dateText(p.installedAt, tz) : L.values.unknown)])),
        { heading: { text: L.sections.servicing, style: 'h3' }, widths: [70, 30] },
      ),
    );
  return { id: 'windows', title: L.sections.schannel, level: 3, folded: false, blocks };
}

function programSections(inv: Inventory): TechSection[] {
  const out = [
    section(
      'clients',
      L.sections.clients,
      table(
        'clients',
        [f.program, f.version, f.marketingName, f.build, f.bitness],
        inv.clients.map((c) => row([cell(c.name), cell(version(c.version)), cell(c.marketingName), cell(c.build), cell(c.bitness)])),
      ),
    ),
    section(
      'browsers',
      L.sections.browsers,
      table(
        'browsers',
        [f.browser, f.version],
        inv.browsers.map((b) => row([cell(b.name), cell(version(b.version))])),
      ),
      true,
    ),
  ];
  if (inv.runtimes.length)
    out.push(
      section(
        'runtimes',
        L.sections.runtimes,
        table(
          'runtimes',
          [f.component, f.version],
          inv.runtimes.map((r) => row([cell(r.name), cell(version(r.version))])),
        ),
        true,
      ),
    );
  return out;
}

function clockSection(inv: Inventory, tz: string | null | undefined): TechSection {
  const av =
    inv.antivirusChecked === false
      ? L.values.antivirusNotChecked
      : inv.antivirus.length
        ? same(inv.antivirus.map((a) => `${a.name}${a.state ? ` (${a.state})` : ''}`).join(', '))
        : L.values.antivirusNone;
  const rows = [
    kv(f.clockNow, cell(dateText(inv.clock.now, inv.clock.timeZone ?? tz, true))),
    ...(inv.clock.timeZone ? [kv(f.timeZone, cell(inv.clock.timeZone))] : []),
    kv(f.clockOffset, cell(inv.clock.offsetSeconds ?? L.values.notMeasured)),
    kv(f.antivirus, cell(av)),
  ];
  return section('clock', L.sections.clockAntivirus, table('clock', [f.item, f.value], rows, { layout: 'kv' }), true);
}

/** A table of failed reads (inventory or accounts): source and error. */
export const errorsTable = (id: string, errors: readonly { source?: string; error?: string | null }[]): TechTable =>
  table(
    id,
    [f.source, f.error],
    errors.map((e) => row([cell(e.source, { mono: true }), cell(e.error ?? '')])),
    { widths: [45, 55] },
  );

/** The machine: a part heading, then one group per kind of evidence. */
export function machineSections(inv: Inventory | null, findings: readonly Finding[], tz: string | null | undefined): TechSection[] {
  const head: TechSection = { id: 'machine', title: L.sections.machine, level: 2, folded: false, blocks: [] };
  if (!inv) return [{ ...head, blocks: [{ kind: 'note', text: L.values.inventoryMissing, muted: true }] }];
  const has = indexFindings(findings);
  return [
    head,
    osSection(inv),
    ...(inv.windows ? [windowsSection(inv, inv.windows, has, tz)] : []),
    ...programSections(inv),
    clockSection(inv, tz),
    ...(inv.errors.length ? [section('read-errors', L.sections.readErrors, errorsTable('read-errors', inv.errors), true)] : []),
  ];
}
