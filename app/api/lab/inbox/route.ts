import type { NextRequest } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { json, jsonFailure, readJson } from "@/lib/http";

/**
 * The XSS lab's "attacker inbox": where the lab's payload sends what it stole. In memory, the
 * last 20 deliveries; gone with the process. Exists only where the lab is enabled.
 */
type Delivery = { at: string; jwt: string | null; documentCookie: string; session: string; hybridAccessToken: string | null };
const globalForInbox = globalThis as unknown as { loginLabInbox?: Delivery[] };
const inbox = (globalForInbox.loginLabInbox ??= []);

const body = z.object({
  jwt: z.string().max(4096).nullable(),
  documentCookie: z.string().max(4096),
  session: z.string().max(2048),
  hybridAccessToken: z.string().max(4096).nullable(),
});

export async function POST(req: NextRequest) {
  if (!env().labXssEnabled) return jsonFailure("not_found");
  const input = await readJson(req, body);
  if (!input.ok) return input.response;
  inbox.unshift({ at: new Date().toISOString(), ...input.data });
  inbox.splice(20);
  return json({ received: true });
}

export function GET() {
  if (!env().labXssEnabled) return jsonFailure("not_found");
  return json({ deliveries: inbox });
}

export function DELETE() {
  if (!env().labXssEnabled) return jsonFailure("not_found");
  inbox.splice(0);
  return json({ cleared: true });
}
