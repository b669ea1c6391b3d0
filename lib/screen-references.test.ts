import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createTranslator } from "use-intl/core";
import en from "../messages/en.json" with { type: "json" };
import ko from "../messages/ko.json" with { type: "json" };
import { CLAIMS } from "./claims-list";

/** Every message of a locale, flattened to `key → text`. */
function flat(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : flat(v as object, `${prefix}${k}.`)));
}

describe("what the screens point the reader to", () => {
  test("a file of the repository (docs/*.md, the README) is named as the repository's: a browser cannot open it from here", () => {
    for (const [locale, messages, where] of [["en", en, /repository's/], ["ko", ko, /저장소의/]] as const) {
      const unsaid = flat(messages).filter(([, text]) => /docs\/[\w-]+\.md|README/.test(text) && !where.test(text));
      assert.deepEqual(unsaid.map(([k]) => `${locale} ${k}`), []);
    }
  });

  test("/claims: every “see …” link reads as English for every demo it names, and the Korean keeps no English article", () => {
    const tEn = createTranslator({ locale: "en", messages: en });
    const tKo = createTranslator({ locale: "ko", messages: ko });
    for (const label of new Set(CLAIMS.map((c) => c.demo.label))) {
      const seeEn = tEn("claimRows.see", { demo: tEn(`claimsList.demo.${label}`) });
      assert.match(seeEn, /^see the [\w/]/, seeEn);
      assert.doesNotMatch(seeEn, /\bthe the\b|\bthe \/\w+$|the Devices$/, seeEn);
      const seeKo = tKo("claimRows.see", { demo: tKo(`claimsList.demo.${label}`) });
      assert.doesNotMatch(seeKo, /\bthe\b/i, seeKo);
    }
  });
});
