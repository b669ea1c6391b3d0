import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import compile from "icu-minify/compile";
import { AUTH_DETAILS, AUTH_ERRORS } from "@/lib/auth/errors";
import { componentFiles, findHardcodedText } from "@/lib/i18n/hardcoded-text";
import { flatten, loadMessages, type Tree } from "./flat-messages";

/**
 * messages/en.json and messages/ko.json: the same keys, the same placeholders and tags per message,
 * every message valid ICU; and no English left hard-coded in a component (lib/i18n/hardcoded-text.ts).
 */
const en = loadMessages("en");
const ko = loadMessages("ko");
const flatEn = flatten(en);
const flatKo = flatten(ko);

/** The arguments (`{name}`, `{n, plural, …}`) and rich-text tags (`<code>`) of an ICU message, in every branch. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(`{${el.value}}`);
      else if (el.type === TYPE.select || el.type === TYPE.plural) {
        found.add(`{${el.value}}`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

test("every key exists in both languages", () => {
  const missingInKo = [...flatEn.keys()].filter((k) => !flatKo.has(k));
  const missingInEn = [...flatKo.keys()].filter((k) => !flatEn.has(k));
  assert.deepEqual({ missingInKo, missingInEn }, { missingInKo: [], missingInEn: [] });
  assert.ok(flatEn.size > 100, `only ${flatEn.size} messages`);
});

/**
 * Where the Korean needs a value the English does not: the particle after a name (는/은, 으로/로)
 * depends on which credential or mode it is, and the component passes its id anyway; a duration
 * reads "1800초(30분)", so the component passes the whole minutes too (lib/i18n/duration.ts).
 */
const KOREAN_EXTRA_ARGUMENTS: Record<string, string[]> = {
  "replayLab.stillValid": ["{credential}"],
  "loginForm.login": ["{modeId}"],
  "loginForm.loginAfterOther": ["{modeId}"],
  "sessionPanel.idle": ["{minutes}"],
  "sessionPanel.shortIdle": ["{minutes}"],
  "refreshChain.rotated": ["{minutes}"],
  "claims.T6.body": ["{expiresInMinutes}"],
  "claims.T8.plain": ["{expiresInMinutes}"],
};
/** Markup only the Korean uses: identifiers set in code, a Latin word marked as English. Components provide both tags. */
const KOREAN_EXTRA_TAGS = new Set(["<code>", "<en>"]);

test("both languages use the same values and keep the same markup in each message", () => {
  const differ: string[] = [];
  for (const [key, message] of flatEn) {
    const koMessage = flatKo.get(key);
    if (koMessage === undefined) continue;
    const enArgs = argumentsOf(message);
    const koArgs = argumentsOf(koMessage);
    const extra = new Set(KOREAN_EXTRA_ARGUMENTS[key] ?? []);
    const enValues = enArgs.filter((a) => a.startsWith("{"));
    const koValues = koArgs.filter((a) => a.startsWith("{") && !extra.has(a));
    const missingTags = enArgs.filter((a) => a.startsWith("<") && !koArgs.includes(a));
    const extraTags = koArgs.filter((a) => a.startsWith("<") && !enArgs.includes(a) && !KOREAN_EXTRA_TAGS.has(a));
    if (enValues.join() !== koValues.join() || missingTags.length || extraTags.length) differ.push(`${key}: en ${enArgs.join(" ")} / ko ${koArgs.join(" ")}`);
  }
  assert.deepEqual(differ, []);
});

test("every message is valid ICU (it is precompiled at build time)", () => {
  const broken: string[] = [];
  for (const [locale, flat] of [["en", flatEn], ["ko", flatKo]] as const) {
    for (const [k, v] of flat) {
      try {
        compile(v);
      } catch (e) {
        broken.push(`${locale} ${k}: ${(e as Error).message}`);
      }
    }
  }
  assert.deepEqual(broken, []);
});

test("no Korean message is left in English, and no message is empty", () => {
  // A Korean message may keep identifiers in Latin letters, but it must hold Korean (or be only an
  // identifier, a number or a name that is the same in both languages, listed here).
  const same = new Set(["modes.jwt.title", "layout.names.en", "layout.names.ko", "claimsList.demo.jsonApi"]);
  const english = [...flatKo].filter(([k, v]) => !same.has(k) && !/[\u3131-\uD79D]/.test(v) && /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(v));
  assert.deepEqual(english.map(([k, v]) => `${k}: ${v}`), []);
  const empty = [...flatEn, ...flatKo].filter(([, v]) => v.trim() === "");
  assert.deepEqual(empty.map(([k]) => k), []);
});

test("every failure code of the API has its explanation in both languages", () => {
  for (const code of Object.keys(AUTH_ERRORS)) {
    assert.ok(flatEn.has(`errors.${code}`), `en errors.${code}`);
    assert.ok(flatKo.has(`errors.${code}`), `ko errors.${code}`);
  }
});

test("every detail of a failure is worded in both languages, the English exactly as the server words it", () => {
  for (const [key, template] of Object.entries(AUTH_DETAILS)) {
    assert.equal(flatEn.get(`errorDetails.${key}`), template, `en errorDetails.${key}`);
    assert.ok(flatKo.has(`errorDetails.${key}`), `ko errorDetails.${key}`);
  }
  assert.deepEqual([...flatEn.keys()].filter((k) => k.startsWith("errorDetails.")).length, Object.keys(AUTH_DETAILS).length);
});

test("no English is left hard-coded in a component", () => {
  const found = componentFiles().flatMap((file) => findHardcodedText(file));
  assert.deepEqual(found.map((f) => `${f.file}:${f.line} ${f.text}`), []);
});

test("the scanner sees hard-coded English (and leaves code and identifiers alone)", () => {
  const source = `
    export function A({ ok }: { ok: boolean }) {
      return (
        <section aria-label="Session details" className="text-sm font-mono" data-testid="x-y">
          <h2>Log in</h2>
          <code>ll_session</code> <kbd>F12</kbd>
          <p>{t("fine")} {ok ? "Logged in" : t("out")}</p>
          <Box title="What your browser holds" mode="session" />
          <a href="/api/session/login">{"/api/session/login"}</a>
          <p>{\`Log in with \${name}\`}</p>
        </section>
      );
    }`;
  const found = findHardcodedText("sample.tsx", source).map((f) => f.text);
  assert.deepEqual(found, ['aria-label="Session details"', "Log in", "Logged in", 'title="What your browser holds"', "Log in with"]);
});
