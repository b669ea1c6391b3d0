/** "ok" or the failure's code: what an assertion about an auth result compares. */
export function outcome(result: { ok: true } | { ok: false; code: string }): string {
  return result.ok ? "ok" : result.code;
}
