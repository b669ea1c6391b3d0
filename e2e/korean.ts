import type { Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { expect } from "./fixtures";

/** A message key shown instead of its text (`jwtView.readable`): what a message missing in the browser looks like. */
const KEY_SHOWN = new RegExp(`\\b(${Object.keys(en).join("|")})\\.[A-Za-z]`);

/** "(으)로", "(이)가", "을(를)", "은(는)", "와(과)" and the like: a particle not chosen for its word. */
const HEDGED_PARTICLE = /\((으|이)\)(로|가)|(을|를)\((을|를)\)|(은|는)\((은|는)\)|(이|가)\((이|가)\)|(와|과)\((와|과)\)/;

/**
 * Latin words a Korean page may show as they are: names of standards, protocols, products and
 * units that Korean developers write in Latin letters too.
 */
const ALLOWED = new Set(
  (
    "Login Lab JWT JWS JWKS JSON API APIs HTTP HTTPS SSR SPA XSS CSRF CORS CSP URL ID IDs OK TLS CPU RAM LRU SQL SQLite PostgreSQL Prisma " +
    "iron-session jose Next.js Node.js Chromium Chrome Firefox Safari DevTools F12 EdDSA Ed25519 HMAC HS256 RS256 AES GCM SHA-256 argon2id CSPRNG " +
    "HttpOnly SameSite Secure Lax Strict Bearer Cookie Set-Cookie Authorization Origin localStorage sessionStorage GET POST DELETE PUT " +
    "ms KB MB B p50 p95 p99 req/s UTC alice bob Alice Bob stateful stateless iOS Android OAuth OIDC SSO nbf iat exp jti kid sub aud iss typ " +
    "Application Cookies Storage Local Network Console Path Domain Expires Max-Age vs HTML Redis JWE LISTEN NOTIFY AES-256-CBC fetch README REST RESTful " +
    // The demo and e2e users' names are data, not interface.
    "carol dave erin frank grace heidi ivan judy kim Carol Dave Erin Frank Grace Heidi Ivan Judy Kim lee mina Lee Mina"
  ).split(" "),
);

/** Visible text outside code and outside elements in another language, plus the names screen readers read. */
export async function englishLeft(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const skip = 'code, kbd, samp, pre, script, style, noscript, svg, [translate="no"], [lang]:not([lang="ko"]):not(html)';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest(skip) || !el.checkVisibility({ visibilityProperty: true })) continue;
      const text = node.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (el.closest(skip)) continue;
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    return out;
  });
  const left: string[] = [];
  for (const text of texts) {
    if (KEY_SHOWN.test(text)) left.push(`a message key  ←  "${text.slice(0, 120)}"`);
    // Korean that reads as a machine's: a hedged particle, "(으)로", where the particle is chosen per
    // word (세션으로, JWT로), and seconds as "15 s" where Korean says 15초 (messages/glossary.ko.json).
    if (HEDGED_PARTICLE.test(text)) left.push(`a hedged particle  ←  "${text.slice(0, 120)}"`);
    if (/\d\s+s\b/.test(text)) left.push(`seconds as "s"  ←  "${text.slice(0, 120)}"`);
    // Tokens, hashes and ids are data, not language: long runs of base64url/hex are left out, and so
    // are paths, file and host names and snake_case ids. An English gloss in parentheses right
    // after the Korean term it glosses — 쿠키 저장소(cookie jar) — is how Korean technical prose
    // names the original term.
    const words = text
      .replace(/[A-Za-z0-9_-]{16,}/g, " ")
      .replace(/\b(?=[a-z]*\d)[0-9a-f]{6,}\b/g, " ")
      .replace(/\S*[/._]\S*/g, " ")
      .replace(/([\uAC00-\uD7A3])\s?\([A-Za-z][A-Za-z0-9 ,'-]*\)/g, "$1").match(/[A-Za-z][A-Za-z0-9.'/-]*[A-Za-z0-9]|[A-Za-z]{2,}/g) ?? [];
    const english = words.filter((w) => !ALLOWED.has(w) && !ALLOWED.has(w.replace(/[.'/-]+$/, "")) && !/^[STG]\d{1,2}$/.test(w) && !/^[a-z]+(_[a-z]+)+$/.test(w));
    if (english.length) left.push(`${english.join(" ")}  ←  "${text.slice(0, 120)}"`);
  }
  return [...new Set(left)];
}

export async function expectKorean(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  expect(await englishLeft(page)).toEqual([]);
}
