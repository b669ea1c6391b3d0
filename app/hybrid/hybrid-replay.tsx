"use client";

import { captureCookie, ReplayCard, replayCookie, replayToken } from "@/app/components/replay-lab";
import { currentAccessToken, logoutHybrid } from "@/lib/client/hybrid-store";

/** Hybrid's column of the replay lab: the copy is both tokens, and logout revokes the refresh token's family. */
export function HybridReplay() {
  return (
    <ReplayCard
      mode="hybrid"
      expect="The family is revoked: refresh refused at once; the short-lived access token lives out its exp."
      capture={async () => {
        const token = currentAccessToken();
        const refresh = await captureCookie("hybrid");
        return token && refresh ? { token, refresh } : null;
      }}
      logOut={async () => {
        await logoutHybrid();
      }}
      replay={async ({ token, refresh }, after) => [await replayToken("hybrid", token, after), await replayCookie("hybrid", refresh, "refresh token", after)]}
    />
  );
}
