import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MyPageActions, ProtectedData } from "@/app/components/protected-data";
import { verifyJwtCookie } from "@/lib/dal";
import { loginPanelPath } from "@/lib/login-panel";
import { logoutJwtCookie } from "../actions";
import { JwtMyPage } from "./jwt-mypage";
import { When } from "@/app/components/when";
import { code } from "@/app/components/rich-tags";

/** The logout button of this page, in JWT's colour. */
const LOGOUT_BUTTON = "bg-amber-800 text-white hover:bg-amber-900";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jwtMypage"))("metaTitle") };
}

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
  const t = await getTranslations("jwtMypage");
  return (
    <ProtectedData
      mode="jwt"
      user={user}
      proof={
        <>
          <p>{t("cookieProof")}</p>
          <ul className="mt-2 list-inside list-disc text-sm">
            <li>{t.rich("tokenId", { jti: claims.jti, aud: String(claims.aud), code })}</li>
            <li>{t.rich("expires", { when: () => <When at={claims.exp * 1000} /> })}</li>
            <li>{t(claims.revocable ? "revocable" : "notRevocable")}</li>
          </ul>
          <MyPageActions logout={logoutJwtCookie} buttonClass={LOGOUT_BUTTON} />
        </>
      }
    />
  );
}
