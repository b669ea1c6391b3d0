"use client";

import { ApiCall } from "@/app/components/api-call";
import { Countdown } from "@/app/components/countdown";
import { MODES } from "@/app/components/modes";
import { Box } from "@/app/components/panel";
import { callApi } from "@/lib/client/api";

/** After logout: what the page forgot, and whether anything on the server changed. */
export type Forgotten = { transport: "bearer"; token: string; exp: number; denied: boolean } | { transport: "cookie"; capture: string | null; exp: number; denied: boolean };

const JSON_HEADERS = { "content-type": "application/json" };

/** What logging out changed: for an ordinary token, nothing on the server — a copy works until exp. */
export function AfterLogout({ forgotten }: { forgotten: Forgotten }) {
  const m = MODES.jwt;
  const what = forgotten.transport === "cookie" ? "The server deleted this browser's cookie." : "This page forgot the token.";
  return (
    <Box title={forgotten.denied ? "Logged out — and deny-listed" : "Logged out — but the token is not dead"} tone="warn">
      {forgotten.denied ? (
        <p data-testid="jwt-deny-listed">
          {what} The token was revocable: its <code className="font-mono">jti</code> is now on the deny-list, so a copy is refused at once. The price:
          a revocable token costs a deny-list lookup (once per instance, then kept in memory until the store announces the listing — see the
          timeline) — the state is back.
        </p>
      ) : (
        <p data-testid="jwt-still-valid">
          {what} The server has nothing to delete, so <strong>the token itself stays valid</strong> until its <code className="font-mono">exp</code>:{" "}
          <Countdown until={forgotten.exp} label="still valid for" />. Anyone holding a copy can keep using it
          {forgotten.transport === "cookie" ? " — deleting a cookie deletes one copy." : "."}
        </p>
      )}
      {forgotten.transport === "bearer" ? (
        <ApiCall
          label="replay the forgotten token"
          call={() => callApi("/api/jwt/mypage", { headers: { Authorization: `Bearer ${forgotten.token}` } }, "jwt", "replay after logout")}
          buttonClass={m.accent.bar}
        />
      ) : forgotten.capture ? (
        <ApiCall
          label="replay a copy of the deleted cookie"
          call={() =>
            callApi("/api/jwt/lab/replay", { method: "POST", headers: JSON_HEADERS, body: JSON.stringify({ capture: forgotten.capture }) }, "jwt", "replay the cookie's copy after logout")
          }
          buttonClass={m.accent.bar}
        />
      ) : null}
    </Box>
  );
}
