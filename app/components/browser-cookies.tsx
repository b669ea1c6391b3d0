"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * What page script sees in `document.cookie`, re-read every second. HttpOnly cookies never
 * appear here: the gap between this and the cookies devtools lists is what HttpOnly means.
 */
export function DocumentCookie() {
  const t = useTranslations("browserCookies");
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    const read = () => setValue(document.cookie);
    read();
    const t = setInterval(read, 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <code data-testid="document-cookie" className="font-mono text-xs break-words">
      {value === null ? "…" : value === "" ? t("empty") : JSON.stringify(value)}
    </code>
  );
}
