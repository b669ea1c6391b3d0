/**
 * What the home page costs a first visit: the JavaScript its production HTML loads (gzipped) and
 * its Largest Contentful Paint in real Chromium. Used by `npm run weight` (scripts/weight.ts) and
 * at the end of `npm run bench`, against a production server that is already running. Numbers are
 * printed, never asserted.
 */
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, devices } from "@playwright/test";

export const TARGET_FIRST_LOAD_KB = 150;
export const TARGET_LCP_MS = 1000;

/** One script the HTML makes the browser load, and why it is counted. */
type Script = { url: string; from: string; counted: boolean; bytes: number; gzip: number };

const kb = (n: number) => n / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Every script the HTML of `path` loads: each `<script src>` (a `noModule` one is listed but not
 * counted: browsers with modules skip it), each script it preloads, the chunks of the inline Turbopack bootstrap
 * (`"otherChunks": [...]`), and the chunks the inline RSC payload names for the client components
 * the page hydrates. Each is fetched and gzipped with zlib at its default level.
 */
export async function firstLoadScripts(base: string, path = "/"): Promise<Script[]> {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  const html = await res.text();
  const found = new Map<string, { from: string; counted: boolean }>();
  const add = (src: string, from: string, counted = true) => {
    const url = new URL(src.replace(/&amp;/g, "&"), base + "/");
    if (url.origin !== new URL(base).origin) return;
    const key = url.pathname + url.search;
    if (!found.has(key)) found.set(key, { from, counted });
  };
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1];
    if (src) add(src, /\snomodule\b/i.test(tag) ? "<script nomodule>" : "<script src>", !/\snomodule\b/i.test(tag));
  }
  // A script the HTML preloads is downloaded too (next/dynamic with SSR preloads its chunks this way).
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const href = /\shref="([^"]+)"/i.exec(tag)?.[1];
    if (href && (/\srel="modulepreload"/i.test(tag) || (/\srel="preload"/i.test(tag) && /\sas="script"/i.test(tag)))) add(href, "<link rel=preload>");
  }
  for (const list of html.matchAll(/"otherChunks":(\[[^\]]*\])/g)) {
    for (const chunk of JSON.parse(list[1]) as string[]) add(chunk.startsWith("/") ? chunk : `/_next/${chunk}`, "bootstrap otherChunks");
  }
  // The RSC payload sits in inline scripts as JSON strings, so its quotes arrive escaped (\").
  for (const ref of html.matchAll(/\\?"(\/_next\/static\/chunks\/[^"\\]+\.js)\\?"/g)) add(ref[1], "RSC payload");

  const scripts: Script[] = [];
  for (const [url, { from, counted }] of found) {
    const r = await fetch(base + url);
    if (!r.ok) throw new Error(`GET ${url}: ${r.status}`);
    const body = Buffer.from(await r.arrayBuffer());
    scripts.push({ url, from, counted, bytes: body.length, gzip: gzipSync(body).length });
  }
  return scripts;
}

export function printScripts(scripts: Script[], path = "/") {
  const total = scripts.filter((s) => s.counted).reduce((sum, s) => sum + s.gzip, 0);
  const raw = scripts.filter((s) => s.counted).reduce((sum, s) => sum + s.bytes, 0);
  const width = Math.max(...scripts.map((s) => s.url.length));
  console.log(`\nFirst-load JavaScript of ${path} (what its production HTML loads; gzip = zlib default level)\n`);
  console.log(`${"script".padEnd(width)}  ${"raw KB".padStart(8)}  ${"gzip KB".padStart(8)}  from`);
  for (const s of [...scripts].sort((a, b) => b.gzip - a.gzip)) {
    const note = s.counted ? s.from : `${s.from} (not counted: skipped by module browsers)`;
    console.log(`${s.url.padEnd(width)}  ${kb(s.bytes).toFixed(1).padStart(8)}  ${kb(s.gzip).toFixed(1).padStart(8)}  ${note}`);
  }
  console.log(`${"total".padEnd(width)}  ${kb(raw).toFixed(1).padStart(8)}  ${kb(total).toFixed(1).padStart(8)}  (${scripts.filter((s) => s.counted).length} scripts; target ≤ ${TARGET_FIRST_LOAD_KB} KB gzip)`);
  return kb(total);
}

// The browser the e2e suite uses (see playwright.config.ts): Debian's Chromium where it exists,
// launched with the flags that keep it off the network, else Playwright's own.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

type Sample = { lcp: number; element: string; scripts: number; scriptWireBytes: number };

/**
 * Largest Contentful Paint of `path`: each sample is a fresh browser context (empty cache, no
 * cookies), a navigation, the page's `load`, half a second to settle, then the last
 * `largest-contentful-paint` entry (buffered). One unmeasured load first warms the server.
 */
export async function measureLcp(base: string, samples: number, path = "/"): Promise<Sample[]> {
  const browser = await chromium.launch({ executablePath, args });
  try {
    const once = async (): Promise<Sample> => {
      const context = await browser.newContext({ ...devices["Desktop Chrome"] });
      try {
        const page = await context.newPage();
        await page.goto(base + path, { waitUntil: "load" });
        return await page.evaluate(
          () =>
            new Promise<Sample>((resolve, reject) => {
              let last: (PerformanceEntry & { element?: Element | null }) | undefined;
              new PerformanceObserver((list) => {
                const entries = list.getEntries();
                last = entries[entries.length - 1];
              }).observe({ type: "largest-contentful-paint", buffered: true });
              setTimeout(() => {
                if (!last) return reject(new Error("no largest-contentful-paint entry"));
                const el = last.element;
                const scripts = performance.getEntriesByType("resource").filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js")) as PerformanceResourceTiming[];
                resolve({
                  lcp: last.startTime,
                  element: el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"` : "(removed)",
                  scripts: scripts.length,
                  scriptWireBytes: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0),
                });
              }, 500);
            }),
        );
      } finally {
        await context.close();
      }
    };
    await once();
    const results: Sample[] = [];
    for (let i = 0; i < samples; i++) results.push(await once());
    return results;
  } finally {
    await browser.close();
  }
}

export function printLcp(samples: Sample[], path = "/") {
  const lcp = median(samples.map((s) => s.lcp));
  const typical = samples.find((s) => s.lcp === lcp) ?? samples[0];
  console.log(
    `\nLargest Contentful Paint of ${path} (Chromium, fresh context per load, production build): median ${lcp.toFixed(0)} ms of ${samples.length} ` +
      `[${samples.map((s) => s.lcp.toFixed(0)).join(", ")}]; target ≤ ${TARGET_LCP_MS} ms`,
  );
  console.log(
    `LCP element: ${typical.element}. By then (load + 0.5 s) the browser had fetched ${typical.scripts} script(s), ${kb(typical.scriptWireBytes).toFixed(1)} KB ` +
      "as sent by the server — chunks loaded after hydration included.",
  );
  return lcp;
}

/** Both measurements of the home page against a running production server, printed. */
export async function weigh(base: string, { samples }: { samples: number }) {
  printScripts(await firstLoadScripts(base));
  printLcp(await measureLcp(base, samples));
  console.log("Printed, not asserted.");
}
