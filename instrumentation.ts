// Runs once when the server starts: applies committed migrations, prepares first-run setup, starts the poller.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await (await import("./lib/services/startup")).startServer();
}
