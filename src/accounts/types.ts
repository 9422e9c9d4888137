// Result shapes of account discovery (issue #5); JSON documented in docs/accounts.schema.json.
// Read-only: no password is ever read, so none can appear here.
import type { Evidence } from '../util/evidence';
import type { MailProtocol } from '../probe/types';

export type AccountClient = 'thunderbird' | 'outlook' | 'windowslivemail' | 'manual';
export type ConnectionSecurity = 'tls' | 'starttls' | 'plain';

export interface ServerSetting {
  host: string;
  port: number;
  protocol: MailProtocol;
  security: ConnectionSecurity;
  userName?: string | null;
}

export interface Account {
  client: AccountClient;
  profile: string;
  isDefaultProfile?: boolean;
  name?: string | null;
  email: string | null;
  provider: string | null;
  incoming: ServerSetting | null;
  outgoing: ServerSetting | null;
  /** Finding ids (see docs/findings.md), e.g. account-plaintext. */
  findings: string[];
  /** Thunderbird security.tls.version.min/max when the user changed them. */
  tlsVersionPrefs?: { min: number | null; max: number | null } | null;
  evidence: Evidence[];
}

export interface AccountsResult {
  accounts: Account[];
  /** Profiles or files that could not be read (corrupt prefs.js, denied key...), with why. */
  errors: Evidence[];
}
