import type { NextRequest } from "next/server";
import { z } from "zod";
import type { Delivery } from "@/app/lab/xss/delivery";
import { env } from "@/lib/env";
import { crossSite, json, jsonFailure, readJson } from "@/lib/http";
import { labIdOf, VisitorLists } from "@/lib/lab-visitor";

/**
 * The XSS lab's "attacker inbox": where the lab's payload sends what it stole. One inbox per lab
 * visitor (the HttpOnly lab cookie that proxy.ts sets on /lab/ pages): the payload runs in the
 * visitor's own page, so its same-origin POST carries that cookie, and only that browser can read
 * or clear what it sent. In memory, bounded, gone with the process. Exists only where the lab is
 * enabled.
 */
const globalForInbox = globalThis as unknown as { loginLabInbox?: VisitorLists<Delivery> };
// A delivery is at most ~14,000 characters; 8 M characters (~16 MB) hold hundreds of full inboxes.
const inboxes = (globalForInbox.loginLabInbox ??= new VisitorLists<Delivery>({ visitors: 2_000, perVisitor: 20, chars: 8_000_000 }));

const body = z.object({
  jwt: z.string().max(4096).nullable(),
  documentCookie: z.string().max(4096),
  session: z.string().max(2048),
  jwtCookie: z.string().max(1024),
  hybridAccessToken: z.string().max(4096).nullable(),
});

/** Writes need this browser's own lab cookie; nobody writes into, or clears, another's inbox. */
const noLabCookie = () =>
  json({ error: "lab_cookie_missing", message: "No lab cookie: open /lab/xss in this browser first; it gives the browser an inbox of its own." }, { status: 403 });

export async function POST(req: NextRequest) {
  if (!env().labXssEnabled) return jsonFailure("not_found");
  if (crossSite(req)) return jsonFailure("cross_site_request");
  const visitor = labIdOf(req);
  if (!visitor) return noLabCookie();
  const input = await readJson(req, body);
  if (!input.ok) return input.response;
  inboxes.add(visitor, { at: new Date().toISOString(), ...input.data });
  return json({ received: true });
}

/** This browser's deliveries, newest first; none without a lab cookie. */
export function GET(req: NextRequest) {
  if (!env().labXssEnabled) return jsonFailure("not_found");
  const visitor = labIdOf(req);
  return json({ deliveries: visitor ? inboxes.list(visitor) : [] });
}

export function DELETE(req: NextRequest) {
  if (!env().labXssEnabled) return jsonFailure("not_found");
  if (crossSite(req)) return jsonFailure("cross_site_request");
  const visitor = labIdOf(req);
  if (!visitor) return noLabCookie();
  inboxes.clear(visitor);
  return json({ cleared: true });
}
