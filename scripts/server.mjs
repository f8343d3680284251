// The HTTP server in front of Next.js: it stamps each request with its socket's peer address (x-replscope-peer),
// which Next.js does not expose (its X-Forwarded-For keeps whatever a client sent). The app trusts that header only
// when this server runs it (the marker below), and believes X-Forwarded-For only from REPLSCOPE_TRUSTED_PROXIES.
import http from "node:http";
import next from "next";

const PEER_HEADER = "x-replscope-peer"; // the same name as PEER_HEADER in lib/services/session.ts

/** Serves the app on `port` (dev: `next dev` behaviour with hot reload); resolves with the listening server. */
export async function serve({ port, dev = false }) {
  process.umask(0o077); // the database, its WAL, the key and the setup code: readable by this user only
  if (!dev) process.env.NODE_ENV = "production";
  globalThis[Symbol.for("replscope.peerHeader")] = PEER_HEADER;
  const app = next({ dev, port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    delete req.headers[PEER_HEADER];
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
    handle(req, res).catch((e) => {
      console.error("replscope: request failed:", e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, () => resolve(undefined)));
  console.log(`replscope: listening on http://localhost:${port}`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  for (const sig of ["SIGINT", "SIGTERM"]) process.once(sig, stop);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve({ port: Number(process.env.PORT ?? 3000), dev: process.argv.includes("--dev") });
}
