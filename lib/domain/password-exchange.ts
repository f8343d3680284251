// When replscope may hand a server its password in a form the server can read (RSA-encrypted or clear text) (pure).

/** A registered server's password-exchange settings, bound to its endpoint (host and port). */
export interface KeyPolicy {
  host: string;
  port: number;
  /** An admin allowed fetching the RSA public key from the server itself (a man in the middle could supply its own). */
  allowPublicKeyRetrieval: boolean;
  /** The server's RSA public key (PEM), pinned: the password is encrypted with this key, never with one the server sends. */
  serverPublicKey: string | null;
}

/** Why a password was withheld: the server wanted it RSA-encrypted with a key nobody vouched for, or in clear text. */
export type Withheld = "public_key" | "cleartext";

/** What an authentication plugin may do when the server asks for the password itself. */
export type PasswordRoute = { send: "clear" } | { send: "pinned"; key: string } | { send: "retrieve" } | { refuse: Withheld };

/** The policy of a target when it belongs to the target's own endpoint (a target re-pointed at another host loses it). */
export function policyFor(t: { host: string; port: number; keyPolicy?: KeyPolicy | null }): KeyPolicy | null {
  const p = t.keyPolicy;
  return p && p.host === t.host && p.port === t.port ? p : null;
}

/** A target whose credentials belong to another endpoint (a crawl trying the seed's credentials on a host it found;
 *  or any target re-pointed away from its key policy): it may log in only by scramble, never send a readable password. */
export function borrowedEndpoint(t: { host: string; port: number; keyPolicy?: KeyPolicy | null; borrowed?: boolean }): boolean {
  return t.borrowed === true || (!!t.keyPolicy && policyFor(t) === null);
}

/**
 * How to answer a server that wants the password: in clear only over TLS with a verified certificate; RSA-encrypted
 * with the pinned key; with a key fetched from the server only when an admin allowed it; otherwise not at all. On a
 * borrowed endpoint (credentials registered for another host) never: whatever TLS or key settings came with them.
 */
export function passwordRoute(kind: "rsa" | "cleartext", tlsVerified: boolean, policy: KeyPolicy | null, borrowed = false): PasswordRoute {
  if (borrowed) return { refuse: kind === "cleartext" ? "cleartext" : "public_key" };
  if (tlsVerified) return { send: "clear" };
  if (kind === "cleartext") return { refuse: "cleartext" };
  if (policy?.serverPublicKey) return { send: "pinned", key: policy.serverPublicKey };
  if (policy?.allowPublicKeyRetrieval) return { send: "retrieve" };
  return { refuse: "public_key" };
}

/** Client plugins that can never reveal the password (a signature of the scramble). */
const ALWAYS_SAFE = ["client_ed25519", "parsec"];

/**
 * Which dynamic auth plugins the mariadb / mariadb-dump programs may load for a server. Their caching_sha2_password
 * sends the password in clear text whenever TLS was merely asked for, and fetches the server's key otherwise; they
 * cannot take a pinned key. So: SHA-2 and clear-text plugins only when the tool verifies TLS itself, SHA-2 plugins
 * without TLS only when public-key retrieval is allowed.
 */
export function toolPlugins(tlsMode: "disabled" | "required" | "verify", policy: KeyPolicy | null): string[] {
  if (tlsMode === "verify") return [...ALWAYS_SAFE, "caching_sha2_password", "sha256_password", "mysql_clear_password", "dialog"];
  if (tlsMode === "disabled" && policy?.allowPublicKeyRetrieval) return [...ALWAYS_SAFE, "caching_sha2_password", "sha256_password"];
  return ALWAYS_SAFE;
}

/** What to change when a copy program stopped at an auth plugin replscope kept from it (its stderr), or null. */
export function toolPluginHint(stderr: string): string | null {
  const plugin = /Plugin (\w+) could not be loaded/.exec(stderr)?.[1];
  if (!plugin || ALWAYS_SAFE.includes(plugin)) return null;
  const sha2 = plugin === "caching_sha2_password" || plugin === "sha256_password";
  return `The server wants the ${plugin} plugin, which the copy programs get only where it cannot reveal the password: set TLS to "required, verify certificate" for this server${sha2 ? " or, with TLS disabled, allow public-key retrieval" : ""}, or copy with an ed25519 / mysql_native_password account.`;
}

/** The sentence a user reads when a password was withheld, naming what to change. */
export function withheldDetail(where: string, reason: Withheld, plugin: string): string {
  if (reason === "cleartext")
    return `${where} asked for the password in clear text (${plugin}); replscope did not send it. It sends a clear-text password only over TLS with a verified certificate: set TLS to "required, verify certificate" for this server.`;
  return `${where} asked for the password in a form it can read (${plugin}: encrypted with a public key the server supplies); replscope did not send it. Enable TLS with certificate verification, pin the server's RSA public key, or allow public-key retrieval for this server (Edit → Advanced authentication).`;
}
