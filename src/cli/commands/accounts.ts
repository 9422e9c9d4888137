// `pec-doctor accounts [--json]`: the PEC accounts configured on this computer (issue #5).
// Development options point the search at a test home instead of the real one (docs/accounts.md).
import type { Command } from '../command';
import { UsageError, writeJson } from '../command';
import { discoverAccounts } from '../../accounts/index';
import type { DiscoverOptions } from '../../accounts/index';
import type { Account, AccountsResult, ServerSetting } from '../../accounts/types';
import { providerById } from '../../accounts/providers';
import { recordedRegistry } from '../../platform/registry';
import { escapeInline } from '../../util/terminal';

const CLIENT_NAMES: Record<Account['client'], string> = {
  thunderbird: 'Thunderbird',
  outlook: 'Outlook',
  applemail: 'Apple Mail',
  windowslivemail: 'Windows Live Mail',
  manual: 'manuale',
};

const SECURITY_NAMES = { tls: 'SSL/TLS', starttls: 'STARTTLS', plain: 'nessuna' } as const;

/** Short Italian labels of the finding ids (the full texts come from the diagnosis). */
const FINDING_LABELS: Record<string, string> = {
  'account-plaintext': 'senza cifratura',
  'account-security-mismatch': 'protezione sbagliata',
  'account-wrong-port': 'porta diversa dal gestore',
  'account-wrong-host': 'server non del gestore',
  'thunderbird-tls-max-lowered': 'TLS 1.2 disattivato',
};

const PLATFORMS = ['win32', 'darwin', 'linux'];

export const accountsCommand: Command = {
  name: 'accounts',
  summary: 'account PEC configurati in Thunderbird, Outlook, Windows Live Mail, Apple Mail / configured PEC accounts',
  options: {
    home: { type: 'string', arg: '<dir>', description: 'cerca nella cartella utente <dir> (test) / search this home folder (tests)' },
    appdata: { type: 'string', arg: '<dir>', description: 'APPDATA da usare (test, Windows) / APPDATA to use (tests)' },
    localappdata: { type: 'string', arg: '<dir>', description: 'LOCALAPPDATA da usare (test, Windows) / LOCALAPPDATA to use (tests)' },
    platform: {
      type: 'string',
      arg: '<os>',
      description: 'win32, darwin o linux: disposizione delle cartelle (test) / folder layout (tests)',
    },
    registry: {
      type: 'string',
      arg: '<dir>',
      description: 'registro di Windows registrato (uscite di reg query /s) in <dir> (test) / recorded registry (tests)',
    },
    'no-dns': { type: 'boolean', description: 'non interrogare i record MX / do not query MX records' },
  },
  async run(ctx) {
    const options: DiscoverOptions = {};
    const env = { ...process.env };
    const str = (name: string): string | undefined => (typeof ctx.values[name] === 'string' ? (ctx.values[name] as string) : undefined);
    const home = str('home');
    if (home) {
      env.HOME = home;
      env.USERPROFILE = home;
    }
    if (str('appdata')) env.APPDATA = str('appdata');
    if (str('localappdata')) env.LOCALAPPDATA = str('localappdata');
    options.env = env;
    const platform = str('platform');
    if (platform !== undefined) {
      if (!PLATFORMS.includes(platform)) throw new UsageError(`--platform vuole ${PLATFORMS.join(', ')}, non "${platform}"`);
      options.platform = platform as NodeJS.Platform;
      // A simulated Windows layout on another OS has no registry to read.
      if (platform !== process.platform) options.registry = null;
    }
    if (str('registry')) options.registry = recordedRegistry(str('registry') as string);
    if (ctx.values['no-dns']) options.resolveMx = null;
    const result = await discoverAccounts(options);
    if (ctx.json) {
      writeJson(ctx, result);
      return 0;
    }
    ctx.stdout.write(renderTable(result));
    return 0;
  },
};

const server = (s: ServerSetting | null): string =>
  s ? `${s.protocol.toUpperCase()} ${s.host}:${s.port} ${SECURITY_NAMES[s.security]}` : '—';

export function renderTable(result: AccountsResult): string {
  const lines: string[] = [];
  lines.push(`Account di posta trovati: ${result.accounts.length}`);
  if (result.accounts.length > 0) {
    const rows = [
      ['Programma', 'Profilo', 'Indirizzo', 'Gestore', 'In arrivo', 'In uscita', 'Problemi'],
      // Names come from the user's files: one cell each, escaped before the widths are measured.
      ...result.accounts.map((a) =>
        [
          CLIENT_NAMES[a.client],
          a.profile + (a.isDefaultProfile ? ' *' : ''),
          a.email ?? a.name ?? '?',
          providerById(a.provider)?.name ?? 'non riconosciuto',
          server(a.incoming),
          server(a.outgoing),
          a.findings.length ? a.findings.map((f) => FINDING_LABELS[f] ?? f).join(', ') : 'nessuno',
        ].map(escapeInline),
      ),
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    lines.push('');
    for (const r of rows) lines.push(r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  '));
    lines.push('', '* = profilo predefinito');
  }
  if (result.errors.length > 0) {
    lines.push('', 'Non leggibili:');
    for (const e of result.errors) lines.push(`  ${escapeInline(e.source)}: ${escapeInline(e.error ?? '')}`);
  }
  return lines.join('\n') + '\n';
}
