import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { calculateJwkThumbprint, type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

/**
 * scripts/resource-service.mjs as a real process: no database, no secret, only the JWKS of a tiny
 * local server standing in for an instance. Tokens are signed here with jose, as the app signs them.
 */
const SERVICE = path.resolve(import.meta.dirname, "../scripts/resource-service.mjs");
/** Short enough to wait out in a test; the service's default is 30 s. */
const COOLDOWN_SECONDS = 0.2;

type Key = { kid: string; privateKey: CryptoKey; publicJwk: JWK };

async function newKey(): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: "EdDSA", use: "sig" } };
}

type Options = { key: Key; aud?: string; typ?: string; iss?: string; expIn?: number; nbfIn?: number; header?: Record<string, unknown> };

/** An access token shaped like the app's (lib/auth/access-token.ts). */
function sign({ key, aud = "login-lab:jwt", typ = "at+jwt", iss = "login-lab", expIn = 600, nbfIn = 0, header = {} }: Options) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ preferred_username: "alice", name: "Alice" })
    .setProtectedHeader({ alg: "EdDSA", typ, kid: key.kid, ...header })
    .setIssuer(iss)
    .setAudience(aud)
    .setSubject("user_alice")
    .setJti(randomUUID())
    .setIssuedAt(now + nbfIn)
    .setNotBefore(now + nbfIn)
    .setExpirationTime(now + expIn)
    .sign(key.privateKey);
}

const listen = async (server: Server) => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
};

/** Starts the service on a free port; resolves once it has printed where it listens. */
async function startService(jwksUrl: string): Promise<{ base: string; child: ChildProcess; output: () => string }> {
  // Only what the service reads, plus PATH: it needs no secret and no database.
  const env = { PATH: process.env.PATH, NODE_ENV: "production" as const, PORT_RESOURCE: "0", JWKS_URL: jwksUrl, JWKS_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS), JWKS_CACHE_SECONDS: "300" };
  const child = spawn(process.execPath, [SERVICE], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start:\n${output}`)), 10_000);
    child.stdout?.on("data", () => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`the service exited (${code}):\n${output}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child, output: () => output };
}

async function call(base: string, token?: string, init: RequestInit = {}) {
  const res = await fetch(`${base}/resource`, { ...init, headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
  return { res, body: await res.json() };
}

async function refused(base: string, token: string | undefined, code: string) {
  const { res, body } = await call(base, token);
  assert.equal(res.status, 401, JSON.stringify(body));
  assert.equal(body.ok, false);
  assert.equal(body.code, code);
  assert.equal(res.headers.get("www-authenticate"), `Bearer realm="login-lab-resource", error="invalid_token", error_description="${code}"`);
}

describe("resource service", () => {
  let first: Key;
  let jwks: { keys: JWK[] } = { keys: [] };
  let fetches = 0;
  const jwksServer = createServer((req, res) => {
    fetches++;
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(jwks));
  });
  let service: Awaited<ReturnType<typeof startService>>;

  before(async () => {
    first = await newKey();
    jwks = { keys: [first.publicJwk] };
    const port = await listen(jwksServer);
    service = await startService(`http://127.0.0.1:${port}/.well-known/jwks.json`);
  });

  after(() => {
    if (service?.child.exitCode === null) service.child.kill("SIGKILL");
    jwksServer.closeAllConnections();
    jwksServer.close();
  });

  test("logs where it listens and which JWKS it trusts", () => {
    assert.match(service.output(), /resource-service: listening on http:\/\/localhost:\d+, trusting the keys of http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\.json/);
  });

  test("a valid token of either mode: 200 with its subject, checked with the public key alone", async () => {
    for (const aud of ["login-lab:jwt", "login-lab:hybrid"]) {
      const { res, body } = await call(service.base, await sign({ key: first, aud }));
      assert.equal(res.status, 200, JSON.stringify(body));
      assert.equal(res.headers.get("cache-control"), "no-store");
      assert.equal(res.headers.get("access-control-allow-origin"), "*");
      assert.equal(body.ok, true);
      assert.equal(body.sub, "user_alice");
      assert.equal(body.preferred_username, "alice");
      assert.equal(body.aud, aud);
      assert.equal(body.kid, first.kid);
      assert.equal(body.verified_by, "resource-service");
      assert.equal(body.store, "none");
      assert.match(body.note, /until the token's exp/);
    }
  });

  test("no Authorization header: 401 token_missing, a challenge without an error code (RFC 6750 §3.1)", async () => {
    const { res, body } = await call(service.base);
    assert.equal(res.status, 401);
    assert.equal(body.code, "token_missing");
    assert.equal(res.headers.get("www-authenticate"), 'Bearer realm="login-lab-resource"');
  });

  test("garbage, non-canonical and oversized tokens: token_malformed", async () => {
    await refused(service.base, "not-a-token", "token_malformed");
    const token = await sign({ key: first });
    // Flip the spare bits of the signature's last character: still the same bytes, another spelling.
    const last = token.at(-1) as string;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const twin = token.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1];
    await refused(service.base, twin, "token_malformed");
    await refused(service.base, `${token}${"A".repeat(4096)}`, "token_malformed");
    const res = await fetch(`${service.base}/resource`, { headers: { Authorization: `Basic ${Buffer.from("alice:x").toString("base64")}` } });
    assert.equal(res.status, 401);
    assert.equal((await res.json()).code, "token_malformed");
  });

  test("expired, not yet valid, wrong audience, issuer or typ: refused with the app's codes", async () => {
    await refused(service.base, await sign({ key: first, expIn: -5 }), "token_expired");
    await refused(service.base, await sign({ key: first, nbfIn: 300, expIn: 900 }), "token_not_yet_valid");
    await refused(service.base, await sign({ key: first, aud: "someone-else" }), "token_claim_invalid");
    await refused(service.base, await sign({ key: first, iss: "evil" }), "token_claim_invalid");
    await refused(service.base, await sign({ key: first, typ: "JWT" }), "token_claim_invalid");
  });

  test("a changed payload: token_signature_invalid", async () => {
    const [h, p, s] = (await sign({ key: first })).split(".");
    const payload = JSON.parse(Buffer.from(p, "base64url").toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: "user_bob" })).toString("base64url")}.${s}`;
    await refused(service.base, forged, "token_signature_invalid");
  });

  test("HS256 (even keyed with the public key): token_alg_not_allowed, before any key is looked up", async () => {
    const hs = await new SignJWT({ preferred_username: "alice", name: "Alice" })
      .setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid: first.kid })
      .setIssuer("login-lab")
      .setAudience("login-lab:jwt")
      .setSubject("user_alice")
      .setJti(randomUUID())
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(first.publicJwk.x));
    await refused(service.base, hs, "token_alg_not_allowed");
  });

  test("a header naming its own key source: token_header_forbidden", async () => {
    await refused(service.base, await sign({ key: first, header: { jku: "https://evil.example/jwks.json" } }), "token_header_forbidden");
    await refused(service.base, await sign({ key: first, header: { jwk: first.publicJwk } }), "token_header_forbidden");
  });

  test("a key the JWKS does not publish: token_unknown_kid", async () => {
    await refused(service.base, await sign({ key: await newKey() }), "token_unknown_kid");
  });

  test("rotation: a token of a newly published key verifies without a restart; the removed key is refused", async () => {
    const second = await newKey();
    const token = await sign({ key: second });
    // Published only after the service has seen the set without it, as a rotation would.
    jwks = { keys: [second.publicJwk] };
    await new Promise((r) => setTimeout(r, COOLDOWN_SECONDS * 1000 + 100));
    const before = fetches;
    const { res, body } = await call(service.base, token);
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.kid, second.kid);
    assert.equal(fetches, before + 1, "the unknown kid made the service fetch the set once");
    // Within the cooldown an unknown kid is refused from the cache, with no new fetch.
    await refused(service.base, await sign({ key: first }), "token_unknown_kid");
    assert.equal(fetches, before + 1);
    assert.equal(service.child.exitCode, null, "the same process all along");
  });

  test("GET /health, 404 elsewhere, 405 for other methods, CORS preflight for /resource", async () => {
    const health = await fetch(`${service.base}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { ok: true, jwks_url: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`, issuer: "login-lab" });
    const missing = await fetch(`${service.base}/admin`);
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).ok, false);
    const post = await fetch(`${service.base}/resource`, { method: "POST" });
    assert.equal(post.status, 405);
    await post.body?.cancel();
    const preflight = await fetch(`${service.base}/resource`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:3001", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /authorization/i);
  });

  test("JWKS unreachable: 503 jwks_unavailable, and the service keeps serving", async () => {
    // A port that was free a moment ago and is closed now.
    const probe = createServer();
    const port = await listen(probe);
    probe.close();
    const orphan = await startService(`http://127.0.0.1:${port}/.well-known/jwks.json`);
    try {
      const { res, body } = await call(orphan.base, await sign({ key: first }));
      assert.equal(res.status, 503);
      assert.equal(body.code, "jwks_unavailable");
      assert.equal(res.headers.get("www-authenticate"), null);
      assert.equal((await fetch(`${orphan.base}/health`)).status, 200);
      assert.match(orphan.output(), /JWKS unavailable/);
    } finally {
      orphan.child.kill("SIGKILL");
    }
  });

  test("SIGTERM: exits cleanly", async () => {
    service.child.kill("SIGTERM");
    const [code] = await once(service.child, "exit");
    assert.equal(code, 0);
  });
});
