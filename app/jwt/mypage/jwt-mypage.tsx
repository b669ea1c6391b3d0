"use client";

import { useEffect, useState } from "react";
import { TokenPage, type TokenPageState } from "@/app/components/token-page";
import { callApi } from "@/lib/client/api";
import { JWT_STORAGE_KEY, readStoredJwt } from "@/lib/client/jwt-store";

export function JwtMyPage() {
  const [state, setState] = useState<TokenPageState>({ phase: "loading" });
  useEffect(() => {
    const token = readStoredJwt();
    if (!token) {
      setState({ phase: "no-token", why: `There is no token in localStorage["${JWT_STORAGE_KEY}"]: you are not logged in with JWT in this browser.` });
      return;
    }
    void callApi("/api/jwt/mypage", { headers: { Authorization: `Bearer ${token}` } }).then((result) => setState({ phase: "done", result }));
  }, []);
  return (
    <TokenPage
      mode="jwt"
      state={state}
      explain="Your browser did not send a token with this page request: a JWT kept in localStorage travels only when script adds it to a request. So this page holds no protected data until its script calls the API with the token."
      guard={
        <>
          proxy.ts let this page through: with the localStorage transport a navigation carries no token, so the guard is on{" "}
          <code className="font-mono">GET /api/jwt/mypage</code>, which this page&apos;s script calls. (With the cookie transport, proxy.ts checks the
          JWT cookie before this page renders.)
        </>
      }
    />
  );
}
