// "Network first" (issue #11): when no endpoint got past the name look-up or the TCP connection,
// the fault is this computer's network, not the PEC. Decided from the probes' own verdicts only
// (no traffic to anything but the PEC servers). One failing host among working ones stays a
// server problem; so does a single unknown host that does not resolve (probably mistyped), unless
// it is one our provider catalogue publishes (a published PEC host that does not resolve means
// DNS or the Internet is down).
import type { EndpointResult } from '../probe/types';
import { providerByHost } from '../accounts/provider-match';

/** The endpoint failed before any server answered: no DNS answer, connect timeout, network unreachable. */
export function failedAtNetwork(e: EndpointResult): boolean {
  if (e.verdict === 'dns-failed' || e.verdict === 'connect-timeout') return true;
  if (e.verdict !== 'connect-refused') return false;
  // A refusal is an answer (a host said no), except the "unreachable" errors the probe folds into it.
  const connect = e.steps.find((s) => s.step === 'connect' && s.status === 'failed');
  return /ENETUNREACH|EHOSTUNREACH|ENETDOWN|EADDRNOTAVAIL|non raggiungibile/.test(connect?.detail ?? '');
}

/** Every endpoint failed at the network, and the evidence is more than one possibly mistyped name. */
export function isOffline(endpoints: readonly EndpointResult[]): boolean {
  const probed = endpoints.filter((e) => e.verdict !== 'cancelled');
  if (probed.length === 0 || !probed.every(failedAtNetwork)) return false;
  const hosts = new Set(probed.map((e) => e.host.toLowerCase()));
  return hosts.size >= 2 || [...hosts].some((h) => providerByHost(h) !== undefined);
}
