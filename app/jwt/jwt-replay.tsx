"use client";

import { ReplayCard, replayToken } from "@/app/components/replay-lab";
import { callApi } from "@/lib/client/api";
import { forgetJwt, readStoredJwt } from "@/lib/client/jwt-store";

/** JWT's column of the replay lab: the copy is the token itself, and logout can only deny-list a revocable one. */
export function JwtReplay() {
  return (
    <ReplayCard
      mode="jwt"
      expect="Nothing on the server to delete: the copy works until exp — unless the token was made revocable (deny-list)."
      capture={async () => {
        const token = readStoredJwt();
        return token ? { token } : null;
      }}
      logOut={async () => {
        const token = readStoredJwt();
        await callApi("/api/jwt/logout", { method: "POST", headers: token ? { Authorization: `Bearer ${token}` } : {} }, "jwt", "replay lab: log out");
        forgetJwt();
      }}
      replay={async ({ token }, after) => [await replayToken("jwt", token, after)]}
    />
  );
}
