// Dates as a person reads them (issue #12): Italian format, in the time zone of the machine the
// evidence came from (Inventory.clock.timeZone) when known, else this computer's own zone; never
// raw UTC. An invalid date or zone falls back to the original text, never to an exception.

export interface DateOptions {
  /** IANA zone ("Europe/Rome"); undefined: this computer's zone. */
  timeZone?: string | null;
  /** Append the zone name when it is not this computer's. */
  showZone?: boolean;
  withTime?: boolean;
}

/** The zone when Intl knows it, else undefined (this computer's own zone is used). */
export function validZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('it-IT', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** "23/11/2026, 11:00" (it-IT), in the given zone; the input unchanged when it is not a date. */
export function formatLocalDate(iso: string | null | undefined, options: DateOptions = {}): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const timeZone = validZone(options.timeZone);
  const withTime = options.withTime !== false;
  const s = d.toLocaleString('it-IT', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  });
  return options.showZone && timeZone ? `${s} (${timeZone})` : s;
}
