import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CLAIMS, checkClaim, latestResults } from "./claims";
import { db } from "./db";

/** On one instance without a cluster. (e2e/claims.spec.ts checks the same through the page.) */
const EXPECTED: Record<string, string[]> = {
  S1: ["holds"], S2: ["caveat"], S3: ["holds"], S4: ["holds"], S5: ["holds"], S6: ["holds"], S7: ["needs_cluster"], S8: ["caveat"],
  T1: ["holds"], T2: ["holds"], T3: ["holds"], T4: ["caveat"], T5: ["caveat"], T6: ["holds"], T7: ["caveat"], T8: ["caveat"],
  T9: ["caveat", "does_not_hold"], T10: ["holds"], T11: ["does_not_hold"], G1: ["holds"], G2: ["caveat"], G3: ["holds"],
};

describe("the claims' live checks", () => {
  test("all 22 run and give the verdict this instance measures, with evidence, leaving no credential alive", async () => {
    assert.equal(CLAIMS.length, 22);
    for (const c of CLAIMS) {
      const r = await checkClaim(c.id);
      assert.ok(EXPECTED[c.id].includes(r.verdict), `${c.id}: ${r.verdict} — ${r.evidence.join(" / ")}`);
      assert.ok(r.evidence.length > 0 && r.evidence.every((e) => e.length > 20), c.id);
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
  });
});
