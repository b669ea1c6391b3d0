import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { labCookie, labIdOf, logKeyOf, newLabId, validLabId, validLogKey, VisitorLists, withCookie } from "./lab-visitor";

const requestWith = (cookies: Record<string, string>) => ({ cookies: { get: (name: string) => (name in cookies ? { value: cookies[name] } : undefined) } });

describe("lab visitor ids", () => {
  test("are random, 192 bits, and only well-formed ids are accepted", () => {
    const [a, b] = [newLabId(), newLabId()];
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, "base64url").length, 24);
    assert.equal(validLabId(a), a);
    for (const bad of [undefined, "", "short", `${a}x`, `${a.slice(0, 31)}!`, "a".repeat(64), 42]) assert.equal(validLabId(bad), null, String(bad));
  });

  test("come from the request's own lab cookie, which is HttpOnly, Lax, Path=/ and long-lived", () => {
    const id = newLabId();
    const { name, options } = labCookie();
    assert.equal(labIdOf(requestWith({ [name]: id })), id);
    assert.equal(labIdOf(requestWith({ [name]: "forged" })), null);
    assert.equal(labIdOf(requestWith({})), null);
    assert.deepEqual({ httpOnly: options.httpOnly, sameSite: options.sameSite, path: options.path }, { httpOnly: true, sameSite: "lax", path: "/" });
    assert.ok(options.maxAge >= 24 * 3600);
  });

  test("give a log key that is stable, well-formed, different per id, and does not contain the id", () => {
    const id = newLabId();
    const key = logKeyOf(id);
    assert.equal(logKeyOf(id), key);
    assert.equal(validLogKey(key), key);
    assert.equal(key.length, 22);
    assert.notEqual(logKeyOf(newLabId()), key);
    assert.ok(!id.includes(key) && !key.includes(id.slice(0, 8)));
    for (const bad of [null, "", "x".repeat(21), "x".repeat(23), `${"x".repeat(21)}.`]) assert.equal(validLogKey(bad), null, String(bad));
  });
});

describe("withCookie", () => {
  test("adds the pair, replacing any earlier one of that name and keeping the others", () => {
    assert.equal(withCookie(null, "ll_lab", "v"), "ll_lab=v");
    assert.equal(withCookie("a=1; b=2", "ll_lab", "v"), "a=1; b=2; ll_lab=v");
    assert.equal(withCookie("ll_lab=old; a=1;ll_lab=older", "ll_lab", "v"), "a=1; ll_lab=v");
    assert.equal(withCookie("x_ll_lab=1", "ll_lab", "v"), "x_ll_lab=1; ll_lab=v");
  });
});

describe("VisitorLists", () => {
  test("keeps each visitor's entries apart, newest first, at most perVisitor", () => {
    const lists = new VisitorLists<number>({ visitors: 10, perVisitor: 3, chars: 1_000 });
    for (let i = 1; i <= 5; i++) lists.add("a", i);
    lists.add("b", 100);
    assert.deepEqual(lists.list("a"), [5, 4, 3]);
    assert.deepEqual(lists.list("b"), [100]);
    assert.deepEqual(lists.list("nobody"), []);
    assert.equal(lists.visitors, 2); // reading an unknown visitor adds nothing
    lists.clear("b");
    assert.deepEqual(lists.list("b"), []);
    assert.deepEqual(lists.list("a"), [5, 4, 3]);
    assert.equal(lists.size, 3);
  });

  test("forgets the least recently seen visitor beyond the visitor limit", () => {
    const lists = new VisitorLists<string>({ visitors: 2, perVisitor: 5, chars: 1_000 });
    lists.add("a", "1");
    lists.add("b", "2");
    lists.list("a"); // a polls: seen after b
    lists.add("c", "3");
    assert.equal(lists.visitors, 2);
    assert.deepEqual(lists.list("b"), []);
    assert.deepEqual(lists.list("a"), ["1"]);
    assert.deepEqual(lists.list("c"), ["3"]);
  });

  test("stays within its character budget however many ids are invented, never dropping the writer's own entry", () => {
    const lists = new VisitorLists<string>({ visitors: 1_000, perVisitor: 20, chars: 10_000 }, (s) => s.length);
    for (let i = 0; i < 500; i++) lists.add(`v${i}`, "x".repeat(900));
    assert.ok(lists.size <= 10_000, String(lists.size));
    assert.ok(lists.visitors <= 11);
    assert.deepEqual(lists.list("v499"), ["x".repeat(900)]);
    for (let i = 0; i < 100; i++) lists.add("one", "y".repeat(400));
    assert.equal(lists.list("one").length, 20);
    assert.ok(lists.size <= 10_000);
  });
});
