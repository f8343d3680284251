// replscope's own mysql2 auth plugins: the SHA-2 and clear-text exchanges never give a peer a password it can read,
// unless TLS is verified, the server's key is pinned, or an admin allowed fetching it (lib/domain/password-exchange).
import "server-only";
import crypto from "node:crypto";
import tls from "node:tls";
import type { ConnectionOptions } from "mysql2/promise";
import { type KeyPolicy, passwordRoute, type PasswordRoute, type Withheld } from "@/lib/domain/password-exchange";

type AuthPlugin = NonNullable<ConnectionOptions["authPlugins"]>[string];
type PluginConnection = Parameters<AuthPlugin>[0]["connection"];
/** mysql2 writes what a plugin step resolves to, and nothing for null (its typings omit null in promises). Each step
 *  runs inside a promise, so a step that throws (e.g. PasswordWithheldError) always reaches mysql2 as a rejection. */
const plugin = (f: (c: PluginConnection) => (data: Buffer) => Buffer | null) =>
  (({ connection }) => {
    const step = f(connection);
    return (data: Buffer) => new Promise<Buffer | null>((resolve) => resolve(step(data)));
  }) as AuthPlugin;

/** Thrown by a plugin instead of sending the password; classifyError reads `withheld`. */
export class PasswordWithheldError extends Error {
  readonly withheld: { reason: Withheld; plugin: string };
  constructor(reason: Withheld, plugin: string) {
    super(`Password withheld: the server asked for it ${reason === "cleartext" ? "in clear text" : "encrypted with a public key it supplies"} (${plugin})`);
    this.withheld = { reason, plugin };
  }
}

/** Where the plugins run: the endpoint, its TLS mode and its password-exchange settings. */
export interface PluginTarget {
  host: string;
  tlsMode: "disabled" | "required" | "verify";
  policy: KeyPolicy | null;
  /** The credentials belong to another endpoint: scramble logins only (see borrowedEndpoint). */
  borrowed?: boolean;
}

const withNul = (password: string) => Buffer.from(`${password}\0`, "utf8");
const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest();
const xorRotating = (a: Buffer, seed: Buffer) => Buffer.from(a.map((b, i) => b ^ seed[i % seed.length]));

/** caching_sha2_password's scramble: XOR(SHA256(pw), SHA256(SHA256(SHA256(pw)), scramble)) — reveals nothing. */
function sha2Token(password: string, scramble: Buffer): Buffer {
  if (!password) return Buffer.alloc(0);
  const stage1 = sha256(Buffer.from(password, "utf8"));
  const stage3 = sha256(Buffer.concat([sha256(stage1), scramble]));
  return Buffer.from(stage1.map((b, i) => b ^ stage3[i]));
}

function encrypt(password: string, scramble: Buffer, key: string | Buffer): Buffer {
  return crypto.publicEncrypt({ key, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" }, xorRotating(withNul(password), scramble));
}

/** True when the connection runs over TLS whose certificate chain and host name were verified. */
function tlsVerified(connection: PluginConnection, t: PluginTarget): boolean {
  const s = (connection as unknown as { stream?: unknown }).stream;
  if (t.tlsMode !== "verify" || !(s instanceof tls.TLSSocket) || !s.encrypted || s.authorized !== true) return false;
  return tls.checkServerIdentity(t.host, s.getPeerCertificate()) === undefined;
}

/** How this connection may send the password for a plugin of that kind (TLS, pinned key, retrieval, borrowed creds). */
const routeFor = (kind: "rsa" | "cleartext", connection: PluginConnection, t: PluginTarget) => passwordRoute(kind, tlsVerified(connection, t), t.policy, t.borrowed === true);

const passwordOf = (connection: PluginConnection) => String((connection as unknown as { config: { password?: string } }).config.password ?? "");

/** Answers one "send me the password" request by the route the policy allows; `retrieve` asks with `askByte`. */
function answer(route: PasswordRoute, plugin: string, password: string, scramble: Buffer, askByte: number): { data: Buffer; waitKey: boolean } {
  if ("refuse" in route) throw new PasswordWithheldError(route.refuse, plugin);
  if (route.send === "clear") return { data: withNul(password), waitKey: false };
  if (route.send === "pinned") return { data: encrypt(password, scramble, route.key), waitKey: false };
  return { data: Buffer.from([askByte]), waitKey: true };
}

function cachingSha2(t: PluginTarget): AuthPlugin {
  return plugin((connection) => {
    let state: "scramble" | "token_sent" | "wait_key" | "done" = "scramble";
    let scramble = Buffer.alloc(20);
    const password = passwordOf(connection);
    return (data: Buffer) => {
      if (state === "scramble") {
        scramble = Buffer.from(data.subarray(0, 20));
        state = "token_sent";
        return sha2Token(password, scramble);
      }
      if (state === "token_sent" && data.length === 1 && data[0] === 0x03) return ((state = "done"), null);
      if (state === "token_sent" && data.length === 1 && data[0] === 0x04) {
        if (!password) return ((state = "done"), withNul(""));
        const a = answer(routeFor("rsa", connection, t), "caching_sha2_password", password, scramble, 0x02);
        state = a.waitKey ? "wait_key" : "done";
        return a.data;
      }
      if (state === "wait_key") return ((state = "done"), encrypt(password, scramble, data));
      throw new Error(`Unexpected caching_sha2_password packet from the server (state ${state})`);
    };
  });
}

function sha256Password(t: PluginTarget): AuthPlugin {
  return plugin((connection) => {
    let state: "scramble" | "wait_key" | "done" = "scramble";
    let scramble = Buffer.alloc(20);
    const password = passwordOf(connection);
    return (data: Buffer) => {
      if (state === "scramble") {
        scramble = Buffer.from(data.subarray(0, 20));
        if (!password) return ((state = "done"), Buffer.from([0]));
        const a = answer(routeFor("rsa", connection, t), "sha256_password", password, scramble, 0x01);
        state = a.waitKey ? "wait_key" : "done";
        return a.data;
      }
      if (state === "wait_key") return ((state = "done"), encrypt(password, scramble, data));
      throw new Error(`Unexpected sha256_password packet from the server (state ${state})`);
    };
  });
}

function clearPassword(t: PluginTarget): AuthPlugin {
  return plugin((connection) => () => answer(routeFor("cleartext", connection, t), "mysql_clear_password", passwordOf(connection), Buffer.alloc(20), 0).data);
}

/** The plugins every replscope connection uses in place of mysql2's own (which send to any key the server names). */
export function safeAuthPlugins(t: PluginTarget): Record<string, AuthPlugin> {
  return { caching_sha2_password: cachingSha2(t), sha256_password: sha256Password(t), mysql_clear_password: clearPassword(t) };
}
