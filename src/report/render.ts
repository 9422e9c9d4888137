// Report files (issue #6): JSON and self-contained HTML. Placeholder until the HTML lands.
import type { ReportFile } from '../api';
import type { Report } from '../diagnosis/types';

export function renderReportFile(report: Report, format: 'json' | 'html', _redact: boolean): ReportFile {
  const stamp = report.createdAt.slice(0, 19).replace(/[:T]/g, '-');
  if (format === 'json') {
    return { fileName: `pec-doctor-${stamp}.json`, mimeType: 'application/json', content: JSON.stringify(report, null, 2) };
  }
  throw new Error('HTML report not built yet');
}
