import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { z } from "zod";
import { MAX_JSON_BODY_BYTES, readJson } from "./http";

const schema = z.object({ a: z.string() });
const post = (body: BodyInit, type = "application/json", headers: Record<string, string> = {}) =>
  new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": type, ...headers }, duplex: "half" } as RequestInit);

async function errorOf(req: Request) {
  const r = await readJson(req, schema);
  assert.equal(r.ok, false);
  if (r.ok) throw new Error("unreachable");
  return { status: r.response.status, body: await r.response.json() };
}

describe("readJson", () => {
  test("accepts a valid body", async () => {
    const r = await readJson(post('{"a":"x"}'), schema);
    assert.deepEqual(r, { ok: true, data: { a: "x" } });
  });

  test("refuses the wrong media type, bad JSON, bad UTF-8 and schema mismatches with 4xx codes", async () => {
    assert.deepEqual((await errorOf(post('{"a":"x"}', "text/plain"))).body.error, "unsupported_media_type");
    assert.deepEqual(await errorOf(post("{bad")).then((e) => [e.status, e.body.error]), [400, "invalid_body"]);
    assert.deepEqual(await errorOf(post(new Uint8Array([0x7b, 0xff, 0x7d]))).then((e) => e.body.error), "invalid_body");
    assert.match((await errorOf(post('{"a":1}'))).body.message, /a:/);
  });

  test("refuses oversized bodies while reading, whatever Content-Length says", async () => {
    const big = JSON.stringify({ a: "x".repeat(MAX_JSON_BODY_BYTES) });
    assert.deepEqual(await errorOf(post(big)).then((e) => [e.status, e.body.error]), [413, "body_too_large"]);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode("x".repeat(1024)));
        c.close();
      },
    });
    assert.equal((await errorOf(post(stream))).status, 413);
  });
});
