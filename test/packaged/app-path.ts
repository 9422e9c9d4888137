// Where electron-builder leaves the unpacked app of each target in release/ (the installers are
// built from it): the executable the smoke test launches.
import * as path from 'node:path';

export function packagedExecutable(releaseDir: string, platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return path.win32.join(releaseDir, arch === 'ia32' ? 'win-ia32-unpacked' : 'win-unpacked', 'PEC Doctor.exe');
  if (platform === 'darwin') {
    return path.posix.join(releaseDir, arch === 'arm64' ? 'mac-arm64' : 'mac', 'PEC Doctor.app', 'Contents', 'MacOS', 'PEC Doctor');
  }
  // Linux: the executable is named after package.json's name (electron-builder's executableName).
  return path.posix.join(releaseDir, 'linux-unpacked', 'pec-doctor');
}
