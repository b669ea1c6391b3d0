import { readFileSync } from "node:fs";

/** A messages file as it is written (messages/<locale>.json): nested namespaces of ICU strings. */
export type Tree = { [key: string]: string | Tree };

export const loadMessages = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as Tree;

/** Every message by its full key (`namespace.key`), for the tests that read them all. */
export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}
