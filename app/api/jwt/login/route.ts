import type { NextRequest } from "next/server";
import { createJwtLogin } from "@/lib/auth/jwt";
import { instrumented, json, passwordLogin } from "@/lib/http";

/** Returns the signed token in the body and sets no cookie: the client decides where to keep it. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const login = await passwordLogin(req);
    if (!login.ok) return login.response;
    const { accessToken, expiresIn } = await createJwtLogin(login.user, { revocable: login.options.revocable });
    return json({ access_token: accessToken, token_type: "Bearer", expires_in: expiresIn });
  });
}
