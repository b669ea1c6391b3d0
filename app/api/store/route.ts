import { storeView } from "@/lib/store-view";

export const dynamic = "force-dynamic";

/** The live store view: rows and bytes per mode, newest rows with shortened hashes. */
export async function GET() {
  return Response.json(await storeView(), { headers: { "Cache-Control": "no-store" } });
}
