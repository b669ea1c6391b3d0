"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { TokenPage, type TokenPageState } from "@/app/components/token-page";
import { callApi } from "@/lib/client/api";
import { JWT_STORAGE_KEY, readStoredJwt } from "@/lib/client/jwt-store";
import { code } from "@/app/components/rich-tags";

export function JwtMyPage() {
  const t = useTranslations("jwtMypage");
  const [state, setState] = useState<TokenPageState>({ phase: "loading" });
  useEffect(() => {
    const token = readStoredJwt();
    if (!token) {
      setState({ phase: "no-token" });
      return;
    }
    void callApi("/api/jwt/mypage", { headers: { Authorization: `Bearer ${token}` } }).then((result) => setState({ phase: "done", result }));
  }, []);
  return (
    <TokenPage
      mode="jwt"
      state={state}
      noToken={t("noToken", { storage: `localStorage["${JWT_STORAGE_KEY}"]` })}
      explain={t("explain")}
      guard={t.rich("guard", { code })}
    />
  );
}
