// The system clock: a date before this app was built is certainly wrong, and certificates then
// look "not yet valid". No time server is contacted (PEC Doctor talks only to PEC servers); an
// offset measured elsewhere (a probed server's Date) can be passed in.
import type { ClockInfo } from './types';

export function clockInfo(now: Date, buildDate: string, offsetSeconds: number | null = null, timeZone: string | null = null): ClockInfo {
  const build = new Date(`${buildDate}T00:00:00Z`);
  return {
    now: now.toISOString(),
    buildDate,
    offsetSeconds,
    // A whole day of slack: the build date has no time zone and the machine may be ahead of UTC.
    beforeBuildDate: now.getTime() < build.getTime() - 24 * 3600 * 1000,
    timeZone,
  };
}
