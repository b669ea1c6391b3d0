import assert from "node:assert/strict";
import { test } from "node:test";
// next-intl's own entry needs Next's runtime under the react-server condition; its translator is use-intl's.
import { createTranslator } from "use-intl/core";
import en from "../../messages/en.json" with { type: "json" };
import ko from "../../messages/ko.json" with { type: "json" };
import { durationValues, wholeMinutes } from "./duration";

const onError = (error: Error) => {
  throw error;
};
const korean = createTranslator({ locale: "ko", messages: ko, onError });
const english = createTranslator({ locale: "en", messages: en, onError });

test("whole minutes of a duration, or none", () => {
  assert.equal(wholeMinutes(1800), "30");
  assert.equal(wholeMinutes(60), "1");
  assert.equal(wholeMinutes(15), "none");
  assert.equal(wholeMinutes(90), "none");
  assert.equal(wholeMinutes(0), "none");
});

test("a Korean duration reads 1800초(30분), 15초; the English keeps 1800 s", () => {
  assert.match(korean("sessionPanel.shortIdle", durationValues(1800)), /^1800초\(30분\) 동안 /);
  assert.match(korean("sessionPanel.shortIdle", durationValues(15)), /^15초 동안 /);
  assert.match(korean("refreshChain.rotated", durationValues(30)), / 30초 동안은 /);
  assert.match(korean("refreshChain.rotated", durationValues(120)), / 120초\(2분\) 동안은 /);
  assert.match(english("sessionPanel.shortIdle", durationValues(1800)), /after 1800 s without use/);
  assert.doesNotMatch(korean("replayLab.attempt", { seconds: "1.25", what: "세션 쿠키", verdict: "거부됨" }), / s\b/);
});

test("a countdown past an hour: 1h 05m 09s, 1시간 5분 9초 (no zero before a Korean unit)", () => {
  assert.equal(english("countdown.hoursLeft", { h: 1, m: 5, s: 9 }), "1h 05m 09s");
  assert.equal(korean("countdown.hoursLeft", { h: 1, m: 5, s: 9 }), "1시간 5분 9초");
});

test("the particle after a mode's name is chosen per word: 세션으로, JWT로, 하이브리드로", () => {
  const login = (modeId: "session" | "jwt" | "hybrid") => korean("loginForm.login", { mode: korean(`modes.${modeId}.title`), modeId });
  assert.deepEqual([login("session"), login("jwt"), login("hybrid")], ["세션으로 로그인", "JWT로 로그인", "하이브리드로 로그인"]);
  assert.equal(english("loginForm.login", { mode: "JWT", modeId: "jwt" }), en.loginForm.login.replace("{mode}", "JWT"));
});
