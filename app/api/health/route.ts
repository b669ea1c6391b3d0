import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Ready when the app answers and its database does. */
export async function GET() {
  try {
    await db().user.count();
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable", error: "database_unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
