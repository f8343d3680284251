// Real receivers on loopback for alert tests: an HTTP receiver (signature checked), prometheus-alertmanager, an SMTP sink.
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/** One request the HTTP receiver got. */
export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: unknown;
  signatureValid: boolean | null;
  /** The HTTP status it was answered with. */
  status: number;
}

/** How the receiver answers: 200, a status, or never (hang). */
export type ReceiverMode = { kind: "ok" } | { kind: "status"; status: number } | { kind: "hang" };

/** An HTTP receiver that records every request and verifies X-Replscope-Signature with `secret`. */
export class HttpReceiver {
  readonly received: Received[] = [];
  mode: ReceiverMode = { kind: "ok" };
  private server?: http.Server;
  private sockets = new Set<net.Socket>();
  port = 0;

  constructor(private secret: string | null = null) {}

  get url() {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  /** Listens (on `port`, or a free one the first time). */
  async start(port = this.port): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (this.mode.kind === "hang") return;
        const body = Buffer.concat(chunks).toString("utf8");
        const sig = req.headers["x-replscope-signature"];
        const expected = this.secret ? `sha256=${createHmac("sha256", this.secret).update(body).digest("hex")}` : null;
        let json: unknown = null;
        try {
          json = JSON.parse(body);
        } catch {}
        const status = this.mode.kind === "status" ? this.mode.status : 200;
        this.received.push({ headers: req.headers, body, json, signatureValid: expected ? sig === expected : null, status });
        res.writeHead(status).end(this.mode.kind === "status" ? "receiver says no" : "ok");
      });
    });
    this.server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => this.server!.listen(port, "127.0.0.1", r));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Stops listening and drops open connections (the receiver is "down"). */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = undefined;
  }
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A real prometheus-alertmanager on a free loopback port with a temporary storage directory. */
export class Alertmanager {
  private proc?: ChildProcess;
  private dir = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-am-"));
  port = 0;

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts it and waits until its API answers. */
  async start(bin = "/usr/bin/prometheus-alertmanager"): Promise<void> {
    this.port = await freePort();
    const config = path.join(this.dir, "am.yml");
    fs.writeFileSync(config, 'route:\n  receiver: "null"\nreceivers:\n  - name: "null"\n');
    this.proc = spawn(bin, [`--config.file=${config}`, `--storage.path=${path.join(this.dir, "data")}`, `--web.listen-address=127.0.0.1:${this.port}`, "--cluster.listen-address="], { stdio: "ignore" });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${this.url}/-/ready`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("alertmanager did not start");
  }

  /** GET /api/v2/alerts (active and, with `all`, resolved ones too). */
  async alerts(): Promise<{ labels: Record<string, string>; annotations: Record<string, string>; startsAt: string; endsAt: string; status: { state: string } }[]> {
    return (await (await fetch(`${this.url}/api/v2/alerts`)).json()) as never;
  }

  /** Stops it, waits until it has exited (it writes its storage on the way out), then removes its storage. */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise<void>((r) => proc.once("exit", () => r()));
      proc.kill();
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One message the SMTP sink accepted. */
export interface Mail {
  from: string;
  to: string[];
  raw: string;
}

/** An SMTP sink requiring a login (user/password), no TLS, on a free loopback port. */
export class SmtpSink {
  readonly mails: Mail[] = [];
  private server?: SMTPServer;
  port = 0;

  constructor(readonly user: string, readonly password: string) {}

  /** Starts listening. */
  async start(): Promise<void> {
    this.server = new SMTPServer({
      secure: false, disabledCommands: ["STARTTLS"], authOptional: false, allowInsecureAuth: true, logger: false,
      onAuth: (auth, _session, cb) => (auth.username === this.user && auth.password === this.password ? cb(null, { user: auth.username }) : cb(new Error("Invalid username or password"))),
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          this.mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
          cb();
        });
      },
    });
    this.port = await freePort();
    await new Promise<void>((r) => this.server!.listen(this.port, "127.0.0.1", r));
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
