/**
 * One readable form for every date the app shows: the visitor's local time of day (with the
 * date when it is not today), then how long ago or from now — "2:05:09 PM (3 minutes ago)" — both in
 * the page's language (`locale`, e.g. "en" or "ko": "오후 2:05:09 (3분 전)"). The hour has no
 * leading zero ("오후 3:49:14", never "오후 03:49:14"); minutes and seconds keep two digits.
 */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    relativeFormats.set(locale, format);
  }
  return format;
}

export function relativeText(at: number, now: number, locale: string): string {
  const relative = relativeFormat(locale);
  const s = Math.round((at - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 60) return relative.format(s, "second");
  if (abs < 3600) return relative.format(Math.round(s / 60), "minute");
  if (abs < 48 * 3600) return relative.format(Math.round(s / 3600), "hour");
  return relative.format(Math.round(s / 86400), "day");
}

export function whenText(at: number, now: number, locale: string): string {
  const d = new Date(at);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  const time = d.toLocaleTimeString(locale, { hour: "numeric", minute: "2-digit", second: "2-digit" });
  const day = sameDay ? "" : `${d.toLocaleDateString(locale, { year: "numeric", month: "short", day: "numeric" })} `;
  return `${day}${time} (${relativeText(at, now, locale)})`;
}
