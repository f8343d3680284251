// Runs once when the server starts: applies committed migrations, then starts the background poller.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/data/startup");
  if (process.env.REPLSCOPE_POLLER !== "off") (await import("./lib/services/monitor")).monitor().start();
}
