import type { ReactNode } from "react";

/**
 * The markup tags messages use (`<code>…</code>`, `<strong>…</strong>` in messages/*.json), rendered
 * the same on every screen: `t.rich("key", { code, strong })`.
 */
export const code = (chunks: ReactNode) => <code className="font-mono">{chunks}</code>;
export const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
