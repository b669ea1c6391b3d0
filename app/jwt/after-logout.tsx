"use client";

import { useTranslations } from "next-intl";
import { ApiCall } from "@/app/components/api-call";
import { Countdown } from "@/app/components/countdown";
import { MODES } from "@/app/components/modes";
import { Box } from "@/app/components/panel";
import { callApi } from "@/lib/client/api";
import { code, strong } from "@/app/components/rich-tags";

/** After logout: what the page forgot, and whether anything on the server changed. */
export type Forgotten = { transport: "bearer"; token: string; exp: number; denied: boolean } | { transport: "cookie"; capture: string | null; exp: number; denied: boolean };

const JSON_HEADERS = { "content-type": "application/json" };

/** What logging out changed: for an ordinary token, nothing on the server — a copy works until exp. */
export function AfterLogout({ forgotten }: { forgotten: Forgotten }) {
  const m = MODES.jwt;
  const t = useTranslations("jwtAfterLogout");
  const what = t(forgotten.transport === "cookie" ? "cookieDeleted" : "pageForgot");
  return (
    <Box title={t(forgotten.denied ? "titleDenied" : "titleAlive")} tone="warn">
      {forgotten.denied ? (
        <p data-testid="jwt-deny-listed">{t.rich("denied", { what, code })}</p>
      ) : (
        <p data-testid="jwt-still-valid">
          {t.rich("stillValid", {
            what,
            transport: forgotten.transport,
            strong,
            code,
            countdown: () => <Countdown until={forgotten.exp} label={t("stillValidFor")} />,
          })}
        </p>
      )}
      {forgotten.transport === "bearer" ? (
        <ApiCall
          label={t("replayToken")}
          call={() => callApi("/api/jwt/mypage", { headers: { Authorization: `Bearer ${forgotten.token}` } }, "jwt", t("timeline.replayToken"))}
          buttonClass={m.accent.bar}
        />
      ) : forgotten.capture ? (
        <ApiCall
          label={t("replayCookie")}
          call={() =>
            callApi("/api/jwt/lab/replay", { method: "POST", headers: JSON_HEADERS, body: JSON.stringify({ capture: forgotten.capture }) }, "jwt", t("timeline.replayCookie"))
          }
          buttonClass={m.accent.bar}
        />
      ) : null}
    </Box>
  );
}
