/**
 * Finds English left hard-coded in a component: prose a visitor would read that does not come from
 * messages/*.json. Used by lib/i18n/messages.test.ts (and `node --import tsx lib/i18n/hardcoded-text.ts
 * [files]`, which prints what it finds).
 *
 * What counts as prose:
 * - JSX text with a Latin word in it (two letters or more), unless it sits inside `<code>`, `<kbd>`,
 *   `<samp>` or `<pre>` — technical identifiers (cookie names, headers, reason codes) stay as they are;
 * - a string literal given to a JSX attribute a visitor reads or hears (`aria-label`, `title`,
 *   `placeholder`, `alt`, `label`, …, or any component prop that is not in NOT_TEXT), when it has a
 *   Latin word in it and is not a single identifier-like token;
 * - a string or template literal placed as a JSX child (`{"Log in"}`, `{ok ? "yes" : "no"}`).
 */
import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";

export type Finding = { file: string; line: number; text: string };

/** Elements whose text is code, not prose. */
const CODE_ELEMENTS = new Set(["code", "kbd", "samp", "pre"]);

/** Attributes that never carry prose. */
const NOT_TEXT = new Set([
  "className", "href", "id", "key", "type", "name", "role", "method", "action", "htmlFor", "autoComplete", "rel",
  "target", "src", "lang", "dir", "inputMode", "pattern", "form", "headingId", "mode", "tone", "size", "variant",
  "minHeight", "testId", "value", "defaultValue", "accept", "encType", "as", "scope", "sandbox", "referrerPolicy",
  "viewBox", "d", "fill", "stroke", "strokeWidth", "xmlns", "path", "cookieName", "kind", "side", "color", "align",
  "translate", "spellCheck", "autoCapitalize", "enterKeyHint", "wrap", "hrefLang", "prefetch", "loading", "section",
  "slot", "step", "status", "code", "transport", "field", "storageKey", "anchor", "placement", "position", "level",
]);

/** A word a reader would take for English (two Latin letters or more). */
const WORD = /[A-Za-z]{2,}/;
/** One identifier-like token: `loginlab.session`, `/api/login`, `max-age`, `text-sm`, `#replay-lab`. */
const TOKEN = /^[\s]*[#\w./:@[\]=*-]+[\s]*$/;

function isProse(text: string): boolean {
  return WORD.test(text) && !TOKEN.test(text);
}

function tagName(node: ts.JsxElement | ts.JsxSelfClosingElement): string {
  const tag = ts.isJsxElement(node) ? node.openingElement.tagName : node.tagName;
  return tag.getText();
}

function insideCode(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isJsxElement(p) && CODE_ELEMENTS.has(tagName(p))) return true;
  }
  return false;
}

/** Whether a literal is (part of) an expression placed as a JSX child. */
function isJsxChildValue(node: ts.Node): boolean {
  let p = node.parent;
  while (p && (ts.isConditionalExpression(p) || ts.isBinaryExpression(p) || ts.isParenthesizedExpression(p))) {
    if (ts.isConditionalExpression(p) && p.condition === node) return false;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind !== ts.SyntaxKind.BarBarToken && p.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken && p.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) return false;
    node = p;
    p = p.parent;
  }
  return !!p && ts.isJsxExpression(p) && !!p.parent && (ts.isJsxElement(p.parent) || ts.isJsxFragment(p.parent));
}

/** Every component of the app (Node 20 has no fs.globSync). */
export function componentFiles(root = "app"): string[] {
  return (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => `${root}/${f}`)
    .sort();
}

export function findHardcodedText(file: string, source = readFileSync(file, "utf8")): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim().replace(/\s+/g, " ").slice(0, 80) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (WORD.test(node.text) && !insideCode(node)) report(node, node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText();
      const init = node.initializer;
      const literal = init && ts.isStringLiteral(init) ? init : init && ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression)) ? init.expression : null;
      if (literal && !NOT_TEXT.has(name) && !name.startsWith("data-") && !name.startsWith("on") && isProse(literal.text)) report(literal, `${name}="${literal.text}"`);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && isJsxChildValue(node) && !insideCode(node)) {
      if (isProse(node.text)) report(node, node.text);
    } else if (ts.isTemplateExpression(node) && isJsxChildValue(node) && !insideCode(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
      if (WORD.test(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.length > 2 ? process.argv.slice(2) : componentFiles();
  let total = 0;
  for (const file of files) {
    const found = findHardcodedText(file);
    total += found.length;
    if (found.length) console.log(`${file}: ${found.length}`);
    if (process.env.VERBOSE) for (const f of found) console.log(`  ${f.line}: ${f.text}`);
  }
  console.log(`total: ${total}`);
}
