"use client";

import { useTranslations } from "next-intl";
import type { Mode } from "@/lib/client/modes";
import type { JwtTransport } from "@/lib/jwt-transport";
import { code, strong } from "@/app/components/rich-tags";

/**
 * What an injected script gets from this mode's credential, as the XSS lab shows it (its payload
 * reads localStorage and document.cookie, calls each mode's API and POST /api/hybrid/refresh). The
 * lab is off in production unless LAB_XSS_ENABLED=true: then the link goes to /compare's row.
 */
export function XssNote({ mode, transport, xssLab }: { mode: Mode; transport?: JwtTransport; xssLab: boolean }) {
  const t = useTranslations("xssNote");
  const key = mode === "jwt" ? (transport === "cookie" ? "jwtCookie" : "jwtStorage") : mode;
  return (
    <p data-testid={`xss-note-${mode}`} data-variant={key} className="mt-1 text-sm">
      {t.rich(key, { strong, code })}{" "}
      {/* A plain link, not next/link: the XSS lab must load as a page of its own, with its own policy (proxy.ts). */}
      <a href={xssLab ? "/lab/xss" : "/compare#xss"} className="whitespace-nowrap text-zinc-600 underline dark:text-zinc-400">
        {xssLab ? t("lab") : t("compare")}
      </a>
    </p>
  );
}
