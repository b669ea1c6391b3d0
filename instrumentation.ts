/** Runs once when a server instance starts: the background sweep of expired rows, the cache-invalidation listener. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSweeping } = await import("./lib/sweep");
  startSweeping();
  // PostgreSQL: LISTEN for the store's change announcements; until they flow, no cache answers.
  const { startListening } = await import("./lib/auth/invalidation");
  startListening();
}
