// Reads a port's first packet over raw TCP, so "not MySQL" and "hung" are told apart from driver errors.
import "server-only";
import net from "node:net";
import { type Greeting, parseGreeting } from "@/lib/domain/connection-check";

/** What the socket saw: a parsed greeting, or a node error code (ETIMEDOUT before connecting, GREETING_TIMEOUT when connected but silent). */
export type GreetingProbe = { greeting: Greeting } | { error: { code: string; message: string } };

/** Connects, waits up to `timeoutMs` for the server's greeting, and closes without logging in. */
export function readGreeting(host: string, port: number, timeoutMs: number): Promise<GreetingProbe> {
  return new Promise((resolve) => {
    let buf = Buffer.alloc(0);
    const socket = net.connect({ host, port });
    const finish = (r: GreetingProbe) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish({ error: socket.connecting ? { code: "ETIMEDOUT", message: "connect timed out" } : { code: "GREETING_TIMEOUT", message: "no greeting" } }),
      timeoutMs,
    );
    socket.on("data", (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const greeting = parseGreeting(buf);
      if (greeting.kind !== "incomplete" || buf.length > 4096) finish({ greeting: greeting.kind === "incomplete" ? { kind: "not_mysql" } : greeting });
    });
    socket.on("end", () => finish(buf.length ? { greeting: { kind: "not_mysql" } } : { error: { code: "NOT_MYSQL", message: "closed without a greeting" } }));
    socket.on("error", (e: NodeJS.ErrnoException) => finish({ error: { code: e.code ?? "ERROR", message: e.message } }));
  });
}
