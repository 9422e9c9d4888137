// Report files: JSON (the documented schema, docs/report.schema.json) and a self-contained HTML
// page made from the same data. Redaction happens here, on a copy, so the saved evidence of a
// run is never altered.
import type { ReportFile } from '../api';
import type { Report } from '../diagnosis/types';
import { redactReport } from './redact';
import { renderHtml } from './html';

export function reportFileStem(report: Report): string {
  return `pec-doctor-${report.createdAt.slice(0, 19).replace(/[:T]/g, '-')}`;
}

export function renderReportFile(report: Report, format: 'json' | 'html', redact: boolean): ReportFile {
  const r = redact ? redactReport(report) : report;
  const stem = reportFileStem(r) + (redact ? '-oscurato' : '');
  if (format === 'json') {
    return { fileName: `${stem}.json`, mimeType: 'application/json', content: JSON.stringify(r, null, 2) + '\n' };
  }
  return { fileName: `${stem}.html`, mimeType: 'text/html; charset=utf-8', content: renderHtml(r) };
}
