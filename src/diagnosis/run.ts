// Orchestrates a whole diagnosis (issue #6). Placeholder until the rules land.
import type { DiagnosisRequest, ProgressItem } from '../api';
import type { Report } from './types';

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (item: ProgressItem, fraction: number) => void;
}

export async function runDiagnosis(_request: DiagnosisRequest, _options: RunOptions = {}): Promise<Report> {
  throw new Error('diagnosis not built yet');
}

export async function evaluateReportJson(_json: string): Promise<Report> {
  throw new Error('diagnosis not built yet');
}
