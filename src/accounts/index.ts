// Entry point of account discovery (issue #5): Thunderbird profiles, Outlook MAPI profiles,
// Windows Live Mail accounts, Apple Mail (apple-mail.ts); each account matched to its PEC provider and checked against
// the provider's published settings. Read-only: files and registry keys are only read, and no
// password is ever read or kept (see the readers). Side effects (files, registry, DNS) stay at
// this edge and are injectable for tests.
import * as pathModule from 'path';
import { recordedFilePath } from '../inventory/source';
import type { Account, AccountsResult } from './types';
import type { Evidence } from '../util/evidence';
import { findThunderbirdProfiles, errorText, isMissing, pathFor, readProfileFile } from './thunderbird-profiles';
import type { ThunderbirdProfile } from './thunderbird-profiles';
import { parsePrefs } from './prefs-js';
import { accountsFromPrefs } from './thunderbird-accounts';
import { findWindowsLiveMailAccounts } from './windows-live-mail';
import { findOutlookAccounts } from './outlook-profiles';
import { findAppleMailAccounts } from './apple-mail';
import type { Registry } from '../platform/registry';
import { recordedRegistry, windowsRegistry } from '../platform/registry';
import { LIMITS, readBoundedText } from '../platform/read-bounded';
import { matchProvider } from './provider-match';
import type { MxLookup, MxResolver } from './provider-match';
import { configFindings, findingIds } from './config-findings';

export { accountEndpoints } from './endpoints';
export type { AccountEndpoint } from './endpoints';

export interface DiscoverOptions {
  /** Environment whose HOME / APPDATA / LOCALAPPDATA locate the profiles (tests point it elsewhere). */
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Windows registry for Outlook; default: the real one on Windows, none elsewhere. null = skip Outlook. */
  registry?: Registry | null;
  /** MX resolver for custom domains; default dns.resolveMx; null = no DNS. */
  resolveMx?: MxResolver | null;
  mxTimeoutMs?: number;
  /** A recorded machine's folder: every profile read must lie inside it. */
  confineTo?: string;
}

export async function discoverAccounts(options: DiscoverOptions = {}): Promise<AccountsResult> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const accounts: Account[] = [];
  const errors: Evidence[] = [];

  const tb = await thunderbirdAccounts(env, platform, options.confineTo);
  accounts.push(...tb.accounts);
  errors.push(...tb.errors);

  const registry = options.registry === undefined ? await defaultRegistry(platform) : options.registry;
  if (registry) {
    const ol = await findOutlookAccounts(registry);
    accounts.push(...ol.accounts);
    errors.push(...ol.errors);
  }

  // Apple Mail (macOS): read where its files allow; what cannot be read is reported as an error.
  if (platform === 'darwin' && env.HOME) {
    const am = await findAppleMailAccounts(env.HOME);
    accounts.push(...am.accounts);
    errors.push(...am.errors);
  }

  if (platform === 'win32') {
    const wlm = await findWindowsLiveMailAccounts(env);
    accounts.push(...wlm.accounts);
    errors.push(...wlm.errors);
  }

  const mxCache = new Map<string, Promise<MxLookup>>();
  for (const a of accounts) await classify(a, { resolveMx: options.resolveMx, mxTimeoutMs: options.mxTimeoutMs, mxCache });
  return { accounts, errors };
}

/** Provider and configuration findings of one account (also used for manual entries). */
export async function classify(
  account: Account,
  options: { resolveMx?: MxResolver | null; mxTimeoutMs?: number; mxCache?: Map<string, Promise<MxLookup>> } = {},
): Promise<Account> {
  const hosts = [account.incoming?.host, account.outgoing?.host, ...(account.identities ?? []).map((i) => i.outgoing?.host)];
  const m = await matchProvider(account.email, hosts, options);
  account.provider = m.provider?.id ?? null;
  account.providerMatch = m.match;
  account.evidence.push(...m.evidence);
  const details = configFindings(account, m.provider);
  account.findingDetails = details;
  account.findings = findingIds(details);
  return account;
}

async function thunderbirdAccounts(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  confineTo?: string,
): Promise<{ accounts: Account[]; errors: Evidence[] }> {
  const out = { accounts: [] as Account[], errors: [] as Evidence[] };
  const search = await findThunderbirdProfiles(env, platform, confineTo);
  out.errors.push(...search.errors);
  const names = new Map<string, number>();
  for (const p of search.profiles) names.set(p.name, (names.get(p.name) ?? 0) + 1);
  for (const profile of search.profiles) {
    const prefix = (names.get(profile.name) ?? 0) > 1 ? `${profile.root.kind}/` : '';
    const r = await readProfile(profile, prefix);
    out.accounts.push(...r.accounts);
    if (r.error) out.errors.push(r.error);
  }
  return out;
}

/** prefs.js, then user.js (which Thunderbird applies over prefs.js at every start). */
async function readProfile(profile: ThunderbirdProfile, keyPrefix: string): Promise<{ accounts: Account[]; error: Evidence | null }> {
  const p = pathFor(profile.dir);
  const prefsPath = p.join(profile.dir, 'prefs.js');
  let text: string;
  try {
    text = await readProfileFile(prefsPath, profile.dir);
  } catch (err) {
    // A profile never started has no prefs.js: nothing configured, not an error.
    if (isMissing(err)) return { accounts: [], error: null };
    return { accounts: [], error: { source: prefsPath, error: `unreadable: ${errorText(err)}` } };
  }
  const parsed = parsePrefs(text);
  if (parsed.error) {
    return {
      accounts: [],
      error: { source: prefsPath, error: `unreadable: line ${parsed.error.line}: ${parsed.error.reason} (profile "${profile.name}")` },
    };
  }
  const prefs = parsed.prefs;
  const userJs = p.join(profile.dir, 'user.js');
  let sources = prefsPath;
  try {
    const user = parsePrefs(await readProfileFile(userJs, profile.dir));
    if (user.error)
      return {
        accounts: [],
        error: { source: userJs, error: `unreadable: line ${user.error.line}: ${user.error.reason} (profile "${profile.name}")` },
      };
    for (const [k, v] of user.prefs) prefs.set(k, v);
    sources = `${prefsPath} + ${userJs}`;
  } catch {
    // no user.js: the usual case
  }
  return {
    accounts: accountsFromPrefs(prefs, { profile: profile.name, isDefault: profile.isDefault, source: sources, keyPrefix }),
    error: null,
  };
}

async function defaultRegistry(platform: NodeJS.Platform): Promise<Registry | null> {
  // reg.exe exists only on Windows; a simulated Windows layout elsewhere has no registry.
  return platform === 'win32' && process.platform === 'win32' ? windowsRegistry() : null;
}

/**
 * Accounts of a recorded machine (`inventory --record` directory, docs/inventory.md): the home
 * folder and APPDATA/LOCALAPPDATA of machine.json mapped into its `files/`, the recorded registry
 * for Outlook. No DNS (a recording is judged offline); what the recording lacks is simply absent.
 */
export async function discoverRecordedAccounts(dir: string): Promise<AccountsResult> {
  const read = await readBoundedText(pathModule.join(dir, 'machine.json'), { maxBytes: LIMITS.recording, label: 'machine.json' });
  if (!read.ok) throw new Error(`machine.json: ${read.message}`);
  const machine = JSON.parse(read.text) as { platform?: string; homedir?: string; env?: Record<string, string> };
  const platform = (typeof machine.platform === 'string' ? machine.platform : 'linux') as NodeJS.Platform;
  const recEnv = machine.env && typeof machine.env === 'object' ? machine.env : {};
  const home = typeof machine.homedir === 'string' ? machine.homedir : platform === 'win32' ? 'C:\\Users\\utente' : '/home/utente';
  const env: NodeJS.ProcessEnv = { HOME: recordedFilePath(dir, home) };
  for (const k of ['APPDATA', 'LOCALAPPDATA', 'USERPROFILE'] as const)
    if (typeof recEnv[k] === 'string') env[k] = recordedFilePath(dir, recEnv[k]);
  if (platform === 'win32' && !env.APPDATA) env.APPDATA = recordedFilePath(dir, `${home}\\AppData\\Roaming`);
  if (platform === 'win32' && !env.LOCALAPPDATA) env.LOCALAPPDATA = recordedFilePath(dir, `${home}\\AppData\\Local`);
  const registry = platform === 'win32' ? recordedRegistry(pathModule.join(dir, 'registry')) : null;
  return discoverAccounts({ env, platform, registry, resolveMx: null, confineTo: dir });
}
