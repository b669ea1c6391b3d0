import type { NextRequest } from "next/server";
import { GET as baseline } from "../mypage/route";

/**
 * The benchmark's second yardstick: the same answer as GET /api/baseline/mypage, at a path that
 * proxy.ts's matcher leaves out, so Next.js runs no proxy for it. baseline ÷ unproxied throughput
 * is then what passing through a proxy costs a request — any app's proxy, whatever it checks.
 */
export function GET(req: NextRequest) {
  return baseline(req);
}
