/** Runs once when a server instance starts: the background sweep of expired rows, the cache-invalidation listener. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSweeping } = await import("./lib/sweep");
  startSweeping();
  // With KEY_ENCRYPTION_SECRET: the signing keys from the database, and their rotation schedule.
  const { startKeyRotation } = await import("./lib/auth/key-rotation");
  startKeyRotation();
  // PostgreSQL: LISTEN for the store's change announcements; until they flow, no cache answers.
  // Announced key changes ("k") reach the key set at once, not at its next 20 s reload.
  const { onInvalidate, startListening } = await import("./lib/auth/invalidation");
  const { forgetKeys } = await import("./lib/auth/keys");
  onInvalidate((key) => {
    if (key === "k" || key === "*") forgetKeys();
  });
  startListening();
}
