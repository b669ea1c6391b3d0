"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { captureCookie, ReplayCard, replayCookie } from "@/app/components/replay-lab";
import { callApi } from "@/lib/client/api";

/** Session's column of the replay lab: the copy is the session cookie, and logout deletes its row. */
export function SessionReplay() {
  const t = useTranslations("sessionReplay");
  const router = useRouter();
  return (
    <ReplayCard
      mode="session"
      expect={t("expect")}
      capture={async () => {
        const cookie = await captureCookie("session");
        return cookie ? { cookie } : null;
      }}
      logOut={async () => {
        await callApi("/api/session/logout", { method: "POST" }, "session", t("logOutAction"));
        router.refresh();
      }}
      replay={async ({ cookie }, replaying) => [await replayCookie("session", cookie, "sessionCookie", replaying)]}
    />
  );
}
