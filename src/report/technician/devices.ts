// Which office devices connect to a server (EndpointResult.devices, issue #14), worded once for
// the printed page 1 and the technician's tables. Names come from our own tables (a report is
// data): an id we do not know stays as the file says, shown escaped by each renderer.
import type { DeviceResult, EndpointResult } from '../../probe/types';
import type { Text } from '../../util/text';
import { DEVICES, profileById } from '../../probe/client-profiles';
import { simulationReason } from '../../diagnosis/rules/servers';
import { TECH_LABELS as L } from '../labels';
import { both, same, shown } from './format';

/** The device's name from our own table; an id we do not know stays as the file says. */
export const deviceLabel = (d: DeviceResult): Text => {
  const known = DEVICES.find((x) => x.id === d.device)?.label;
  return known ? same(known.it) : same(shown(d.label?.it ?? d.device));
};
const deviceShort = (d: DeviceResult): string => L.deviceShort[d.device]?.it ?? deviceLabel(d).it;

/** A simulated client's name from our own profile table; the file's name only for a profile we do not know. */
export const clientName = (id: string, fromFile?: string): string => shown(profileById(id)?.name ?? (fromFile || id));

/** Windows 7 as shipped fails and the same SChannel with TLS 1.2 turned on connects: the fix the plan gives. */
function onlyWithTls12(d: DeviceResult): boolean {
  const by = (id: string) => d.clients.find((c) => c.client === id);
  return d.device === 'windows7' && by('windows7-default')?.ok === false && by('windows7-tls12')?.ok === true;
}

/** "si collega", "non si collega: <why>", "si collega solo con TLS 1.2 attivo", in plain words. */
export function deviceSentence(d: DeviceResult): Text {
  const failing = d.clients.filter((c) => !c.ok);
  return both((l) => {
    const why = [...new Set(failing.map((c) => simulationReason(c.reason)[l]))].join('; ');
    switch (d.status) {
      case 'ok':
        return L.values.deviceOk[l];
      case 'fails':
        return why ? `${L.values.deviceFails[l]}: ${why}` : L.values.deviceFails[l];
      case 'partial':
        if (onlyWithTls12(d)) return L.values.deviceOnlyWithTls12[l];
        return `${L.values.deviceOnlyWith[l]} ${d.clients
          .filter((c) => c.ok)
          .map((c) => clientName(c.client))
          .join(', ')}; ${failing.map((c) => `${clientName(c.client)}: ${simulationReason(c.reason)[l]}`).join('; ')}`;
      default:
        return L.values.deviceUnknown[l];
    }
  });
}

/** "Windows 8.1", "Windows 10" → "Windows 8.1, 10": the page-1 line stays short. */
function joinWindows(names: string[]): string[] {
  const win = names.filter((n) => n.startsWith('Windows '));
  if (win.length < 2) return names;
  const rest = names.filter((n) => !n.startsWith('Windows '));
  return [`Windows ${win.map((n) => n.slice('Windows '.length)).join(', ')}`, ...rest];
}

/** Page 1's line for one server: the device names grouped by how they connect. */
export interface ReachLine {
  server: string;
  direction: Text;
  ok: string[];
  onlyWithTls12: string[];
  partial: string[];
  fails: string[];
  unknown: string[];
}

export function reachLine(e: EndpointResult, sameHost: boolean): ReachLine {
  const ds = e.devices ?? [];
  const names = (status: DeviceResult['status']) =>
    joinWindows(ds.filter((d) => d.status === status && !onlyWithTls12(d)).map(deviceShort));
  return {
    server: shown(sameHost ? `${e.host}:${e.port}` : e.host),
    direction: e.protocol === 'smtp' ? L.fields.outgoing : L.fields.incoming,
    ok: names('ok'),
    onlyWithTls12: ds.filter(onlyWithTls12).map(deviceShort),
    partial: names('partial'),
    fails: names('fails'),
    unknown: names('unknown'),
  };
}
