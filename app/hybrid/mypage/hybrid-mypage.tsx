"use client";

import { useEffect, useState } from "react";
import { TokenPage, type TokenPageState } from "@/app/components/token-page";
import { currentAccessToken, hasRefreshHint, hybridFetch } from "@/lib/client/hybrid-store";

export function HybridMyPage() {
  const [state, setState] = useState<TokenPageState>({ phase: "loading" });
  const [traded, setTraded] = useState(false);
  useEffect(() => {
    // No token in memory and no refresh cookie to trade: nothing to ask, and nothing is sent.
    if (!currentAccessToken() && !hasRefreshHint()) {
      setState({ phase: "no-token", why: "This browser holds no hybrid refresh cookie, so there was nothing to trade for an access token: you are not logged in with Hybrid here. No request was sent." });
      return;
    }
    setTraded(!currentAccessToken());
    void hybridFetch("/api/hybrid/mypage").then((result) => setState({ phase: "done", result }));
  }, []);
  return (
    <TokenPage
      mode="hybrid"
      state={state}
      explain={`Your browser did not send an access token with this page request: it lives only in page memory. The refresh cookie is not sent to pages either (its Path is /api/hybrid/refresh).${traded ? " This page's script first traded the refresh cookie for an access token (POST /api/hybrid/refresh), then called the API with it." : ""}`}
      guard={
        <>
          proxy.ts cannot guard this page: the access token lives in page memory, and no page request carries it. Its guard is on{" "}
          <code className="font-mono">GET /api/hybrid/mypage</code>, which refuses a missing or invalid token before the route runs.
        </>
      }
    />
  );
}
