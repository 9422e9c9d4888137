// The arguments of every contract method, checked at both doors (Electron IPC in main/ipc.ts,
// the web bridge in src/web/server.ts) from this one table. Whatever calls the API — our
// renderer, a page that got the bridge token, a compromised renderer — is untrusted input: a
// wrong type, an extra key, a huge string or a NaN deadline is refused with a clear sentence
// before the core sees it, and deadlines are clamped to a range a person would wait for.
// The table is a Record over ApiMethod whose entries are typed by ApiArgs<M>, so the compiler
// fails when a method is added to src/api.ts without a schema, or a schema drifts from its type.
import type { ApiArgs, ApiMethod, DiagnosisRequest, RepairRequest, Report, ReportFormat } from './api';
import { MAX_REPORT_BYTES } from './report/limits';

/** A checker for one value: returns it (possibly normalised, e.g. clamped) or throws. */
export interface Schema<T> {
  readonly check: (value: unknown, path: string) => T;
  readonly optional?: boolean;
}

/** A refused call: the message names the method, the argument and what was expected. */
export class ApiArgumentError extends Error {
  override name = 'ApiArgumentError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly problemIt: string,
    readonly problemEn: string,
  ) {
    super(`Richiesta non valida (${method}): ${path} ${problemIt} / Invalid request (${method}): ${path} ${problemEn}`);
  }
}

/** Thrown inside a checker; the door adds the method name. */
class Problem extends Error {
  constructor(
    readonly path: string,
    readonly it: string,
    readonly en: string,
  ) {
    super(`${path} ${en}`);
  }
}

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isNaN(v) ? 'NaN' : typeof v);
const ITALIAN_KIND: Record<string, string> = {
  string: 'un testo',
  number: 'un numero',
  boolean: 'vero/falso',
  object: 'un oggetto',
  array: 'un elenco',
  null: 'null',
  undefined: 'assente',
  NaN: 'NaN',
  bigint: 'un numero',
  function: 'una funzione',
  symbol: 'un simbolo',
};
const wrongKind = (path: string, itWant: string, enWant: string, value: unknown): Problem =>
  new Problem(
    path,
    `deve essere ${itWant} (ricevuto: ${ITALIAN_KIND[kindOf(value)] ?? kindOf(value)})`,
    `must be ${enWant} (got ${kindOf(value)})`,
  );

export function str(max: number, pattern?: RegExp): Schema<string> {
  return {
    check(v, path) {
      if (typeof v !== 'string') throw wrongKind(path, 'un testo', 'a string', v);
      if (v.length > max)
        throw new Problem(
          path,
          `è troppo lungo (${v.length} caratteri, massimo ${max})`,
          `is too long (${v.length} characters, at most ${max})`,
        );
      if (pattern && !pattern.test(v)) throw new Problem(path, 'non ha la forma attesa', 'does not have the expected form');
      return v;
    },
  };
}

export function oneOf<T extends string>(...values: readonly T[]): Schema<T> {
  return {
    check(v, path) {
      if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
        throw new Problem(path, `deve essere uno di: ${values.join(', ')}`, `must be one of: ${values.join(', ')}`);
      }
      return v as T;
    },
  };
}

/** A finite number; out of [min, max] it is clamped (deadlines) rather than refused. */
export function clampedNumber(min: number, max: number): Schema<number> {
  return {
    check(v, path) {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw wrongKind(path, 'un numero', 'a finite number', v);
      return Math.min(max, Math.max(min, v));
    },
  };
}

export const bool: Schema<boolean> = {
  check(v, path) {
    if (typeof v !== 'boolean') throw wrongKind(path, 'vero o falso', 'a boolean', v);
    return v;
  },
};

export function list<T>(item: Schema<T>, max: number): Schema<T[]> {
  return {
    check(v, path) {
      if (!Array.isArray(v)) throw wrongKind(path, 'un elenco', 'an array', v);
      if (v.length > max)
        throw new Problem(path, `ha troppi elementi (${v.length}, massimo ${max})`, `has too many items (${v.length}, at most ${max})`);
      return v.map((x, i) => item.check(x, `${path}[${i}]`));
    },
  };
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return { optional: true, check: (v, path) => (v === undefined ? undefined : inner.check(v, path)) };
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return { check: (v, path) => (v === null ? null : inner.check(v, path)) };
}

export function either<A, B>(a: Schema<A>, b: Schema<B>): Schema<A | B> {
  return {
    check(v, path) {
      try {
        return a.check(v, path);
      } catch {
        return b.check(v, path);
      }
    },
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

type Shape<T> = { [K in keyof T]-?: Schema<T[K]> };

/** An object with exactly these keys (optional ones may be missing); any other key is refused. */
export function exact<T>(shape: Shape<T>): Schema<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return {
    check(v, path) {
      if (!isPlainObject(v)) throw wrongKind(path, 'un oggetto', 'an object', v);
      for (const k of Object.keys(v)) {
        if (!keys.includes(k as keyof T & string)) {
          throw new Problem(`${path}.${k}`, 'non è un campo previsto', 'is not an expected field');
        }
      }
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        const s = shape[k] as Schema<unknown>;
        if (!(k in v) && !s.optional) throw new Problem(`${path}.${k}`, 'manca', 'is missing');
        const checked = s.check(v[k], `${path}.${k}`);
        if (checked !== undefined) out[k] = checked;
      }
      return out as T;
    },
  };
}

/**
 * A JSON object whose inner structure the core itself reads defensively (a report's inventory,
 * verdict...): checked to be a plain object, nothing deeper here.
 */
export function record<T>(): Schema<T> {
  return {
    check(v, path) {
      if (!isPlainObject(v)) throw wrongKind(path, 'un oggetto', 'an object', v);
      return v as T;
    },
  };
}

function arrayOf<T>(): Schema<T[]> {
  return {
    check(v, path) {
      if (!Array.isArray(v)) throw wrongKind(path, 'un elenco', 'an array', v);
      return v as T[];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The table.

/** Deadline per endpoint: below 1 s nothing answers, above 2 minutes nobody waits. */
export const TIMEOUT_SECONDS = { min: 1, max: 120 } as const;
/** A run id (ours: 16 hex characters) or a history id: no slashes, dots-only or spaces, so never a path. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
/** An e-mail address (RFC 5321 caps the path at 256 characters). */
const EMAIL_MAX = 320;
const URL_MAX = 2048;
/** A report's text: the bridge's body limit; larger files are refused before JSON.parse. */
/** One size cap for reports at every door (the CLI's reader, the bridge and the IPC). */
export const REPORT_CONTENT_MAX = MAX_REPORT_BYTES;

const diagnosisRequest: Schema<DiagnosisRequest> = exact<DiagnosisRequest>({
  emails: optional(list(str(EMAIL_MAX), 50)),
  servers: optional(list(str(URL_MAX), 50)),
  skipDiscovery: optional(bool),
  timeoutSeconds: optional(clampedNumber(TIMEOUT_SECONDS.min, TIMEOUT_SECONDS.max)),
});

/** A report the UI holds (from a run or a reopened file): the top level exactly, the rest as JSON. */
const report: Schema<Report> = exact<Report>({
  schemaVersion: clampedNumber(0, Number.MAX_SAFE_INTEGER),
  app: record(),
  createdAt: str(64),
  redacted: bool,
  inventory: nullable(record()),
  accounts: nullable(record()),
  endpoints: arrayOf(),
  findings: arrayOf(),
  plans: arrayOf(),
  verdict: record(),
  caseCode: optional(str(64)),
  context: optional(record()),
});

// Homomorphic over a type parameter, so a tuple of arguments maps to a tuple of schemas.
type SchemasOf<T extends unknown[]> = { [K in keyof T]: Schema<T[K]> };
type ArgsSchema<M extends ApiMethod> = SchemasOf<ApiArgs<M>>;

const id = str(128, ID);
const format: Schema<ReportFormat> = oneOf('json', 'html', 'pdf');

export const API_ARGUMENTS: { [M in ApiMethod]: ArgsSchema<M> } = {
  getAppInfo: [],
  getInventory: [],
  findAccounts: [],
  lookupAddress: [str(EMAIL_MAX)],
  startDiagnosis: [diagnosisRequest],
  cancelDiagnosis: [id],
  evaluateReport: [str(REPORT_CONTENT_MAX)],
  renderReport: [report, oneOf('json', 'html'), bool],
  renderRegFix: [report],
  technicianView: [report],
  listRuns: [],
  getRun: [id],
  deleteRuns: [either(oneOf('all'), id)],
  compareRuns: [id, id],
  saveReport: [report, format, bool],
  saveRegFix: [report],
  openExternal: [str(URL_MAX)],
  planRepair: [report],
  startRepair: [
    exact<RepairRequest>({
      consentId: str(32, /^[0-9a-f]{32}$/),
      goOnWithoutRestorePoint: bool,
      beforeRunId: optional(str(64, /^[A-Za-z0-9_-]+$/)),
    }),
  ],
  restartAfterRepair: [oneOf('now', 'later')],
  getStartupIntent: [],
  listRepairs: [],
  undoRepair: [str(64, /^[A-Za-z0-9_-]+$/)],
};

/** The checked (and normalised) arguments of a call, or an ApiArgumentError saying what is wrong. */
export function validateArgs<M extends ApiMethod>(method: M, args: unknown): ApiArgs<M> {
  const schemas = API_ARGUMENTS[method] as unknown as Schema<unknown>[];
  if (!Array.isArray(args)) throw new ApiArgumentError(method, 'arguments', 'devono essere un elenco', 'must be an array');
  if (args.length > schemas.length) {
    throw new ApiArgumentError(
      method,
      'arguments',
      `sono troppi (${args.length}, previsti ${schemas.length})`,
      `are too many (${args.length}, expected ${schemas.length})`,
    );
  }
  try {
    return schemas.map((s, i) => s.check(args[i], `#${i + 1}`)) as unknown as ApiArgs<M>;
  } catch (err) {
    if (err instanceof Problem) throw new ApiArgumentError(method, err.path, err.it, err.en);
    throw err;
  }
}

// JavaScript's own errors (a bug, or a hostile value the core did not expect): their text
// ("x is not iterable") means nothing to the person reading it.
const PROGRAMMING_ERRORS = [TypeError, ReferenceError, RangeError, SyntaxError, EvalError, URIError];

/** True when an error's text is written for people (ours), false for JavaScript's own. */
export function isInternalError(err: unknown): boolean {
  if (!(err instanceof Error)) return true;
  return PROGRAMMING_ERRORS.some((E) => err.constructor === E);
}

/** The sentence a door answers with: ours as written, an internal error as a clear one. */
export function publicErrorMessage(method: string, err: unknown): string {
  if (err instanceof ApiArgumentError) return err.message;
  if (!isInternalError(err)) return (err as Error).message;
  return (
    `Errore interno di PEC Doctor (${method}): l'operazione non è riuscita; riprova o invia il rapporto al tecnico. / ` +
    `PEC Doctor internal error (${method}): the operation failed; try again or send the report to the technician.`
  );
}
