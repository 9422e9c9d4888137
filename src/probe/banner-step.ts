// The banner step: over TLS on implicit ports the service must greet as its protocol does; on
// STARTTLS ports the greeting was read in clear, so a command checks that the service keeps talking
// once encrypted.
import type * as tls from 'tls';
import type { ProbeVerdict } from './types';
import { bannerLooksRight, postTlsCommand } from './starttls';
import { ProbeError, SocketReader, write } from './wire';
import { asProbeError, type Ctx } from './context';
import type { MainHandshake } from './certificate-step';

export async function bannerStep(ctx: Ctx, main: MainHandshake): Promise<void> {
  const { result, session, endpoint } = ctx;
  const t1 = Date.now();
  const socket = main.socket;
  if (!socket) {
    result.banner = session.dialogue?.greeting ?? null;
    const why = main.error?.plain ?? '?';
    ctx.step('banner', 'skipped', t1, undefined, `handshake con la libreria TLS locale non riuscito: ${why}`, main.error?.technical);
    return;
  }
  const reader = new SocketReader(socket);
  try {
    if (endpoint.security === 'tls') {
      const line = await reader.readLine(session.timeouts.bannerMs, session.budget, 'banner del servizio');
      result.banner = line;
      if (!bannerLooksRight(endpoint.protocol, line))
        throw new ProbeError('banner-unexpected', `banner inatteso per ${endpoint.protocol.toUpperCase()}: "${line.slice(0, 120)}"`);
      if (endpoint.protocol === 'smtp') {
        for (let i = 0; i < 50 && /^220-/.test(line); i++) await reader.readLine(session.timeouts.bannerMs, session.budget, 'banner SMTP');
      }
      ctx.step('banner', 'ok', t1, undefined, line.slice(0, 120));
    } else {
      result.banner = session.dialogue?.greeting ?? null;
      await afterStarttls(ctx, socket, reader);
      ctx.step('banner', 'ok', t1, undefined, `${result.banner?.slice(0, 100) ?? ''} (risponde anche cifrato)`);
    }
  } catch (e) {
    const pe = asProbeError(e);
    const verdict: ProbeVerdict = pe.verdict === 'connect-reset' || pe.verdict === 'handshake-timeout' ? 'banner-unexpected' : pe.verdict;
    ctx.step('banner', 'failed', t1, verdict, pe.detail);
    ctx.fail(verdict, pe.detail);
  } finally {
    reader.detach();
    socket.on('error', () => undefined);
    socket.destroy();
  }
}

async function afterStarttls(ctx: Ctx, socket: tls.TLSSocket, reader: SocketReader): Promise<void> {
  const { session, endpoint } = ctx;
  const cmd = postTlsCommand(endpoint.protocol);
  write(socket, cmd.command);
  let last = '';
  for (let i = 0; i < 100; i++) {
    last = await reader.readLine(session.timeouts.bannerMs, session.budget, 'risposta dopo STARTTLS');
    if (cmd.ok.test(last)) return;
    if (cmd.last.test(last) && !/^250-/.test(last)) break;
  }
  throw new ProbeError('banner-unexpected', `dopo STARTTLS il server risponde "${last.slice(0, 120)}"`);
}
