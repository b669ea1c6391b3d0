"use client";

import { useRouter } from "next/navigation";
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
  return (
    <ReplayCard<Captured>
      mode="jwt"
      expect="Nothing on the server to delete: the copy works until exp — unless the token was made revocable (deny-list). In the cookie transport, logout deletes the cookie, not the token."
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
        await callApi("/api/jwt/logout", { method: "POST", headers: bearer ? { Authorization: `Bearer ${token}` } : {} }, "jwt", "replay lab: log out");
        if (bearer) forgetJwt();
        else router.refresh();
      }}
      replay={async (captured, after) => ["token" in captured ? await replayToken("jwt", captured.token, after) : await replayCookie("jwt", captured.cookie, "JWT cookie (a copy)", after)]}
    />
  );
}
