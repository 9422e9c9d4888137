// Opens a URL in the user's default browser, without a shell: the URL is ours (loopback).
import { exec } from '../platform/exec';

export async function openInBrowser(url: string): Promise<boolean> {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['rundll32.exe', ['url.dll,FileProtocolHandler', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  return (await exec(cmd, args, { timeoutMs: 10_000 })).ok;
}
