import type { NextRequest } from "next/server";
import { jwtCookie } from "@/lib/auth/cookies";
import * as Jwt from "@/lib/auth/jwt";
import { sealCapture } from "@/lib/auth/lab";
import { bearerFailure, instrumented, json } from "@/lib/http";

/**
 * Replay lab, cookie transport: a sealed copy of this browser's JWT cookie, to replay after
 * logging out. Page script never sees the token itself (it is HttpOnly, and the capture is sealed
 * under a key of its own), and the replay route answers only whether it was accepted.
 */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const cookie = req.cookies.get(jwtCookie().name)?.value;
    const owner = await Jwt.authenticate({ cookie });
    if (!owner.ok) return bearerFailure(owner);
    return json({ capture: await sealCapture("jwt", cookie as string) });
  });
}
