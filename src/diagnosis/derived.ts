// Facts derived from the evidence once per diagnosis (issue #22): the Windows family, the macOS
// version, the mail programs that use Windows' own TLS, the user's providers and their webmails,
// whether the computer is offline. assess() computes them once and hands them to the rules, the
// plans and the verdict, which read them instead of each recomputing them.
import type { ClientInfo } from '../inventory/types';
import type { RuleInput } from './types';
import type { Provider } from '../accounts/providers';
import type { WebmailOs } from './requirements';
import { macosVersion, webmailOsOf } from './requirements';
import type { WindowsFamily } from './windows-family';
import { CLIENT_NAMES, schannelTls12ClientOn, windowsFamily } from './windows-family';
import type { Webmail } from './rules/make';
import { schannelMailClients, userProviders } from './rules/make';
import { isOffline } from './network';
import { atLeast } from './versions';

export interface DerivedFacts {
  windows: WindowsFamily | null;
  /** The Windows texts name: the client line ("Windows 7") or the server ("Windows Server 2008 R2"); no service pack. */
  windowsName: string | null;
  macosVersion: string | null;
  webmailOs: WebmailOs | null;
  /** Mail programs of this machine that use Windows' own TLS (SChannel): labels and client ids. */
  schannelMailClients: string[];
  schannelClientIds: string[];
  /** Installed mail programs with their own TLS (Thunderbird, NSS), as "Mozilla Thunderbird 115.3.1". */
  ownTlsClients: string[];
  /** The same, at or above the providers' minimum (45.6): they connect to PEC whatever Windows does. */
  workingOwnTlsClients: string[];
  /** The new Outlook for Windows (olk.exe): its mail connections run in Microsoft's cloud. */
  newOutlook: ClientInfo | null;
  /**
   * SChannel's TLS 1.2 client side for the mail programs: from the inventory's state, except on
   * Server 2008 where the family decides (KB4019276 adds TLS 1.2, the inventory's table does not know it).
   * null: not Windows, or the Windows TLS settings were not read.
   */
  tls12Client: 'on' | 'off' | 'unknown' | null;
  /** The user's providers (our catalogue) and their webmails; webmails null when offline. */
  providers: Provider[];
  webmails: Webmail[] | null;
  offline: boolean;
}

/** Our name of a Windows family for sentences: "Windows 7", "Windows Server 2008 R2". */
export function windowsLabel(family: WindowsFamily): string {
  return family.server ? `Windows Server ${family.server}` : CLIENT_NAMES[family.release];
}

function tls12ClientOf(input: RuleInput, family: WindowsFamily | null): DerivedFacts['tls12Client'] {
  const p = input.inventory?.windows?.schannel?.['TLS 1.2'];
  if (!family || !p) return null;
  if (family.release === 'vista' && family.server) {
    if (p.effective === 'unknown' && p.enabled === null && p.disabledByDefault === null) return 'unknown';
    // KB4019276 not verified while the values would turn TLS 1.2 on: it depends on the update, so we cannot tell.
    if (family.tls12.schannelHasIt === null && schannelTls12ClientOn({ tls12: { ...family.tls12, schannelHasIt: true } }, p))
      return 'unknown';
    return schannelTls12ClientOn(family, p) ? 'on' : 'off';
  }
  return p.effective === 'enabled' ? 'on' : p.effective === 'disabled' ? 'off' : 'unknown';
}

export function deriveFacts(input: RuleInput): DerivedFacts {
  const inv = input.inventory;
  const os = inv?.os;
  const windows = windowsFamily(os, inv?.windows);
  const schannel = schannelMailClients(input);
  const offline = isOffline(input.endpoints);
  const providers = userProviders(input);
  const webmails: Webmail[] = [];
  for (const p of providers)
    if (p.webmail && !webmails.some((w) => w.url === p.webmail)) webmails.push({ url: p.webmail, provider: p.name });
  return {
    windows,
    windowsName: windows ? windowsLabel(windows) : null,
    macosVersion: macosVersion(os),
    webmailOs: webmailOsOf(os, windows),
    schannelMailClients: schannel,
    schannelClientIds: [
      ...(schannel.includes('Outlook') ? ['outlook'] : []),
      ...(schannel.includes('Windows Live Mail') ? ['windowslivemail'] : []),
    ],
    ownTlsClients: (inv?.clients ?? []).filter((c) => c.id === 'thunderbird').map((c) => `${c.name}${c.version ? ' ' + c.version : ''}`),
    workingOwnTlsClients: (inv?.clients ?? [])
      .filter((c) => c.id === 'thunderbird' && atLeast(c.version, '45.6') === true)
      .map((c) => `${c.name}${c.version ? ' ' + c.version : ''}`),
    newOutlook: (inv?.clients ?? []).find((c) => c.id === 'outlook-new') ?? null,
    tls12Client: tls12ClientOf(input, windows),
    providers,
    webmails: offline ? null : webmails,
    offline,
  };
}
