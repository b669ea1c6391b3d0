// The resource service (claim T7): another service that accepts Login Lab's access tokens with
// nothing but the public keys of /.well-known/jwks.json — no database, no secret, no cookie. It
// checks a token by the same rules as the app (lib/auth/access-token.ts) and answers who it is
// for. What it cannot do is the point of the lab: it has no store to ask, so a logout or a
// revocation elsewhere stays unknown here until the token's `exp` (T8, at scale).
//
//   PORT_RESOURCE=3003 JWKS_URL=http://127.0.0.1:3001/.well-known/jwks.json node scripts/resource-service.mjs
//   curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3003/resource
//
// Plain Node ESM with jose as its only dependency, so it starts without a build step.
import { createServer } from "node:http";
import { createRemoteJWKSet, errors, jwtVerify } from "jose";

/** Reads and checks the settings; a wrong one stops the service before it listens. */
function settings(env) {
  const problems = [];
  const number = (name, fallback, ok, rule) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || !ok(value)) problems.push(`${name} must be ${rule} (got "${raw}").`);
    return value;
  };
  const port = number("PORT_RESOURCE", 3003, (v) => Number.isInteger(v) && v >= 0 && v <= 65535, "a port number (0 picks a free one)");
  const cacheSeconds = number("JWKS_CACHE_SECONDS", 300, (v) => Number.isInteger(v) && v > 0, "a positive whole number of seconds");
  // jose refetches the key set for an unknown `kid` at most once per cooldown: without it, tokens
  // with made-up kids would turn every request into a fetch from the instance. 30 s (jose's own
  // default) is the upper bound so that a freshly rotated key is picked up quickly.
  const cooldownSeconds = number("JWKS_COOLDOWN_SECONDS", 30, (v) => v >= 0 && v <= 30, "between 0 and 30 seconds");
  const jwksUrl = env.JWKS_URL || "http://127.0.0.1:3001/.well-known/jwks.json";
  if (!/^https?:\/\/[^/\s]+\/\S*$/.test(jwksUrl)) problems.push(`JWKS_URL must be an http(s) URL (got "${jwksUrl}").`);
  // The app calls it JWT_ISSUER; either name works here.
  const issuer = env.ISSUER || env.JWT_ISSUER || "login-lab";
  if (problems.length) {
    console.error(`resource-service cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  return { port, cacheSeconds, cooldownSeconds, jwksUrl, issuer };
}

const config = settings(process.env);

// The same rules as lib/auth/access-token.ts: EdDSA only, RFC 9068's `typ`, one of the app's two
// audiences, every time and identity claim present.
const ALGORITHMS = ["EdDSA"];
const ACCESS_TOKEN_TYP = "at+jwt";
const AUDIENCES = ["login-lab:jwt", "login-lab:hybrid"];
const REQUIRED_CLAIMS = ["sub", "jti", "iat", "exp", "nbf"];
/** Header parameters that would let a token choose its own verification key: never trusted. */
const FORBIDDEN_HEADERS = ["jku", "x5u", "jwk", "x5c"];
const MAX_TOKEN_CHARS = 4096;
const BEARER = /^Bearer +([A-Za-z0-9_.~+/-]+=*) *$/i;

/** The app's wording (lib/auth/errors.ts) for every refusal this service can give. */
const MESSAGES = {
  token_missing: "No access token: send Authorization: Bearer <token>.",
  token_malformed: "The access token is not a well-formed JWS compact token.",
  token_signature_invalid: "The token's signature does not match its contents: it was altered or signed with another key.",
  token_alg_not_allowed: "The token's algorithm is not on the allow-list (EdDSA only).",
  token_header_forbidden: "The token header names a key source (jku, x5u, jwk, x5c) that this service never trusts.",
  token_unknown_kid: "The token names a key id (kid) that the instance's JWKS does not publish.",
  token_expired: "The token has expired.",
  token_not_yet_valid: "The token is not valid yet (nbf/iat in the future).",
  token_claim_invalid: "A token claim (iss, aud, typ, sub, jti) is missing or wrong for this service.",
  jwks_unavailable: "The instance's JWKS could not be fetched, so no token can be checked right now.",
};

// jose caches the key set for cacheMaxAge and refetches it at once for a `kid` it does not know
// (at most once per cooldown): a key published by a rotation is picked up without a restart.
const jwks = createRemoteJWKSet(new URL(config.jwksUrl), {
  cacheMaxAge: config.cacheSeconds * 1000,
  cooldownDuration: config.cooldownSeconds * 1000,
});

/** A refusal decided while picking the key, before any signature is checked. */
class Refusal extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}
/** The key set could not be fetched: the service cannot judge the token, which is not the token's fault. */
class JwksUnavailable extends Error {}

let jwksDown = false;

/** Picks the verification key from the instance's published set, and only from there. */
async function keyFor(header, token) {
  if (FORBIDDEN_HEADERS.some((h) => h in header)) throw new Refusal("token_header_forbidden");
  // The app signs every token with a kid and refuses one without: so does this service.
  if (typeof header.kid !== "string") throw new Refusal("token_unknown_kid");
  try {
    const key = await jwks(header, token);
    if (jwksDown) console.log(`resource-service: JWKS reachable again (${config.jwksUrl})`);
    jwksDown = false;
    return key;
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw new Refusal("token_unknown_kid");
    // Connection refused, timeout, a non-200 answer or a malformed set: logged once per outage.
    if (!jwksDown) console.error(`resource-service: JWKS unavailable at ${config.jwksUrl}: ${error?.cause?.code ?? error?.message ?? error}`);
    jwksDown = true;
    throw new JwksUnavailable();
  }
}

/**
 * Each part must be canonical base64url (as in the app): decoders ignore the spare bits of the
 * last character, so one token would otherwise have several spellings that all verify.
 */
function canonical(token) {
  const parts = token.split(".");
  return parts.length === 3 && parts.every((p) => /^[A-Za-z0-9_-]*$/.test(p) && Buffer.from(p, "base64url").toString("base64url") === p);
}

/** The error jose threw, as the app's reason code. */
function codeOf(error) {
  if (error instanceof Refusal) return error.code;
  if (error instanceof errors.JWTExpired) return "token_expired";
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === "nbf" ? "token_not_yet_valid" : "token_claim_invalid";
  if (error instanceof errors.JOSEAlgNotAllowed) return "token_alg_not_allowed";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "token_signature_invalid";
  if (error instanceof errors.JOSEError) return "token_malformed";
  throw error;
}

/** `{ ok: true, claims, kid }`, or `{ ok: false, code }` with the reason. */
async function verify(authorization) {
  if (!authorization) return { ok: false, code: "token_missing" };
  const match = BEARER.exec(authorization);
  if (!match) return { ok: false, code: "token_malformed" };
  const token = match[1];
  if (token.length > MAX_TOKEN_CHARS || !canonical(token)) return { ok: false, code: "token_malformed" };
  try {
    const { payload, protectedHeader } = await jwtVerify(token, keyFor, {
      algorithms: ALGORITHMS,
      issuer: config.issuer,
      audience: AUDIENCES,
      typ: ACCESS_TOKEN_TYP,
      requiredClaims: REQUIRED_CLAIMS,
    });
    if (typeof payload.preferred_username !== "string" || typeof payload.name !== "string") return { ok: false, code: "token_claim_invalid" };
    return { ok: true, claims: payload, kid: protectedHeader.kid };
  } catch (error) {
    if (error instanceof JwksUnavailable) return { ok: false, code: "jwks_unavailable" };
    return { ok: false, code: codeOf(error) };
  }
}

// Wildcard CORS is safe here: the only credential is a Bearer token that the calling page's own
// script adds, never a cookie or any other credential a browser attaches by itself (and browsers
// never send credentials to a `*` origin anyway). A page on another origin learns nothing it could
// not learn by sending the same token from curl.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "WWW-Authenticate",
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

async function resource(req, res) {
  const result = await verify(req.headers.authorization);
  if (result.ok) {
    const { sub, preferred_username, aud, exp, jti } = result.claims;
    return send(
      res,
      200,
      {
        ok: true,
        sub,
        preferred_username,
        aud,
        kid: result.kid,
        exp,
        jti,
        verified_by: "resource-service",
        store: "none",
        note: "Verified with the public key alone, no store: a logout or revocation elsewhere is unknown here until the token's exp.",
      },
      CORS,
    );
  }
  const { code } = result;
  if (code === "jwks_unavailable") return send(res, 503, { ok: false, code, message: MESSAGES[code] }, { ...CORS, "Retry-After": "5" });
  // RFC 6750 §3.1: a request that carried no credential gets the challenge without an error code.
  const challenge =
    code === "token_missing"
      ? 'Bearer realm="login-lab-resource"'
      : `Bearer realm="login-lab-resource", error="invalid_token", error_description="${code}"`;
  return send(res, 401, { ok: false, code, message: MESSAGES[code] }, { ...CORS, "WWW-Authenticate": challenge });
}

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? "/", "http://resource.invalid");
  if (pathname === "/resource") {
    if (req.method === "OPTIONS") {
      // The preflight of a cross-origin call that adds Authorization: bearer only, no cookies.
      res.writeHead(204, {
        ...CORS,
        "Access-Control-Allow-Methods": "GET",
        "Access-Control-Allow-Headers": "Authorization",
        "Access-Control-Max-Age": "600",
        "Cache-Control": "no-store",
      });
      return res.end();
    }
    if (req.method !== "GET") return send(res, 405, { ok: false, code: "method_not_allowed", message: "Use GET." }, { ...CORS, Allow: "GET, OPTIONS" });
    return void resource(req, res).catch((error) => {
      console.error("resource-service:", error);
      if (!res.headersSent) send(res, 500, { ok: false, code: "internal_error", message: "Unexpected error." }, CORS);
    });
  }
  if (pathname === "/health") {
    if (req.method !== "GET") return send(res, 405, { ok: false, code: "method_not_allowed", message: "Use GET." }, { ...CORS, Allow: "GET" });
    return send(res, 200, { ok: true, jwks_url: config.jwksUrl, issuer: config.issuer }, CORS);
  }
  return send(res, 404, { ok: false, code: "not_found", message: "No such route: GET /resource or GET /health." });
});

server.on("error", (error) => {
  console.error(`resource-service: cannot listen on port ${config.port}: ${error.code ?? error.message}`);
  process.exit(1);
});

server.listen(config.port, () => {
  const { port } = server.address();
  console.log(
    `resource-service: listening on http://localhost:${port}, trusting the keys of ${config.jwksUrl} ` +
      `(issuer ${config.issuer}, cache ${config.cacheSeconds} s, cooldown ${config.cooldownSeconds} s)`,
  );
});

function stop() {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open: end them, and do not wait forever.
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
