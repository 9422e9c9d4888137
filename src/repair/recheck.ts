// The re-check after a repair's restart (issue #18): Windows starts the app once (HKCU RunOnce)
// with --after-repair --before=<history id>; the app runs the same check as the run the repair
// started from and says, before/after, whether PEC now works or what is still wrong. Pure
// functions: the host parses the flag, the UI builds the request and the sentence.
import type { DiagnosisRequest } from '../api';
import type { Report } from '../diagnosis/types';
import type { Text } from '../util/text';
import type { StartupIntent } from './contract';

/** The command line's flag as the contract's intent. */
export function startupIntent(args: { afterRepair: boolean; beforeRunId: string | null }): StartupIntent {
  return args.afterRepair ? { kind: 'after-repair', beforeRunId: args.beforeRunId } : { kind: 'normal' };
}

const strings = (v: unknown, max: number): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= 512).slice(0, max) : [];

/** The same check as the run before (its addresses and servers); without it, the accounts found on this computer. */
export function recheckRequest(before: Pick<Report, 'context'> | null): DiagnosisRequest {
  const ctx = before?.context;
  if (!ctx) return {};
  const emails = strings(ctx.emails, 50);
  const servers = strings(ctx.servers, 50);
  const request: DiagnosisRequest = {};
  if (emails.length) request.emails = emails;
  if (servers.length) request.servers = servers;
  if (ctx.skipDiscovery === true && (emails.length || servers.length)) request.skipDiscovery = true;
  return request;
}

export interface RecheckOutcome {
  /** "Ora la PEC funziona": the check after the restart found nothing blocking (verdict ok, or only things to check). */
  works: boolean;
  /** What is still wrong: the errors' titles. */
  stillWrong: Text[];
  /** What is worth a look (warnings), said in both cases. */
  toCheck: Text[];
}

/** What the re-check says, from the run after the restart. */
export function recheckOutcome(after: Pick<Report, 'verdict' | 'findings'>): RecheckOutcome {
  const findings = Array.isArray(after.findings) ? after.findings : [];
  const titles = (sev: string) => findings.filter((f) => f.severity === sev).map((f) => f.title);
  const status = after.verdict?.status;
  const stillWrong = titles('error');
  return { works: (status === 'ok' || status === 'warning') && stillWrong.length === 0, stillWrong, toCheck: titles('warning') };
}
