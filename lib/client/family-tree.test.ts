import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { familyTree } from "./family-tree";

const link = (id: string, parent: string | null) => ({ id, parent });
const shape = (links: { id: string; parent: string | null }[]) => familyTree(links).map((p) => `${"  ".repeat(p.depth)}${p.marker} ${p.link.id}`);

describe("familyTree", () => {
  test("a chain of single children stays at one depth", () => {
    assert.deepEqual(shape([link("a", null), link("b", "a"), link("c", "b")]), ["● a", "└▶ b", "└▶ c"]);
  });

  test("two children of one parent are drawn as siblings, each with its own line below", () => {
    const links = [link("a", null), link("b", "a"), link("c", "a"), link("d", "c")];
    assert.deepEqual(shape(links), ["● a", "  ├▶ b", "  └▶ c", "  └▶ d"]);
    const placed = familyTree(links);
    assert.equal(placed.find((p) => p.link.id === "b")?.depth, placed.find((p) => p.link.id === "c")?.depth);
  });

  test("a child whose parent was deleted becomes a root; no link is lost or repeated", () => {
    const links = [link("x", "gone"), link("y", "x")];
    assert.deepEqual(shape(links), ["● x", "└▶ y"]);
    assert.equal(familyTree([link("a", "b"), link("b", "a")]).length, 0, "a cycle has no root: nothing is drawn twice");
  });
});
