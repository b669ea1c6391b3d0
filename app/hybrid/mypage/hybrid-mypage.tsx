"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { TokenPage, type TokenPageState } from "@/app/components/token-page";
import { currentAccessToken, hasRefreshHint, hybridFetch } from "@/lib/client/hybrid-store";
import { code } from "@/app/components/rich-tags";

export function HybridMyPage() {
  const t = useTranslations("hybridMypage");
  const [state, setState] = useState<TokenPageState>({ phase: "loading" });
  const [traded, setTraded] = useState(false);
  useEffect(() => {
    // No token in memory and no refresh cookie to trade: nothing to ask, and nothing is sent.
    if (!currentAccessToken() && !hasRefreshHint()) {
      setState({ phase: "no-token" });
      return;
    }
    setTraded(!currentAccessToken());
    void hybridFetch("/api/hybrid/mypage").then((result) => setState({ phase: "done", result }));
  }, []);
  return (
    <TokenPage
      mode="hybrid"
      state={state}
      noToken={t("noToken")}
      explain={traded ? `${t("explain")} ${t("traded")}` : t("explain")}
      guard={t.rich("guard", { code })}
    />
  );
}
