// The HTML report: one self-contained page in Italian (no external resources, no scripts,
// inline CSS) that prints on A4. First what the lawyer reads (verdict, findings with their
// fixes), then every detail for the technician, all from the same Report object.
import type { Finding, Report, Severity } from '../diagnosis/types';
import type { EndpointResult } from '../probe/types';
import type { Inventory } from '../inventory/types';

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Problema', warning: 'Attenzione', info: 'Nota', ok: 'OK' };
const STATUS_LABEL: Record<Report['verdict']['status'], string> = { error: 'Ci sono problemi da risolvere', warning: 'Qualcosa da sistemare', ok: 'Tutto a posto', incomplete: 'Controllo incompleto', 'not-pec': 'Non è un indirizzo PEC', offline: 'Questo computer non raggiunge Internet' };

const CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #1b1b1b; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
@media print { body { padding: 0; max-width: none; } pre:last-child { margin-bottom: 0; } }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; border-bottom: 1px solid #888; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
.meta { color: #444; font-size: 9.5pt; margin-bottom: 5mm; }
.verdict { border: 2px solid; border-radius: 3mm; padding: 4mm 5mm; margin: 4mm 0 6mm; break-inside: avoid; }
.verdict strong { display: block; font-size: 14pt; margin-bottom: 1mm; }
.st-error { border-color: #b00020; background: #fdecee; }
.st-warning { border-color: #a15c00; background: #fff4e0; }
.st-ok { border-color: #1e7b34; background: #e9f6ec; }
.finding { border-left: 4px solid #888; padding: 1mm 0 1mm 4mm; margin: 0 0 5mm; break-inside: avoid; }
.finding.sev-error { border-color: #b00020; }
.finding.sev-warning { border-color: #a15c00; }
.finding.sev-info { border-color: #2a5db0; }
.finding.sev-ok { border-color: #1e7b34; }
.badge { display: inline-block; font-size: 8.5pt; font-weight: bold; text-transform: uppercase; letter-spacing: .03em; padding: .3mm 1.5mm; border-radius: 1mm; color: #fff; margin-right: 2mm; vertical-align: middle; }
.badge.sev-error { background: #b00020; } .badge.sev-warning { background: #a15c00; } .badge.sev-info { background: #2a5db0; } .badge.sev-ok { background: #1e7b34; }
.finding h3 { display: inline; font-size: 11.5pt; vertical-align: middle; }
.finding p, .finding li { margin: 1.5mm 0; overflow-wrap: anywhere; }
.finding ol { margin: 1mm 0 1mm 5mm; padding-left: 3mm; }
.links { font-size: 9.5pt; margin: 1mm 0 0; padding-left: 4mm; }
.links a { color: #0b4fa8; }
.url { word-break: break-all; color: #444; }
.id { color: #666; font-size: 8.5pt; font-family: Consolas, "DejaVu Sans Mono", monospace; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 9pt; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f0f0f0; }
pre { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 7.5pt; white-space: pre-wrap; word-break: break-all; background: #f7f7f7; border: 1px solid #ddd; padding: 2mm; margin: 1mm 0 3mm; }
.tech { page-break-before: always; }
.endpoint { break-inside: auto; margin-bottom: 5mm; }
.muted { color: #666; }
`;

function row(cells: unknown[], header = false): string {
  const tag = header ? 'th' : 'td';
  return `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
}

function table(headers: string[], rows: unknown[][]): string {
  if (!rows.length) return '<p class="muted">Nessun dato.</p>';
  return `<table><thead>${row(headers, true)}</thead><tbody>${rows.map((r) => row(r)).join('')}</tbody></table>`;
}

const yesNo = (v: boolean | null | undefined) => (v === true ? 'sì' : v === false ? 'no' : 'non noto');

function findingHtml(f: Finding, index: number): string {
  const steps = f.fix.steps.length ? `<p><strong>Come risolvere:</strong></p><ol>${f.fix.steps.map((s) => `<li>${esc(s.it)}</li>`).join('')}</ol>` : '';
  const links = f.fix.links.length
    ? `<ul class="links">${f.fix.links.map((l) => `<li><a href="${esc(l.url)}">${esc(l.label.it)}</a><br><span class="url">${esc(l.url)}</span></li>`).join('')}</ul>`
    : '';
  return `<section class="finding sev-${f.severity}" id="f${index}">
<span class="badge sev-${f.severity}">${SEVERITY_LABEL[f.severity]}</span><h3>${esc(f.title.it)}</h3>
<p>${esc(f.detail.it)}</p>${steps}${links}
<p class="id">${esc(f.id)}${f.subject ? ` · ${esc(f.subject)}` : ''}</p>
</section>`;
}

function inventoryHtml(inv: Inventory | null): string {
  if (!inv) return '<p class="muted">Inventario non disponibile.</p>';
  const os = inv.os;
  const parts = [
    '<h3>Sistema operativo</h3>',
    table(['Piattaforma', 'Nome', 'Versione', 'Build', 'Service pack', 'Edizione', 'Architettura'], [[os.platform, os.name, os.version, os.build, os.servicePack, os.edition, os.arch]]),
  ];
  if (inv.windows) {
    const w = inv.windows;
    parts.push(
      '<h3>Impostazioni TLS di Windows (SCHANNEL, client)</h3>',
      table(
        ['Protocollo', 'Enabled', 'DisabledByDefault', 'Stato effettivo'],
        Object.entries(w.schannel).map(([k, p]) => [k, p.enabled ?? 'assente', p.disabledByDefault ?? 'assente', p.effective]),
      ),
      table(
        ['Voce', 'Valore'],
        [
          ['WinHTTP DefaultSecureProtocols (64 bit)', hex(w.winhttp.defaultSecureProtocols64)],
          ['WinHTTP DefaultSecureProtocols (32 bit, Wow6432Node)', hex(w.winhttp.defaultSecureProtocols32)],
          ['Internet Settings SecureProtocols (HKCU)', hex(w.internetSettings.hkcu)],
          ['Internet Settings SecureProtocols (HKLM)', hex(w.internetSettings.hklm)],
          ['KB3140245 installato', yesNo(w.kb3140245)],
          ['.NET Framework (Release)', `${w.dotnet.version ?? 'non noto'} (${w.dotnet.release ?? '-'})`],
          ['.NET SchUseStrongCrypto', w.dotnet.schUseStrongCrypto ?? 'assente'],
          ['.NET SystemDefaultTlsVersions', w.dotnet.systemDefaultTlsVersions ?? 'assente'],
        ],
      ),
    );
  }
  parts.push(
    '<h3>Programmi di posta</h3>',
    table(['Programma', 'Versione', 'Nome commerciale', 'Build', 'Bit'], inv.clients.map((c) => [c.name, c.version, c.marketingName, c.build, c.bitness])),
    '<h3>Browser</h3>',
    table(['Browser', 'Versione'], inv.browsers.map((b) => [b.name, b.version])),
    '<h3>Componenti per software gestionali</h3>',
    table(['Componente', 'Versione'], inv.runtimes.map((r) => [r.name, r.version])),
    '<h3>Orologio e antivirus</h3>',
    table(
      ['Voce', 'Valore'],
      [
        ['Ora del computer', inv.clock.now],
        ['Data di questa versione', inv.clock.buildDate],
        ['Scarto misurato (s)', inv.clock.offsetSeconds ?? 'non misurato'],
        ['Antivirus', inv.antivirus.map((a) => `${a.name}${a.state ? ` (${a.state})` : ''}`).join(', ') || 'nessuno rilevato'],
      ],
    ),
  );
  if (inv.errors.length) parts.push('<h3>Letture non riuscite</h3>', table(['Fonte', 'Errore'], inv.errors.map((e) => [e.source, e.error ?? ''])));
  return parts.join('\n');
}

function hex(v: number | null): string {
  return v === null ? 'assente' : `0x${v.toString(16).toUpperCase()} (${v})`;
}

function endpointHtml(e: EndpointResult): string {
  const c = e.certificate;
  const versions = Object.entries(e.tls.versions).map(([v, ok]) => [v, yesNo(ok), (e.tls.ciphers[v as keyof typeof e.tls.ciphers] ?? []).join(', ')]);
  return `<div class="endpoint"><h3>${esc(e.url)}</h3>
${table(['Esito', 'Indirizzi', 'Banner'], [[e.verdict, e.addresses.join(', '), e.banner ?? '']])}
${table(['Versione TLS', 'Accettata', 'Cifrari'], versions)}
${c ? table(['Certificato', 'Valore'], [
    ['Intestatario', c.subject],
    ['Emesso da', c.issuer],
    ['Nomi (SAN)', c.san.join(', ')],
    ['Validità', `${c.validFrom} → ${c.validTo}`],
    ['Chiave / firma', `${c.keyType} ${c.keyBits ?? ''} / ${c.signatureAlgorithm ?? ''}`],
    ['Affidabile', `${yesNo(c.trusted)}${c.trustError ? ` (${c.trustError})` : ''}`],
    ['Nome corrispondente', yesNo(c.hostnameMatches)],
    ['Intercettato da', c.interceptedBy ?? 'no'],
    ['SHA-256', c.fingerprintSha256],
  ]) : '<p class="muted">Nessun certificato ricevuto.</p>'}
${table(['Programma simulato', 'Esito', 'Versione', 'Cifrario', 'Motivo'], e.simulations.map((s) => [s.name || s.client, s.ok ? 'riesce' : 'fallisce', s.version ?? '', s.cipher ?? '', s.reason]))}
${table(['Passo', 'Stato', 'Esito', 'Dettaglio', 'ms'], e.steps.map((s) => [s.step, s.status, s.verdict ?? '', s.detail ?? '', s.ms]))}
</div>`;
}

export function renderHtml(report: Report): string {
  const created = new Date(report.createdAt);
  const when = Number.isNaN(created.getTime())
    ? report.createdAt
    : `${created.toLocaleDateString('it-IT', { timeZone: 'UTC' })} ${created.toISOString().slice(11, 16)} UTC`;
  const problems = report.findings.filter((f) => f.severity !== 'ok');
  const oks = report.findings.filter((f) => f.severity === 'ok');
  const accounts = report.accounts?.accounts ?? [];
  const srv = (s: { host: string; port: number; protocol: string; security: string; userName?: string | null } | null) =>
    s ? `${s.protocol.toUpperCase()} ${s.host}:${s.port} ${s.security}${s.userName ? ` · utente ${s.userName}` : ''}` : '';
  const failures = report.context?.failures ?? [];
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>PEC Doctor — rapporto del ${esc(when)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>PEC Doctor — rapporto di diagnosi</h1>
<p class="meta">Creato il ${esc(when)} · ${esc(report.app.name)} ${esc(report.app.version)} · schema ${esc(report.schemaVersion)}${report.redacted ? ' · indirizzi e nomi utente oscurati' : ''}</p>
</header>
<section class="verdict st-${report.verdict.status}">
<strong>${esc(STATUS_LABEL[report.verdict.status])}</strong>
${esc(report.verdict.summary.it)}
</section>
<h2>Cosa abbiamo trovato</h2>
${problems.length ? problems.map((f, i) => findingHtml(f, i)).join('\n') : '<p>Nessun problema trovato.</p>'}
${oks.length ? `<h2>Controlli riusciti</h2>\n${oks.map((f, i) => findingHtml(f, problems.length + i)).join('\n')}` : ''}
<section class="tech">
<h2>Dettagli per il tecnico</h2>
${inventoryHtml(report.inventory)}
<h3>Account di posta</h3>
${report.accounts === null ? '<p class="muted">Ricerca degli account non eseguita.</p>' : table(['Programma', 'Profilo', 'Indirizzo', 'Gestore', 'In arrivo', 'In uscita', 'Segnalazioni'], accounts.map((a) => [a.client, a.profile, a.email, a.provider, srv(a.incoming), srv(a.outgoing), a.findings.join(', ')]))}
${report.accounts?.errors.length ? table(['Fonte', 'Errore'], report.accounts.errors.map((e) => [e.source, e.error ?? ''])) : ''}
${report.context?.lookups.length ? `<h3>Indirizzi PEC indicati</h3>${table(['Indirizzo', 'Gestore', 'Webmail'], report.context.lookups.map((l) => [l.email, l.provider?.name ?? 'non riconosciuto', l.provider?.webmail ?? '']))}` : ''}
<h2>Server verificati</h2>
${report.endpoints.length ? report.endpoints.map(endpointHtml).join('\n') : '<p class="muted">Nessun server verificato.</p>'}
${failures.length ? `<h3>Controlli non completati</h3>${table(['Controllo', 'Errore'], failures.map((f) => [f.check, f.message]))}` : ''}
<h2>Prove di ogni segnalazione</h2>
${report.findings.map((f) => `<h3 class="id">${esc(f.id)}${f.subject ? ` · ${esc(f.subject)}` : ''}</h3><pre>${esc(JSON.stringify(f.evidence, null, 1))}</pre>`).join('\n')}
</section>
</body>
</html>
`;
}
