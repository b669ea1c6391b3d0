import { redirect } from "next/navigation";
import { loginPanelPath } from "@/lib/login-panel";
import { MyPageActions, ProtectedData } from "@/app/components/protected-data";
import { verifySession } from "@/lib/dal";
import { logoutSession } from "../actions";
import { SessionDevices } from "../session-devices";
import { When } from "@/app/components/when";

export const metadata = { title: "Session · my page — Login Lab" };

/** proxy.ts let the request through because a readable cookie came along; the store decides. */
export default async function SessionMyPage() {
  const result = await verifySession();
  if (!result.ok) redirect(loginPanelPath("session", result.code, "/session/mypage", "page"));
  const { user, session } = result;
  return (
    <ProtectedData
      mode="session"
      user={user}
      proof={
        <>
          <p>
            Your browser sent its session cookie by itself with this page request. The server unsealed it, found session{" "}
            <code className="font-mono">{session.id.slice(0, 12)}…</code> in its store, and only then rendered this page.
          </p>
          <ul className="mt-2 list-inside list-disc text-sm">
            <li>created <When at={session.createdAt} /></li>
            <li>last seen <When at={session.lastSeenAt} /></li>
            <li>ends <When at={session.expiresAt} /> unless used again</li>
            <li>device: {session.userAgent ?? "unknown"} · {session.ip}</li>
          </ul>
          <div className="mt-3 rounded-lg bg-white p-3 dark:bg-zinc-900">
            <SessionDevices />
          </div>
          <MyPageActions logout={logoutSession} buttonClass="bg-blue-600 text-white hover:bg-blue-700" />
        </>
      }
    />
  );
}
