import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { flatten, loadMessages } from "./flat-messages";

/**
 * One Korean term for each thing (messages/glossary.ko.json): no message of messages/ko.json uses
 * a variant the glossary refuses — 복사본 where the app says 사본, 가로챈 where it says 캡처한,
 * 통합니다 where it says 유효합니다, a hedged particle like (으)로, a duration in "s".
 */
type Term = { concept: string; term: string; refused: string[]; refusedPatterns?: string[]; note?: string };
const glossary = JSON.parse(readFileSync("messages/glossary.ko.json", "utf8")) as { terms: Term[] };
const ko = loadMessages("ko");

/** Every use of a refused variant in these messages: `key: variant (chosen term) ← message`. */
function refusedUses(messages: Map<string, string>, terms: Term[]): string[] {
  const found: string[] = [];
  for (const t of terms) {
    const patterns = [...t.refused.map((v) => new RegExp(v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i")), ...(t.refusedPatterns ?? []).map((p) => new RegExp(p))];
    for (const [key, message] of messages) {
      for (const p of patterns) {
        const m = p.exec(message);
        if (m) found.push(`${key}: "${m[0]}" (say ${t.term}) ← ${message.slice(Math.max(0, m.index - 30), m.index + 40)}`);
      }
    }
  }
  return found;
}

test("the glossary is well formed: a concept, a term and what is refused, and a reason where two terms sit close", () => {
  assert.ok(glossary.terms.length >= 10);
  const concepts = new Set<string>();
  for (const t of glossary.terms) {
    assert.ok(t.concept && t.term && Array.isArray(t.refused), JSON.stringify(t));
    assert.ok(t.refused.length + (t.refusedPatterns?.length ?? 0) > 0, `${t.concept}: nothing refused`);
    assert.ok(!concepts.has(t.concept), `${t.concept} twice`);
    concepts.add(t.concept);
    for (const p of t.refusedPatterns ?? []) assert.doesNotThrow(() => new RegExp(p), p);
  }
  // The terms chosen are never refused, by their own entry or another.
  assert.deepEqual(refusedUses(new Map(glossary.terms.filter((t) => /^[\uAC00-\uD7A3·\s]+$/.test(t.term)).map((t) => [t.concept, t.term])), glossary.terms), []);
  // Stealing and capturing are told apart, and the file says why.
  const steal = glossary.terms.find((t) => t.term === "탈취");
  const capture = glossary.terms.find((t) => t.term === "캡처");
  assert.ok(steal?.note && capture?.note && /탈취/.test(capture.note), "the capture/steal decision is documented");
});

test("no Korean message uses a variant the glossary refuses", () => {
  assert.deepEqual(refusedUses(flatten(ko), glossary.terms), []);
});

test("the check sees a refused variant (and leaves the chosen terms alone)", () => {
  const sample = new Map([
    ["a", "로그아웃 전에 가로챈 JWT는 exp까지 통합니다"],
    ["b", "{mode}(으)로 로그인"],
    ["c", "{seconds} s 동안 쓰지 않으면"],
    ["d", "JWT의 Payload와 달리"],
    ["e", "캡처한 사본은 exp까지 유효합니다: 1800초(30분), {ms} ms, {n} µs"],
  ]);
  const found = refusedUses(sample, glossary.terms).map((f) => f.split(" (")[0]);
  assert.deepEqual(found.sort(), ['a: "가로챈"', 'a: "통합니다"', 'b: "(으)로"', 'c: "} s"', 'd: "Payload"'].sort());
});
