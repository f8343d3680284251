// A raw-protocol MySQL server that plays the authentication games a rogue server can play: caching_sha2 full
// authentication, public-key exchange (sha256_password / caching_sha2), and a switch to mysql_clear_password.
// It records every byte a client sends after the greeting and reports any password it could read.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";

/** An RSA key pair (PEM). */
export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

/** A fresh 2048-bit RSA key pair. */
export function rsaKeyPair(): KeyPair {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(), privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

/** A throw-away self-signed certificate (its own CA) for `subjectAltName`, e.g. "IP:127.0.0.1", made by the openssl CLI. */
export function selfSignedCert(subjectAltName: string): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replscope-cert-"));
  try {
    const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=replscope-test", "-addext", `subjectAltName=${subjectAltName}`], { stdio: "ignore" });
    return { key: fs.readFileSync(key, "utf8"), cert: fs.readFileSync(cert, "utf8") };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the fake asks of the client after the greeting:
 * - `full_auth`: caching_sha2_password, then "perform full authentication" (0x04); the key on request (0x02).
 * - `fast_auth`: caching_sha2_password, scramble accepted (0x03).
 * - `sha256`: switch to sha256_password; the key on request (0x01).
 * - `cleartext`: switch to mysql_clear_password.
 */
export type AuthScript = "full_auth" | "fast_auth" | "sha256" | "cleartext";

/** Options: the script, the key the fake sends when asked, every key pair it can decrypt with, TLS. */
export interface AuthFakeOptions {
  script: AuthScript;
  /** The password an honest server would accept (the fake answers OK once it read exactly this). */
  password: string;
  /** Sent to a client that asks for the server's public key. */
  sendKey: KeyPair;
  /** Key pairs the fake tries on every packet, by name (include `sendKey`'s pair to catch retrieval). */
  knownKeys: Record<string, KeyPair>;
  /** Offer TLS with this certificate. */
  tls?: { key: string; cert: string };
  version?: string;
  greetingPlugin?: string;
}

/** What the fake learnt: each password it could read and how. */
export interface Learnt {
  password: string;
  via: string; // "clear", "scramble-xor", …
}

/** A running auth fake. */
export interface AuthFake {
  port: number;
  /** Every client packet payload after the greeting (decrypted TLS), in order. */
  received: Buffer[];
  /** Passwords read from the client's packets (clear text, or RSA-decrypted with a known key). */
  learnt: Learnt[];
  /** Whether the client asked for the server's public key. */
  keyRequested: boolean;
  /** Whether a client got past authentication. */
  loggedIn: boolean;
  /** Whether any client's bytes contain the password (plain, or xor'ed with the scramble). */
  sawPassword(password: string): boolean;
  close(): Promise<void>;
}

const CAPS = 0x1 | 0x2 | 0x4 | 0x8 | 0x200 | 0x2000 | 0x8000 | 0x10000 | 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000;
const SSL_CAP = 0x800;

function frame(seq: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUIntLE(payload.length, 0, 3);
  head[3] = seq & 0xff;
  return Buffer.concat([head, payload]);
}

function xorRotating(a: Buffer, seed: Buffer): Buffer {
  return Buffer.from(a.map((b, i) => b ^ seed[i % seed.length]));
}

const cstr = (s: string) => Buffer.concat([Buffer.from(s, "utf8"), Buffer.from([0])]);
const lenenc = (b: Buffer) => Buffer.concat([Buffer.from([b.length]), b]);
const OK = Buffer.from([0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00]);
const EOF = Buffer.from([0xfe, 0x00, 0x00, 0x02, 0x00]);

function err(code: number, message: string): Buffer {
  const b = Buffer.alloc(3);
  b[0] = 0xff;
  b.writeUInt16LE(code, 1);
  return Buffer.concat([b, Buffer.from(`#28000${message}`, "utf8")]);
}

function greeting(version: string, scramble: Buffer, plugin: string, ssl: boolean): Buffer {
  const caps = CAPS | (ssl ? SSL_CAP : 0);
  const fixed = Buffer.alloc(4 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10);
  let o = fixed.writeUInt32LE(7, 0);
  o += scramble.copy(fixed, o, 0, 8);
  fixed[o++] = 0;
  o = fixed.writeUInt16LE(caps & 0xffff, o);
  fixed[o++] = 33;
  o = fixed.writeUInt16LE(2, o);
  o = fixed.writeUInt16LE(caps >>> 16, o);
  fixed[o++] = 21;
  return Buffer.concat([Buffer.from([10]), cstr(version), fixed, scramble.subarray(8, 20), Buffer.from([0]), cstr(plugin)]);
}

/** The client's HandshakeResponse41: its plugin name and first auth data. */
function parseResponse(p: Buffer): { plugin: string; auth: Buffer } {
  const flags = p.readUInt32LE(0);
  let o = 32;
  o = p.indexOf(0, o) + 1;
  let auth: Buffer;
  if (flags & 0x200000) {
    const n = p[o++];
    auth = p.subarray(o, o + n);
    o += n;
  } else {
    const n = p[o++];
    auth = p.subarray(o, o + n);
    o += n;
  }
  if (flags & 0x8 && o < p.length) o = p.indexOf(0, o) + 1;
  const plugin = flags & 0x80000 && o < p.length ? p.subarray(o, p.indexOf(0, o) < 0 ? p.length : p.indexOf(0, o)).toString("latin1") : "";
  return { plugin, auth };
}

class Wire {
  private buf = Buffer.alloc(0);
  private waiting: ((f: { seq: number; payload: Buffer } | null) => void)[] = [];
  private frames: ({ seq: number; payload: Buffer } | null)[] = [];
  private stream: net.Socket | tls.TLSSocket;
  private onData = (chunk: Buffer) => this.push(chunk);
  /** Set while the next client packet may be an SSLRequest: stop reading right after it. */
  sslPending = false;
  sslRequested = false;

  constructor(private socket: net.Socket, private received: Buffer[]) {
    this.stream = socket;
    socket.on("data", this.onData);
    socket.on("close", () => this.deliver(null));
    socket.on("error", () => this.deliver(null));
  }

  private push(chunk: Buffer) {
    this.buf = Buffer.concat([this.buf, chunk]);
    while (this.buf.length >= 4) {
      const len = this.buf.readUIntLE(0, 3);
      if (this.buf.length < 4 + len) return;
      const f = { seq: this.buf[3], payload: Buffer.from(this.buf.subarray(4, 4 + len)) };
      this.buf = this.buf.subarray(4 + len);
      this.received.push(f.payload);
      if (this.sslPending && len === 32 && f.payload.readUInt32LE(0) & SSL_CAP) {
        this.sslPending = false;
        this.sslRequested = true;
        this.socket.removeListener("data", this.onData);
        this.socket.pause();
        if (this.buf.length) this.socket.unshift(this.buf);
        this.buf = Buffer.alloc(0);
        this.deliver(f);
        return;
      }
      this.sslPending = false;
      this.deliver(f);
    }
  }

  private deliver(f: { seq: number; payload: Buffer } | null) {
    const w = this.waiting.shift();
    if (w) w(f);
    else this.frames.push(f);
  }

  /** The next client packet, or null once the client hung up. */
  next(): Promise<{ seq: number; payload: Buffer } | null> {
    if (this.frames.length) return Promise.resolve(this.frames.shift()!);
    return new Promise((r) => this.waiting.push(r));
  }

  write(seq: number, payload: Buffer) {
    this.stream.write(frame(seq, payload));
  }

  /** Upgrades to TLS after an SSLRequest. */
  startTls(o: { key: string; cert: string }) {
    const secure = new tls.TLSSocket(this.socket, { isServer: true, key: o.key, cert: o.cert });
    this.stream = secure;
    secure.on("data", this.onData);
    secure.on("error", () => this.deliver(null));
    secure.on("close", () => this.deliver(null));
    this.socket.resume();
  }

  end() {
    this.stream.end();
  }
}

function resultSet(names: string[], values: string[]): Buffer[] {
  const col = (name: string) =>
    Buffer.concat([lenenc(Buffer.from("def")), lenenc(Buffer.alloc(0)), lenenc(Buffer.alloc(0)), lenenc(Buffer.alloc(0)), lenenc(Buffer.from(name)), lenenc(Buffer.from(name)),
      Buffer.from([0x0c, 33, 0, 255, 0, 0, 0, 0xfd, 0, 0, 0, 0, 0])]);
  return [Buffer.from([names.length]), ...names.map(col), EOF, Buffer.concat(values.map((v) => lenenc(Buffer.from(v)))), EOF];
}

/** Starts an auth fake on 127.0.0.1 (free port). */
export function startAuthFake(o: AuthFakeOptions): Promise<AuthFake> {
  const received: Buffer[] = [];
  const learnt: Learnt[] = [];
  const scrambles: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const version = o.version ?? "8.0.36";
  const state = { keyRequested: false, loggedIn: false };

  const tryRead = (payload: Buffer, scramble: Buffer, secure: boolean) => {
    const clear = payload.subarray(0, payload.indexOf(0) < 0 ? payload.length : payload.indexOf(0)).toString("utf8");
    if (clear === o.password && o.password !== "") learnt.push({ password: clear, via: secure ? "clear over TLS" : "clear" });
    for (const [name, k] of Object.entries(o.knownKeys)) {
      try {
        const plain = xorRotating(crypto.privateDecrypt({ key: k.privateKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" }, payload), scramble);
        learnt.push({ password: plain.subarray(0, plain.indexOf(0) < 0 ? plain.length : plain.indexOf(0)).toString("utf8"), via: name });
      } catch {}
    }
  };

  async function session(socket: net.Socket) {
    const wire = new Wire(socket, received);
    const scramble = Buffer.from(crypto.randomBytes(20).map((b) => (b % 90) + 33));
    scrambles.push(scramble);
    const plugin = o.greetingPlugin ?? (o.script === "full_auth" || o.script === "fast_auth" ? "caching_sha2_password" : "mysql_native_password");
    wire.sslPending = !!o.tls;
    wire.write(0, greeting(version, scramble, plugin, !!o.tls));
    let f = await wire.next();
    if (!f) return;
    let secure = false;
    if (wire.sslRequested && o.tls) {
      wire.startTls(o.tls);
      secure = true;
      f = await wire.next();
      if (!f) return;
    }
    let seq = f.seq + 1;
    const send = (payload: Buffer) => wire.write(seq++, payload);
    const read = async () => {
      const r = await wire.next();
      if (r) seq = r.seq + 1;
      return r?.payload ?? null;
    };
    const want = o.script === "sha256" ? "sha256_password" : o.script === "cleartext" ? "mysql_clear_password" : "caching_sha2_password";
    const first = parseResponse(f.payload);
    let answer: Buffer | null = first.auth;
    if (first.plugin !== want) {
      send(Buffer.concat([Buffer.from([0xfe]), cstr(want), scramble, Buffer.from([0])]));
      answer = await read();
    }
    if (!answer) return;
    if (o.script === "fast_auth") {
      send(Buffer.from([0x01, 0x03]));
    } else {
      if (o.script === "full_auth") {
        send(Buffer.from([0x01, 0x04]));
        answer = await read();
        if (!answer) return;
      }
      const ask = o.script === "full_auth" ? 0x02 : 0x01;
      if (o.script !== "cleartext" && answer.length === 1 && answer[0] === ask) {
        state.keyRequested = true;
        send(Buffer.concat([Buffer.from([0x01]), Buffer.from(o.sendKey.publicKey)]));
        answer = await read();
        if (!answer) return;
      }
      const before = learnt.length;
      tryRead(answer, scramble, secure);
      if (!learnt.slice(before).some((l) => l.password === o.password)) {
        send(err(1045, "Access denied for user"));
        return wire.end();
      }
    }
    send(OK);
    state.loggedIn = true;
    for (;;) {
      const cmd = await wire.next();
      if (!cmd || cmd.payload[0] === 0x01) return wire.end();
      seq = 1;
      const sql = cmd.payload.subarray(1).toString("utf8");
      if (cmd.payload[0] !== 0x03 || /^\s*SET\b/i.test(sql)) send(OK);
      else if (/^SELECT VERSION\(\)/i.test(sql)) resultSet(["version", "comment"], [version, "MySQL Community Server - GPL"]).forEach(send);
      else resultSet(["1"], ["1"]).forEach(send);
    }
  }

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    session(socket).catch(() => socket.destroy());
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        received,
        learnt,
        get keyRequested() {
          return state.keyRequested;
        },
        get loggedIn() {
          return state.loggedIn;
        },
        sawPassword(password: string) {
          const needle = Buffer.from(password, "utf8");
          return received.some((p) => p.includes(needle) || scrambles.some((s) => xorRotating(p, s).includes(needle)));
        },
        close: () => new Promise<void>((done) => {
          sockets.forEach((s) => s.destroy());
          server.close(() => done());
        }),
      });
    });
  });
}
