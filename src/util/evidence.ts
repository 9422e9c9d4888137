/**
 * What was read to establish a fact, kept next to the parsed value so the technician can
 * check our reading: the source (a command line, a registry path, a file) and the raw text.
 */
export interface Evidence {
  source: string;
  raw?: string;
  /** Why the value is unknown, when it is. */
  error?: string;
}

/** A value we tried to read; `value` is null when unknown, and `evidence.error` says why. */
export interface Observed<T> {
  value: T | null;
  evidence: Evidence[];
}
