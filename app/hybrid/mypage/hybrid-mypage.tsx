"use client";

import { useEffect, useState } from "react";
import { TokenPage, type TokenPageState } from "@/app/components/token-page";
import { hybridFetch } from "@/lib/client/hybrid-store";

export function HybridMyPage() {
  const [state, setState] = useState<TokenPageState>({ phase: "loading" });
  useEffect(() => {
    void hybridFetch("/api/hybrid/mypage").then((result) => setState({ phase: "done", result }));
  }, []);
  return (
    <TokenPage
      mode="hybrid"
      state={state}
      explain="Your browser did not send an access token with this page request: it lives only in page memory. The refresh cookie is not sent to pages either (its Path is /api/hybrid). This page's script first traded the refresh cookie for an access token, then called the API with it."
      guard={
        <>
          proxy.ts cannot guard this page: the access token lives in page memory, and no page request carries it. Its guard is on{" "}
          <code className="font-mono">GET /api/hybrid/mypage</code>, which refuses a missing or invalid token before the route runs.
        </>
      }
    />
  );
}
