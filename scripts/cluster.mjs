// `npm run cluster`: the scale-out lab on one machine — two production instances of Login Lab on
// one PostgreSQL (A and B), and the resource service (scripts/resource-service.mjs), which trusts
// A's /.well-known/jwks.json and nothing else.
//
//   npm run cluster                 # A on PORT_A (3001), B on PORT_B (3002), resource on PORT_RESOURCE (3003)
//   npm run cluster -- --memory     # each instance keeps its sessions in its own memory (claim S7)
//   npm run cluster -- --build      # rebuild first (otherwise only when .next has no build)
//   npm run cluster -- --no-build   # never build: fail when .next has no build (for scripts)
//
// The store is DATABASE_URL when that is a PostgreSQL URL, else the local server's database
// `login_lab_cluster`; a missing database is created. The migrations and the demo users are applied
// once, by scripts/prepare.ts, before either instance starts. Both instances need the same
// SESSION_SECRET, JWT_PRIVATE_KEY and KEY_ENCRYPTION_SECRET: they come from the environment or the
// .env files, and whatever is missing is generated once — into .env.local, except the key-encryption
// secret, which goes to data/cluster.env (only the cluster uses database-kept keys).
//
// Other scripts start it as `node scripts/cluster.mjs [flags]` and wait for the line
// `cluster: ready`; SIGINT or SIGTERM stops every process it started. If one of them exits on its
// own, the others are stopped and the cluster exits with status 1.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import nextEnv from "@next/env";
import pg from "pg";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(import.meta.dirname, "..");
const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432";
const LOCAL_DATABASE = "login_lab_cluster";
/** The documented development password (lib/config.ts): a local lab cluster, never a public one. */
const DEV_DEMO_PASSWORD = "login-lab-demo";

const FLAGS = ["--memory", "--build", "--no-build"];
const args = process.argv.slice(2);
const unknown = args.filter((a) => !FLAGS.includes(a));
if (unknown.length || (args.includes("--build") && args.includes("--no-build"))) {
  console.error(`usage: npm run cluster -- [--memory] [--build | --no-build]${unknown.length ? ` (unknown: ${unknown.join(" ")})` : ""}`);
  process.exit(1);
}

/** Refuses to go on: one clear line, exit status 1. */
function refuse(message) {
  console.error(`cluster: ${message}`);
  process.exit(1);
}

// The instances run production builds: read the .env files the way `npm start` does.
process.env.NODE_ENV = "production";
nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });

function port(name, fallback) {
  const raw = process.env[name] || String(fallback);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) refuse(`${name} must be a port number (got "${raw}").`);
  return value;
}
const ports = { A: port("PORT_A", 3001), B: port("PORT_B", 3002), resource: port("PORT_RESOURCE", 3003) };
if (new Set(Object.values(ports)).size !== 3) refuse(`PORT_A, PORT_B and PORT_RESOURCE must differ (got ${ports.A}, ${ports.B}, ${ports.resource}).`);
const sessionStore = args.includes("--memory") ? "memory" : "database";

/** Listens on `p` the way the servers will (every address); EADDRINUSE means someone else has it. */
function portFree(p) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error) => resolve(error.code !== "EADDRINUSE" && error.code !== "EACCES"));
    probe.listen(p, () => probe.close(() => resolve(true)));
  });
}
for (const [name, p] of Object.entries(ports)) {
  if (!(await portFree(p))) refuse(`port ${p} (${name}) is taken. Stop whatever listens there, or choose another port with PORT_${name.toUpperCase()}.`);
}

// --- The database: one PostgreSQL for both instances ------------------------------------------
const given = process.env.DATABASE_URL ?? "";
const databaseUrl = /^postgres(ql)?:\/\//.test(given) ? given : `${LOCAL_SERVER}/${LOCAL_DATABASE}`;
if (given && databaseUrl !== given) {
  console.log(`cluster: DATABASE_URL is not PostgreSQL (${given.split(":")[0]}:…); two instances need one store they both reach, so the cluster uses ${databaseUrl}`);
}
/** The URL as printed: never a password. */
function shown(url) {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

async function connect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  return client;
}

/** Makes sure the database exists and answers; creates it when the server says it does not exist. */
async function ensureDatabase(url) {
  try {
    await (await connect(url)).end();
    return "existing";
  } catch (error) {
    // 3D000: invalid_catalog_name, the server answered but has no such database.
    if (error.code !== "3D000") {
      refuse(
        `cannot connect to PostgreSQL at ${shown(url)} (${error.code ?? error.message}). Is it running? ` +
          "Start it (e.g. `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`) or set DATABASE_URL=postgresql://…",
      );
    }
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = await connect(Object.assign(new URL(url), { pathname: "/postgres" }).toString()).catch((error) =>
    refuse(`cannot connect to ${shown(url)}'s server to create the database "${name}": ${error.message}`),
  );
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    // 42P04: duplicate_database — created meanwhile by someone else, which is just as good.
    if (error.code !== "42P04") refuse(`cannot create the database "${name}": ${error.message}`);
  } finally {
    await admin.end();
  }
  return "created now";
}
const databaseState = await ensureDatabase(databaseUrl);

// --- The secrets every instance shares ----------------------------------------------------------
const { ensureLocalSecrets } = await tsImport("./dev-secrets.ts", import.meta.url);
const generated = await ensureLocalSecrets(["SESSION_SECRET", "JWT_PRIVATE_KEY"], "scripts/cluster.mjs");
if (generated.length) console.log(`cluster: generated ${generated.join(", ")} into .env.local (kept for the next run; never commit it)`);
// The key-encryption secret turns on database-kept, rotating signing keys: the cluster's business
// only, so it lives in a file only the cluster reads (data/, git-ignored), not in .env.local, where
// `npm run dev`, the tests and the benchmark would pick it up too.
const generatedKek = await ensureLocalSecrets(["KEY_ENCRYPTION_SECRET"], "scripts/cluster.mjs", "data/cluster.env");
if (generatedKek.length) console.log("cluster: generated KEY_ENCRYPTION_SECRET into data/cluster.env (kept for the next run; never commit it)");

// --- Children: output prefixed with their name, all stopped together -----------------------------
const children = new Map();
/** Build and migration runs under way: stopped too, but their end is no reason to stop the others. */
const steps = new Set();
let stopping = false;

function prefixLines(stream, out, name) {
  createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => out.write(`[${name}] ${line}\n`));
}

/**
 * Starts a child in a process group of its own (`detached`), so a Ctrl-C in the terminal reaches
 * this script alone, which then stops the children in order — instead of racing them to it and
 * taking their exit for a crash.
 */
function start(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  prefixLines(child.stdout, process.stdout, name);
  prefixLines(child.stderr, process.stderr, name);
  children.set(name, child);
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`cluster: ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the others`);
      void stop(1);
    }
  });
  return child;
}

/** Runs a step to completion (build, migrations); its output is prefixed too. */
function step(name, cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    steps.add(child);
    prefixLines(child.stdout, process.stdout, name);
    prefixLines(child.stderr, process.stderr, name);
    child.on("exit", (code) => {
      steps.delete(child);
      // Stopped by stop(): what came next must not run.
      if (!stopping) resolve(code ?? 1);
    });
  });
}

/** Stops every child, then exits with `status`. Called again meanwhile, it never returns: the first call exits. */
async function stop(status) {
  if (stopping) return new Promise(() => {});
  stopping = true;
  const running = [...children.values(), ...steps];
  for (const child of running) child.kill("SIGTERM");
  const deadline = setTimeout(() => {
    for (const child of running) child.kill("SIGKILL");
  }, 5000);
  await Promise.all(running.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((r) => child.once("exit", r)))));
  clearTimeout(deadline);
  process.exit(status);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void stop(0));
// However this script ends, it leaves nothing running behind.
process.on("exit", () => {
  for (const child of [...children.values(), ...steps]) child.kill("SIGKILL");
});

// --- The build ----------------------------------------------------------------------------------
const built = existsSync(path.join(root, ".next", "BUILD_ID"));
if (args.includes("--no-build") && !built) refuse("there is no production build in .next (--no-build): run `npm run build` first.");
if (args.includes("--build") || !built) {
  console.log(`cluster: ${built ? "rebuilding (--build)" : "no production build in .next yet"}: running \`npm run build\`…`);
  if ((await step("build", "npm", ["run", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" })) !== 0) refuse("`npm run build` failed.");
}

// --- The instances' environment -----------------------------------------------------------------
const url = (p) => `http://127.0.0.1:${p}`;
const demoPassword = process.env.DEMO_PASSWORD || DEV_DEMO_PASSWORD;
const shared = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  // Plain http on localhost: a Secure cookie would never be sent back over it, so nothing that
  // needs a cookie would work. Never like this on a network.
  COOKIE_SECURE: "false",
  // Cookies ignore ports: names of their own, so that the dev server's cookies on localhost:3000
  // and the cluster's on localhost:3001 and :3002 never overwrite each other (lib/cookie-namespace.ts).
  COOKIE_NAMESPACE: process.env.COOKIE_NAMESPACE || "cluster",
  DEMO_PASSWORD: demoPassword,
  SESSION_STORE: sessionStore,
  CLUSTER_URLS: `A=${url(ports.A)},B=${url(ports.B)}`,
  RESOURCE_URL: url(ports.resource),
};
const instanceEnv = (name) => ({ ...shared, CLUSTER_INSTANCE: name, PORT: String(ports[name]) });

// Migrations and demo users once, before either instance starts: two instances migrating the same
// database at once would race each other.
if ((await step("prepare", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/prepare.ts"], instanceEnv("A"))) !== 0) {
  refuse("preparing the database failed (see above).");
}

const jwksUrl = `${url(ports.A)}/.well-known/jwks.json`;
for (const name of ["A", "B"]) start(name, ["scripts/server.mjs"], instanceEnv(name));
// The resource service gets what it reads and nothing else: no database, no secret.
start("resource", ["scripts/resource-service.mjs"], {
  PATH: process.env.PATH,
  NODE_ENV: "production",
  PORT_RESOURCE: String(ports.resource),
  JWKS_URL: jwksUrl,
  ISSUER: process.env.JWT_ISSUER || "login-lab",
  ...(process.env.JWKS_CACHE_SECONDS ? { JWKS_CACHE_SECONDS: process.env.JWKS_CACHE_SECONDS } : {}),
  ...(process.env.JWKS_COOLDOWN_SECONDS ? { JWKS_COOLDOWN_SECONDS: process.env.JWKS_COOLDOWN_SECONDS } : {}),
});

/** Polls until `target` answers 200; false after 60 s or when the cluster is being stopped. */
async function answers(target) {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      const res = await fetch(target, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
const checks = { A: `${url(ports.A)}/api/health`, B: `${url(ports.B)}/api/health`, resource: `${url(ports.resource)}/health` };
for (const [name, target] of Object.entries(checks)) {
  if (!(await answers(target))) {
    if (!stopping) console.error(`cluster: ${name} did not answer ${target} within 60 s; stopping`);
    await stop(1);
  }
}

// --- Ready --------------------------------------------------------------------------------------
const users = (process.env.DEMO_USERS || "alice,bob").split(",").map((u) => u.trim()).filter(Boolean);
const pad = (s, n) => String(s).padEnd(n);
const storeNote =
  sessionStore === "memory" ? "memory: each instance its own (a session made on A is unknown to B, claim S7)" : "database: shared (a session made on A works on B)";
const rows = [
  ["A", `http://localhost:${ports.A}`, children.get("A")?.pid, `Login Lab instance A, sessions in ${sessionStore}`],
  ["B", `http://localhost:${ports.B}`, children.get("B")?.pid, `Login Lab instance B, sessions in ${sessionStore}`],
  ["resource", `http://localhost:${ports.resource}`, children.get("resource")?.pid, `resource service: no database, no secret; keys from ${jwksUrl}`],
];
const login = `curl -s -X POST ${url(ports.A)}/api/jwt/login -H 'content-type: application/json' -d '{"username":"${users[0]}","password":"${process.env.DEMO_PASSWORD ? "<your DEMO_PASSWORD>" : DEV_DEMO_PASSWORD}"}'`;
console.log(
  [
    "",
    `  ${pad("process", 10)} ${pad("listens on", 24)} ${pad("pid", 8)} what`,
    ...rows.map(([name, where, pid, what]) => `  ${pad(name, 10)} ${pad(where, 24)} ${pad(pid, 8)} ${what}`),
    "",
    `  database       ${shown(databaseUrl)} (${databaseState})`,
    `  session store  ${storeNote}`,
    `  demo users     ${users.join(", ")} — password ${process.env.DEMO_PASSWORD ? "from DEMO_PASSWORD" : `"${DEV_DEMO_PASSWORD}", the documented development password: a local lab cluster, never put it on a network`}`,
    "",
    `  open http://localhost:${ports.A}/scale for the scale-out lab, or try it from a shell:`,
    `    TOKEN=$(${login} | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')`,
    `    curl -H "Authorization: Bearer $TOKEN" ${url(ports.B)}/api/jwt/mypage      # B, same store and keys`,
    `    curl -H "Authorization: Bearer $TOKEN" ${url(ports.resource)}/resource            # the resource service, public key only`,
    "  Ctrl-C stops all three.",
    "",
  ].join("\n"),
);
console.log("cluster: ready");
