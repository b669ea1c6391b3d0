/**
 * A refresh-token family as a tree, for the chain view: each token under its parent. A line of
 * single children is one chain at one depth; where a token has several children (siblings), each
 * starts a branch one step deeper. A parent already deleted as the chain moved on (a family keeps
 * only its newest used tokens) leaves its child a root.
 */
export type Placed<L> = { link: L; depth: number; marker: "●" | "└▶" | "├▶" };

export function familyTree<L extends { id: string; parent: string | null }>(links: L[]): Placed<L>[] {
  const ids = new Set(links.map((l) => l.id));
  const children = new Map<string | null, L[]>();
  for (const l of links) {
    const key = l.parent && ids.has(l.parent) ? l.parent : null;
    children.set(key, [...(children.get(key) ?? []), l]);
  }
  const out: Placed<L>[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const kids = children.get(parent) ?? [];
    const branching = parent !== null && kids.length > 1;
    kids.forEach((l, i) => {
      if (seen.has(l.id)) return;
      seen.add(l.id);
      const d = branching ? depth + 1 : depth;
      out.push({ link: l, depth: d, marker: parent === null ? "●" : branching && i < kids.length - 1 ? "├▶" : "└▶" });
      walk(l.id, d);
    });
  };
  walk(null, 0);
  return out;
}
