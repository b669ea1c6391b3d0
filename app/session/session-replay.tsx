"use client";

import { useRouter } from "next/navigation";
import { captureCookie, ReplayCard, replayCookie } from "@/app/components/replay-lab";
import { callApi } from "@/lib/client/api";

/** Session's column of the replay lab: the copy is the session cookie, and logout deletes its row. */
export function SessionReplay() {
  const router = useRouter();
  return (
    <ReplayCard
      mode="session"
      expect="Deleting the row ends the session: the replay should be refused at once."
      capture={async () => {
        const cookie = await captureCookie("session");
        return cookie ? { cookie } : null;
      }}
      logOut={async () => {
        await callApi("/api/session/logout", { method: "POST" }, "session", "replay lab: log out");
        router.refresh();
      }}
      replay={async ({ cookie }, after) => [await replayCookie("session", cookie, "session cookie", after)]}
    />
  );
}
