import assert from "node:assert/strict";
import { describe, test } from "node:test";
// next-intl's own entry needs Next's runtime under the react-server condition; its translator is use-intl's.
import { createTranslator } from "use-intl/core";
import en from "../messages/en.json" with { type: "json" };
import ko from "../messages/ko.json" with { type: "json" };
import { CLAIMS, checkClaim, latestResults } from "./claims";
import { type Evidence, evidenceValues } from "./claims-list";
import { db } from "./db";

/** On one instance without a cluster. (e2e/claims.spec.ts checks the same through the page.) */
const EXPECTED: Record<string, string[]> = {
  S1: ["holds"], S2: ["caveat"], S3: ["holds"], S4: ["holds"], S5: ["holds"], S6: ["holds"], S7: ["needs_cluster"], S8: ["caveat"],
  T1: ["holds"], T2: ["holds"], T3: ["holds"], T4: ["caveat"], T5: ["caveat"], T6: ["holds"], T7: ["caveat"], T8: ["caveat"],
  T9: ["caveat", "does_not_hold"], T10: ["holds"], T11: ["does_not_hold"], G1: ["holds"], G2: ["caveat"], G3: ["holds"],
};

/** An evidence line as the page shows it, in English or Korean: a missing message or value throws. */
function say(locale: "en" | "ko", line: Evidence): string {
  const messages = locale === "en" ? en : ko;
  const onError = (error: Error) => {
    throw error;
  };
  const t = createTranslator({ locale, messages, namespace: "claims", onError });
  const errors = createTranslator({ locale, messages, namespace: "errors", onError });
  const guide = createTranslator({ locale, messages, namespace: "guide", onError });
  const values = evidenceValues(line.values, { error: (code) => errors(code), guide: (key) => guide(key) });
  return t.markup(line.key, { ...values, code: (c) => c });
}

describe("the claims' live checks", () => {
  test("all 22 run and give the verdict this instance measures, with evidence, leaving no credential alive", async () => {
    assert.equal(CLAIMS.length, 22);
    for (const c of CLAIMS) {
      const r = await checkClaim(c.id);
      const english = r.evidence.map((e) => say("en", e));
      assert.ok(EXPECTED[c.id].includes(r.verdict), `${c.id}: ${r.verdict} — ${english.join(" / ")}`);
      assert.ok(english.length > 0 && english.every((e) => e.length > 20), c.id);
      // The next visitor may read Korean: every line renders in Korean too.
      for (const e of r.evidence) assert.match(say("ko", e), /[가-힣]/, `${c.id}: ${e.key}`);
    }
    assert.equal(latestResults().length, 22);
    const probe = "user_claims_probe";
    const live = await db().session.count({ where: { userId: probe, revokedAt: null } });
    const families = await db().refreshToken.count({ where: { userId: probe, revokedAt: null, usedAt: null } });
    assert.equal(live, 0, "every probe session logged out");
    assert.equal(families, 0, "every probe refresh family revoked");
    assert.equal(await db().refreshToken.count({ where: { userId: probe } }), 0, "and deleted: checks pile no rows up");
    assert.equal(await db().deniedToken.count({ where: { userId: probe } }), 0);
    assert.equal(await db().session.count({ where: { userId: probe } }), 0);
  });

  test("checks in parallel run one at a time and each answers", async () => {
    const results = await Promise.all(["S4", "S4", "T8", "S1"].map((id) => checkClaim(id as "S4")));
    assert.deepEqual(results.map((r) => r.verdict), ["holds", "holds", "caveat", "holds"]);
    assert.match(say("en", results[0].evidence[0]), /^After the logout, the very next request with the same cookie was refused \(session_revoked\), \d+\.\d ms later\.$/);
  });
});
