// The production server (`npm start`): Next.js behind a plain Node HTTP server, for two things
// only that a route handler cannot do for itself.
// 1. The client's address. Route handlers never see the socket; Next.js copies the peer address
//    into X-Forwarded-For only when the request has none, so a client could claim any address and
//    escape the per-client throttle. Here the address is taken from the socket — or, with
//    TRUST_PROXY_HOPS=n, from the n-th X-Forwarded-For entry from the right, the one the
//    outermost trusted proxy saw — and handed on in a header no client can set.
// 2. Strict-Transport-Security on every response whenever cookies are Secure (the same rule as
//    `cookieSecure` in lib/config.ts): a browser that has been here once never speaks plain HTTP to
//    this host again, so a Secure cookie is never offered a downgraded connection.
import { createServer } from "node:http";

// What `next start` does for itself: a production server, unless told otherwise.
process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

const CLIENT_IP_HEADER = "x-login-lab-client-ip";

const hops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
const secure = process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === "true" : process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);

/** The address of the client: the socket's peer, or what the trusted proxies say they saw. */
function clientAddress(forwardedFor, peer, trustedHops) {
  const chain = [...(forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean), peer ?? "unknown"];
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

const app = next({ dev: false, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  const forwarded = req.headers["x-forwarded-for"];
  req.headers[CLIENT_IP_HEADER] = clientAddress(Array.isArray(forwarded) ? forwarded.join(",") : forwarded, req.socket.remoteAddress, hops);
  if (secure) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  handle(req, res);
}).listen(port, () => {
  console.log(`login-lab: ready on http://localhost:${port}`);
});
