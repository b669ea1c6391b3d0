import { routeStats } from "@/lib/metrics";

export const dynamic = "force-dynamic";

/** The in-process auth cost per guarded route, as recorded from live requests. */
export function GET() {
  return Response.json(routeStats(), { headers: { "Cache-Control": "no-store" } });
}
