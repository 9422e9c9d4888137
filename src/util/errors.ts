/** The message of anything thrown, for a user-facing or logged sentence. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
