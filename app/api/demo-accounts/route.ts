import type { NextRequest } from "next/server";
import { createDemoAccount } from "@/lib/auth/demo-accounts";
import { requestMeta } from "@/lib/auth/request-meta";
import { instrumented, json, jsonFailure } from "@/lib/http";

/**
 * A throwaway account of one's own (lib/auth/demo-accounts.ts): 201 with its username and password,
 * throttled per client address (429 + Retry-After). It takes no body; one that comes along is never
 * read. The password is in this response only: no-store keeps it out of every cache.
 */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const account = await createDemoAccount(requestMeta(req.headers).ip);
    if (!account.ok) return jsonFailure(account);
    const { username, password, displayName, expiresAt } = account;
    return json({ username, password, displayName, expiresAt: expiresAt.toISOString() }, { status: 201 });
  });
}
