/**
 * A duration in seconds, as a message shows it. English says "1800 s"; Korean says "1800초(30분)"
 * — the seconds, then the minutes in parentheses when the duration is a whole number of minutes
 * (at least one) — and "15초" otherwise. ICU cannot divide, so the component passes the minutes
 * along: `{seconds}초{minutes, select, none {} other {({minutes}분)}}`.
 */
export function wholeMinutes(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? String(seconds / 60) : "none";
}

/** The values of a `{seconds}` duration message: `t("idle", durationValues(1800))`. */
export function durationValues(seconds: number): { seconds: string; minutes: string } {
  return { seconds: String(seconds), minutes: wholeMinutes(seconds) };
}
