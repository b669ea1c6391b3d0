import type { NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { instrumented, json, readJson } from "@/lib/http";
import { runTrial, TRIALS, TrialError } from "@/lib/scale";

const body = z.object({ trial: z.enum(TRIALS) });

const STATUS: Record<TrialError["code"], number> = { not_in_a_cluster: 409, no_demo_user: 409, trial_running: 429, cluster_unreachable: 502 };

/** Runs one scale-out trial (lib/scale.ts) and answers its steps. */
export function POST(req: NextRequest) {
  return instrumented(null, req, async () => {
    const input = await readJson(req, body);
    if (!input.ok) return input.response;
    try {
      return json(await runTrial(input.data.trial));
    } catch (error) {
      if (!(error instanceof TrialError)) throw error;
      // The message in the visitor's language (English without a cookie or Accept-Language); the code stays as it is.
      const t = await getTranslations("scale.errors");
      return json({ error: error.code, message: t(error.text.key, error.text.values) }, { status: STATUS[error.code], headers: error.code === "trial_running" ? { "Retry-After": "2" } : {} });
    }
  });
}
