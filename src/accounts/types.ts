// Result shapes of account discovery (issue #5); JSON documented in docs/accounts.schema.json
// and docs/accounts.md. Read-only: no password is ever read, so none can appear here.
// Change only additively: the UI, the diagnosis rules and technicians' scripts read it.
import type { Evidence } from '../util/evidence';
import type { Endpoint, MailProtocol } from '../probe/types';
import type { Text } from '../util/text';

export type AccountClient = 'thunderbird' | 'outlook' | 'windowslivemail' | 'applemail' | 'manual';
export type ConnectionSecurity = 'tls' | 'starttls' | 'plain';

export interface ServerSetting {
  host: string;
  port: number;
  protocol: MailProtocol;
  security: ConnectionSecurity;
  userName?: string | null;
}

/** One sending identity of an account (Thunderbird can have several per account). */
export interface AccountIdentity {
  email: string | null;
  name?: string | null;
  outgoing: ServerSetting | null;
}

/** Ids of the configuration findings (docs/accounts.md). */
export type AccountFindingId =
  'account-plaintext' | 'account-security-mismatch' | 'account-wrong-port' | 'account-wrong-host' | 'thunderbird-tls-max-lowered';

/** The facts behind one finding id, for the texts of the diagnosis. */
export interface AccountFindingDetail {
  id: AccountFindingId;
  /** Which server the finding is about; `profile` for client-wide settings. */
  role: 'incoming' | 'outgoing' | 'profile';
  /** host:port as configured (null for profile-wide findings). */
  server: string | null;
  /** What the provider publishes, e.g. "imaps.pec.aruba.it:993 SSL/TLS"; null when not applicable. */
  expected: string | null;
  /** The value that triggered the finding (socket type, port, pref value...). */
  actual: string;
}

/** How the provider was identified. */
export type ProviderMatch = 'domain' | 'host' | 'mx' | null;

export interface Account {
  client: AccountClient;
  profile: string;
  isDefaultProfile?: boolean;
  /** Stable identifier within one result: client, profile and the client's own account key. */
  key?: string;
  name?: string | null;
  email: string | null;
  /** Provider id from src/accounts/providers.ts, or null when not recognised. */
  provider: string | null;
  providerMatch?: ProviderMatch;
  incoming: ServerSetting | null;
  outgoing: ServerSetting | null;
  /** Every identity of the account (the first one gives `email` and `outgoing`). */
  identities?: AccountIdentity[];
  /** Finding ids (docs/accounts.md), e.g. account-plaintext. */
  findings: string[];
  /** The same findings with the server and the expected value. */
  findingDetails?: AccountFindingDetail[];
  /** Thunderbird security.tls.version.min/max when the user changed them. */
  tlsVersionPrefs?: { min: number | null; max: number | null } | null;
  evidence: Evidence[];
}

export interface AccountsResult {
  accounts: Account[];
  /** Profiles or files that could not be read (corrupt prefs.js, denied key...), with why. */
  errors: Evidence[];
}

/** A typed address resolved to its provider (catalogue by domain, then MX). */
export interface AddressLookup {
  email: string;
  provider: { id: string; name: string; webmail: string | null } | null;
  /** Endpoints the provider publishes; empty when the provider is unknown. */
  endpoints: Endpoint[];
  message: Text | null;
}
