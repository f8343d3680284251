// Runs once when the server starts: applies committed migrations before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/data/startup");
}
