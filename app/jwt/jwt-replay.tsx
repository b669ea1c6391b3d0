"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { captureCookie, ReplayCard, replayCookie, replayToken } from "@/app/components/replay-lab";
import { callApi } from "@/lib/client/api";
import { chosenJwtTransport, forgetJwt, readStoredJwt } from "@/lib/client/jwt-store";

type Captured = { token: string } | { cookie: string };

/**
 * JWT's column of the replay lab: the copy is the token itself — from localStorage, or a sealed
 * copy of the JWT cookie in the cookie transport — and logout can only deny-list a revocable one.
 */
export function JwtReplay() {
  const router = useRouter();
  const t = useTranslations("jwtReplay");
  return (
    <ReplayCard<Captured>
      mode="jwt"
      expect={t("expect")}
      capture={async () => {
        if (chosenJwtTransport() === "cookie") {
          const cookie = await captureCookie("jwt");
          return cookie ? { cookie } : null;
        }
        const token = readStoredJwt();
        return token ? { token } : null;
      }}
      logOut={async () => {
        const token = readStoredJwt();
        const bearer = chosenJwtTransport() === "bearer" && token;
        await callApi("/api/jwt/logout", { method: "POST", headers: bearer ? { Authorization: `Bearer ${token}` } : {} }, "jwt", t("logOut"));
        if (bearer) forgetJwt();
        else router.refresh();
      }}
      replay={async (captured, replaying) => ["token" in captured ? await replayToken("jwt", captured.token, replaying) : await replayCookie("jwt", captured.cookie, "jwtCookie", replaying)]}
    />
  );
}
