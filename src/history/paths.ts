// Where the run history lives: the user's own app-data folder, as each OS expects it
// (issue #12). PEC_DOCTOR_HOME replaces the app-data folder (tests, portable use); the history
// is its `history` subfolder.
import * as os from 'os';
import * as path from 'path';

export interface HistoryEnv {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homedir?: string;
}

/** The app-data folder of PEC Doctor for this user. */
export function appDataDir(options: HistoryEnv = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.homedir ?? os.homedir();
  if (env.PEC_DOCTOR_HOME) return path.resolve(env.PEC_DOCTOR_HOME);
  // path.win32 / path.posix: the layout of the target OS, also when computed elsewhere (tests).
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'PEC Doctor');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'PEC Doctor');
  const xdg = env.XDG_DATA_HOME && path.posix.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.posix.join(home, '.local', 'share');
  return path.posix.join(xdg, 'pec-doctor');
}

export function historyDir(options: HistoryEnv = {}): string {
  const base = appDataDir(options);
  const platform = options.platform ?? process.platform;
  return (platform === 'win32' && !(options.env ?? process.env).PEC_DOCTOR_HOME ? path.win32 : path).join(base, 'history');
}
