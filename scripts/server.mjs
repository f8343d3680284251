// The HTTP server in front of Next.js: it stamps each request with its socket's peer address (x-replscope-peer),
// which Next.js does not expose (its X-Forwarded-For keeps whatever a client sent), signed with a per-process key
// (x-replscope-peer-sig). The app trusts that header only when this server runs it (the markers below) and the
// signature verifies, and believes X-Forwarded-For only from REPLSCOPE_TRUSTED_PROXIES.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import next from "next";

const PEER_HEADER = "x-replscope-peer"; // the same names as in lib/services/session.ts
const PEER_SIG_HEADER = "x-replscope-peer-sig";
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** The signature of a peer address under this process's key (shared with the app through globalThis). */
const signPeer = (key, peer) => createHmac("sha256", key).update(peer).digest("hex");

/** True when the request's peer header was stamped by this process: Next.js re-sends some requests (a server action
 * posted to a page that does not have it) to itself from loopback, with the original request's headers. */
function stampedHere(key, req) {
  const [peer, sig] = [req.headers[PEER_HEADER], req.headers[PEER_SIG_HEADER]];
  if (!LOOPBACK.has(req.socket.remoteAddress ?? "") || typeof peer !== "string" || typeof sig !== "string") return false;
  const want = Buffer.from(signPeer(key, peer));
  const got = Buffer.from(sig);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Serves the app on `port` (dev: `next dev` behaviour with hot reload); resolves with the listening server. */
export async function serve({ port, dev = false }) {
  process.umask(0o077); // the database, its WAL, the key and the setup code: readable by this user only
  if (!dev) process.env.NODE_ENV = "production";
  const peerKey = randomBytes(32).toString("hex");
  globalThis[Symbol.for("replscope.peerHeader")] = PEER_HEADER;
  globalThis[Symbol.for("replscope.peerKey")] = peerKey;
  const app = next({ dev, port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (!stampedHere(peerKey, req)) {
      const peer = req.socket.remoteAddress ?? "unknown";
      req.headers[PEER_HEADER] = peer;
      req.headers[PEER_SIG_HEADER] = signPeer(peerKey, peer);
    }
    handle(req, res).catch((e) => {
      console.error("replscope: request failed:", e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, () => resolve(undefined)));
  console.log(`replscope: listening on http://localhost:${port}`);
  const stop = () => {
    // The app releases its leader lease first (bounded: a dead database must not hold up the stop).
    const beforeExit = globalThis[Symbol.for("replscope.beforeExit")];
    if (typeof beforeExit === "function") void Promise.race([beforeExit(), new Promise((r) => setTimeout(r, 1000))]).catch(() => undefined);
    server.close(() => setTimeout(() => process.exit(0), 300));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  for (const sig of ["SIGINT", "SIGTERM"]) process.once(sig, stop);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve({ port: Number(process.env.PORT ?? 3000), dev: process.argv.includes("--dev") });
}
