"use client";

import { useLocale } from "next-intl";
import { useEffect, useState } from "react";
import { whenText } from "@/lib/client/when";

/**
 * A date in the one form the app uses (lib/client/when.ts), in the page's language and the
 * visitor's own time zone: the server does not know the zone, so the text appears once the page
 * runs in the browser, and its "… ago" keeps up, once a second.
 */
export function When({ at, testid = "when" }: { at: Date | string | number; testid?: string }) {
  const ms = new Date(at).getTime();
  const locale = useLocale();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <time data-testid={testid} dateTime={new Date(ms).toISOString()}>
      {now === null ? "…" : whenText(ms, now, locale)}
    </time>
  );
}
