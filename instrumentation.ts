/** Runs once when a server instance starts: begins the background sweep of expired rows. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSweeping } = await import("./lib/sweep");
  startSweeping();
}
