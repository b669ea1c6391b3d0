import { redirect } from "next/navigation";
import { MyPageActions, ProtectedData } from "@/app/components/protected-data";
import { verifyJwtCookie } from "@/lib/dal";
import { loginPanelPath } from "@/lib/login-panel";
import { logoutJwtCookie } from "../actions";
import { JwtMyPage } from "./jwt-mypage";
import { When } from "@/app/components/when";

export const metadata = { title: "JWT · my page — Login Lab" };

/**
 * Two transports, two pages. With the cookie transport the browser sent the token with this very
 * request: proxy.ts verified it, and the page verifies it again (a cache hit, plus the deny-list
 * for a revocable token) before rendering. With the localStorage transport the request carried no
 * token, and the page's script fetches the data with it.
 */
export default async function Page() {
  const checked = await verifyJwtCookie();
  if (checked === null) return <JwtMyPage />;
  if (!checked.ok) redirect(loginPanelPath("jwt", checked.code, "/jwt/mypage", "page"));
  const { user, claims } = checked;
  return (
    <ProtectedData
      mode="jwt"
      user={user}
      proof={
        <>
          <p>
            Your browser sent the JWT cookie by itself with this page request, like a session cookie. But nothing was looked up: proxy.ts verified
            the token&apos;s signature and claims, this page checked them again, and no store holds anything about this login.
          </p>
          <ul className="mt-2 list-inside list-disc text-sm">
            <li>
              token id <code className="font-mono">{claims.jti}</code> · audience <code className="font-mono">{String(claims.aud)}</code>
            </li>
            <li>expires <When at={claims.exp * 1000} /> — logging out deletes the cookie, but a copy of it works until then</li>
            <li>{claims.revocable ? "revocable: checked against the deny-list (read once per instance, kept in memory until a listing is announced)" : "not revocable: no store lookup at all"}</li>
          </ul>
          <MyPageActions logout={logoutJwtCookie} buttonClass="bg-amber-800 text-white hover:bg-amber-900" />
        </>
      }
    />
  );
}
