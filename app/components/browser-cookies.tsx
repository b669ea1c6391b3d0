"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { namespaced, pageNamespace, REFRESH_HINT_COOKIE } from "@/lib/cookie-namespace";
import { JWT_TRANSPORT_COOKIE } from "@/lib/jwt-transport";

/** `document.cookie`, re-read every second; null before the first read (server render). */
function useDocumentCookie(): string | null {
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    const read = () => setValue(document.cookie);
    read();
    const t = setInterval(read, 1000);
    return () => clearInterval(t);
  }, []);
  return value;
}

/**
 * What page script sees in `document.cookie`, re-read every second. HttpOnly cookies never
 * appear here: the gap between this and the cookies devtools lists is what HttpOnly means.
 */
export function DocumentCookie() {
  const t = useTranslations("browserCookies");
  const value = useDocumentCookie();
  return (
    <code data-testid="document-cookie" className="font-mono text-xs break-words">
      {value === null ? "…" : value === "" ? t("empty") : JSON.stringify(value)}
    </code>
  );
}

/** The script-readable cookies Login Lab sets, each with whose it is (lib/auth/cookies.ts, lib/jwt-transport.ts): none is a credential. */
const OWNERS: Record<string, "refreshHint" | "jwtTransport"> = { [REFRESH_HINT_COOKIE]: "refreshHint", [JWT_TRANSPORT_COOKIE]: "jwtTransport" };

/** The owner of a cookie of this deployment (named in its namespace, lib/cookie-namespace.ts). */
function ownerOf(name: string): (typeof OWNERS)[string] | null {
  const base = Object.keys(OWNERS).find((b) => namespaced(pageNamespace(), b) === name);
  return base ? OWNERS[base] : null;
}

/**
 * Each cookie `document.cookie` shows, with its owner: the panels share one browser, so every
 * panel sees the other modes' script-readable cookies too.
 */
export function CookieOwners() {
  const t = useTranslations("browserCookies");
  const value = useDocumentCookie();
  const pairs = (value ?? "")
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const eq = p.indexOf("=");
      return eq < 0 ? { name: p, value: "" } : { name: p.slice(0, eq), value: p.slice(eq + 1) };
    });
  if (pairs.length === 0) return null;
  return (
    <div className="mt-1 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">{t("whose")}</p>
      <ul data-testid="document-cookie-owners" className="list-inside list-disc">
        {pairs.map((c) => {
          const owner = ownerOf(c.name);
          return (
            <li key={c.name} data-cookie={c.name} data-owner={owner ?? "unknown"}>
              <code className="font-mono text-xs break-words">
                {c.name}={c.value.length > 40 ? `${c.value.slice(0, 40)}…` : c.value}
              </code>{" "}
              — {t(owner ? `owners.${owner}` : "owners.unknown")}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
