import "server-only";
import { createHash } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { env } from "../env";

/**
 * The replay lab's "captured credential". Page script must never see an HttpOnly cookie's value,
 * so a capture is the cookie sealed again under a key of its own: script can hold it and hand it
 * back to a lab endpoint, which replays it and reports only whether it was accepted — never any
 * data — so a capture is worth nothing to a thief.
 */
const labPassword = () => createHash("sha256").update(`login-lab capture key\0${env().SESSION_SECRET}`).digest("hex");
const ONE_HOUR = 3600;

export function sealCapture(kind: "session" | "refresh" | "jwt", value: string): Promise<string> {
  return sealData({ kind, value }, { password: labPassword(), ttl: ONE_HOUR });
}

export async function openCapture(kind: "session" | "refresh" | "jwt", capture: unknown): Promise<string | null> {
  if (typeof capture !== "string" || capture.length > 2048) return null;
  try {
    const data = await unsealData<{ kind?: unknown; value?: unknown }>(capture, { password: labPassword(), ttl: ONE_HOUR });
    return data.kind === kind && typeof data.value === "string" ? data.value : null;
  } catch {
    return null;
  }
}
