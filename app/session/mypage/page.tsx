import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { loginPanelPath } from "@/lib/login-panel";
import { MyPageActions, ProtectedData } from "@/app/components/protected-data";
import { verifySession } from "@/lib/dal";
import { logoutSession } from "../actions";
import { SessionDevices } from "../session-devices";
import { When } from "@/app/components/when";
import { code } from "@/app/components/rich-tags";

/** The logout button of this page, in Session's colour. */
const LOGOUT_BUTTON = "bg-blue-600 text-white hover:bg-blue-700";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sessionMypage");
  return { title: t("metaTitle") };
}

/** proxy.ts let the request through because a readable cookie came along; the store decides. */
export default async function SessionMyPage() {
  const result = await verifySession();
  if (!result.ok) redirect(loginPanelPath("session", result.code, "/session/mypage", "page"));
  const { user, session } = result;
  const t = await getTranslations("sessionMypage");
  return (
    <ProtectedData
      mode="session"
      user={user}
      proof={
        <>
          <p>{t.rich("proof", { id: session.id.slice(0, 12), code })}</p>
          <ul className="mt-2 list-inside list-disc text-sm">
            <li>{t.rich("created", { when: () => <When at={session.createdAt} /> })}</li>
            <li>{t.rich("lastSeen", { when: () => <When at={session.lastSeenAt} /> })}</li>
            <li>{t.rich("ends", { when: () => <When at={session.expiresAt} /> })}</li>
            <li>{t.rich("device", { agent: session.userAgent ?? t("unknownAgent"), ip: session.ip ?? "", data: (chunks) => <span translate="no">{chunks}</span> })}</li>
          </ul>
          <div className="mt-3 rounded-lg bg-white p-3 dark:bg-zinc-900">
            <SessionDevices />
          </div>
          <MyPageActions logout={logoutSession} buttonClass={LOGOUT_BUTTON} />
        </>
      }
    />
  );
}
