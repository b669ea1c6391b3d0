import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { PAGE_CLIENT_NAMESPACES, SHARED_CLIENT_NAMESPACES } from "@/i18n/client-messages";
import { componentFiles } from "@/lib/i18n/hardcoded-text";

/**
 * The browser gets only the messages its components use (i18n/client-messages.ts): every namespace
 * a client module translates with must be on the list — a missing one would show the key instead of
 * the text — and every namespace on the list must be used by one, or it is dead weight in each page.
 */
function clientModules(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    // Static imports and the dynamic ones of lazily loaded sections (`import("./jwt-view")`).
    const specs = [...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^"']*?from\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)].map((m) => m[1] ?? m[2]);
    for (const spec of specs) {
      const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(file), spec) : null;
      if (base === null) continue;
      const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => existsSync(f));
      if (found) visit(found);
    }
  };
  for (const file of componentFiles()) if (/^\s*["']use client["']/.test(readFileSync(file, "utf8"))) visit(file);
  return seen;
}

function namespacesUsedBy(files: Iterable<string>): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const [, ns] of source.matchAll(/useTranslations(?:<[^>]*>)?\(\s*["'](\w+)["']\s*\)/g)) used.add(ns);
    if (/useAuthErrorMessage\(/.test(source)) for (const ns of ["errors", "errorDetails"]) used.add(ns);
  }
  return used;
}

test("every namespace a client module uses is sent to the browser, and only those", () => {
  const modules = clientModules();
  assert.ok(modules.has("app/components/login-form.tsx") && modules.has("app/components/panel.tsx"), "the walk reaches the panels");
  const used = namespacesUsedBy(modules);
  const listed = new Set<string>([...SHARED_CLIENT_NAMESPACES, ...Object.values(PAGE_CLIENT_NAMESPACES).flat()]);
  assert.deepEqual({ missing: [...used].filter((n) => !listed.has(n)).sort(), unused: [...listed].filter((n) => !used.has(n)).sort() }, { missing: [], unused: [] });
});
