import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseLocale, localeFromAcceptLanguage } from "@/i18n/locales";

test("Accept-Language: the first of our languages by weight, region ignored, English otherwise", () => {
  const cases: [string | null, "en" | "ko"][] = [
    [null, "en"],
    ["", "en"],
    ["ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko"],
    ["ko", "ko"],
    ["KO-kr", "ko"],
    ["en-US,en;q=0.9,ko;q=0.8", "en"],
    ["en;q=0.5, ko;q=0.8", "ko"],
    ["fr-FR,fr;q=0.9,ko;q=0.5", "ko"],
    ["fr-FR,de;q=0.9", "en"],
    ["ko;q=0, en;q=0.1", "en"],
    ["ko;q=0", "en"],
    ["*", "en"],
    ["ja, *;q=0.5, ko;q=0.4", "en"],
    ["ko;q=abc", "en"],
    [";;;,,,q=", "en"],
    ["x".repeat(5000) + ",ko", "en"],
  ];
  for (const [header, expected] of cases) assert.equal(localeFromAcceptLanguage(header), expected, String(header).slice(0, 60));
});

test("the cookie wins when it names one of our locales, and only then", () => {
  assert.equal(chooseLocale("en", "ko-KR"), "en");
  assert.equal(chooseLocale("ko", "en-US"), "ko");
  assert.equal(chooseLocale("de", "ko-KR"), "ko");
  assert.equal(chooseLocale("../../etc/passwd", "en"), "en");
  assert.equal(chooseLocale(undefined, "ko"), "ko");
});
