// The window's size and place, remembered between sessions in the app's data folder. A saved
// place is used only if it is still on a screen (a monitor unplugged since, a smaller laptop
// display): otherwise the window opens at its default size, centred.
import * as fs from 'fs';
import * as path from 'path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
/** How much of the window's top strip (its title bar) must be on one screen to be reachable. */
const MIN_VISIBLE = { width: 120, height: 40 };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

function asRect(v: unknown): Rect | null {
  const r = v as Partial<Rect> | null;
  if (!r || typeof r !== 'object' || !isInt(r.x) || !isInt(r.y) || !isInt(r.width) || !isInt(r.height)) return null;
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open with, from what was saved and the screens' work areas now; null when the
 * saved state is unusable (none, damaged, or off every screen).
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[], min: { width: number; height: number }): WindowState | null {
  const s = saved as Partial<WindowState> | null;
  const b = asRect(s?.bounds);
  if (!b || b.width < min.width || b.height < min.height) return null;
  const titleBar: Rect = { x: b.x, y: b.y, width: b.width, height: MIN_VISIBLE.height };
  const screen = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(MIN_VISIBLE.width, b.width) && o.height >= MIN_VISIBLE.height;
  });
  if (!screen) return null;
  // Never larger than the screen it is on (a window saved on a bigger monitor).
  const width = Math.min(b.width, screen.width);
  const height = Math.min(b.height, screen.height);
  const x = Math.min(Math.max(b.x, screen.x), screen.x + screen.width - width);
  const y = Math.min(Math.max(b.y, screen.y), screen.y + screen.height - height);
  return { bounds: { x, y, width, height }, maximized: s?.maximized === true };
}

export function readWindowState(dir: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Writes beside, then renames; returns the file written. Throws on failure (the caller logs it). */
export function writeWindowState(dir: string, state: WindowState): string {
  const file = path.join(dir, WINDOW_STATE_FILE);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${file}.partial`, `${JSON.stringify(state)}\n`);
  fs.renameSync(`${file}.partial`, file);
  return file;
}
