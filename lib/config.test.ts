import assert from "node:assert/strict";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { ConfigError, parseConfig } from "./config";

const good = {
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  JWT_PRIVATE_KEY: JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" })),
};

const problems = (source: Record<string, string>) => {
  try {
    parseConfig(source);
    return [];
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    return e.problems;
  }
};

describe("configuration", () => {
  test("development defaults: SQLite file, documented demo password, cookies not Secure", () => {
    const c = parseConfig({ ...good, NODE_ENV: "development" });
    assert.equal(c.DATABASE_URL, "file:./data/login-lab.db");
    assert.equal(c.DEMO_PASSWORD, "login-lab-demo");
    assert.equal(c.cookieSecure, false);
  });

  test("production: Secure cookies; without DEMO_PASSWORD it is public mode, with no shared password", () => {
    const pub = parseConfig({ ...good, NODE_ENV: "production" });
    assert.equal(pub.publicMode, true);
    assert.equal(pub.DEMO_PASSWORD, null);
    const priv = parseConfig({ ...good, NODE_ENV: "production", DEMO_PASSWORD: "a-long-password" });
    assert.equal(priv.cookieSecure, true);
    assert.equal(priv.publicMode, false);
    assert.equal(parseConfig({ ...good, NODE_ENV: "development" }).publicMode, false);
  });

  test("public-internet settings: defaults and bounds", () => {
    const c = parseConfig(good);
    assert.equal(c.TRUST_PROXY_HOPS, 0);
    assert.equal(c.REFRESH_FAMILY_MAX_SECONDS, 30 * 24 * 3600);
    assert.equal(c.DEMO_ACCOUNT_TTL_SECONDS, 24 * 3600);
    assert.match(problems({ ...good, TRUST_PROXY_HOPS: "-1" }).join(), /TRUST_PROXY_HOPS|>=0|too small/i);
  });

  test("missing or weak secrets stop the app with a message naming the variable", () => {
    assert.match(problems({ JWT_PRIVATE_KEY: good.JWT_PRIVATE_KEY }).join(), /SESSION_SECRET is missing/);
    assert.match(problems({ ...good, SESSION_SECRET: "short" }).join(), /SESSION_SECRET must be at least 43/);
    assert.match(problems({ ...good, SESSION_SECRET: "a".repeat(64) }).join(), /SESSION_SECRET looks weak/);
    assert.match(problems({ ...good, JWT_PRIVATE_KEY: "{not json" }).join(), /JWT_PRIVATE_KEY must be JSON/);
    const rsa = JSON.stringify(generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "jwk" }));
    assert.match(problems({ ...good, JWT_PRIVATE_KEY: rsa }).join(), /Ed25519 private JWK/);
    assert.match(problems({ ...good, DATABASE_URL: "mysql://x" }).join(), /DATABASE_URL must start/);
  });
});
