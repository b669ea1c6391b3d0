"use client";

import { useTranslations } from "next-intl";
import { captureCookie, ReplayCard, replayCookie, replayToken } from "@/app/components/replay-lab";
import { currentAccessToken, logoutHybrid } from "@/lib/client/hybrid-store";

/** Hybrid's column of the replay lab: the copy is both tokens, and logout revokes the refresh token's family. */
export function HybridReplay() {
  const t = useTranslations("hybridReplay");
  return (
    <ReplayCard
      mode="hybrid"
      expect={t("expect")}
      capture={async () => {
        const token = currentAccessToken();
        const refresh = await captureCookie("hybrid");
        return token && refresh ? { token, refresh } : null;
      }}
      logOut={async () => {
        await logoutHybrid();
      }}
      replay={async ({ token, refresh }, replaying) => [await replayToken("hybrid", token, replaying), await replayCookie("hybrid", refresh, "refreshToken", replaying)]}
    />
  );
}
