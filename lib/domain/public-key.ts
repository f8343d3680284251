// A pinned server key: a PEM that node:crypto reads as an RSA public key, stored in one canonical form (pure).
import { createHash, createPublicKey } from "node:crypto";

const PUBLIC_PEM = /^-----BEGIN (RSA )?PUBLIC KEY-----[\s\S]+-----END (RSA )?PUBLIC KEY-----$/;

/** The key as SPKI PEM, or why it is not an RSA public key (private keys and certificates are refused). */
export function parseRsaPublicKey(text: string): { pem: string } | { error: string } {
  const pem = text.trim();
  if (!PUBLIC_PEM.test(pem)) return { error: "Paste the server's RSA public key in PEM form (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----)" };
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== "rsa") return { error: `This is a ${key.asymmetricKeyType} key; MySQL's password exchange uses an RSA key` };
    return { pem: key.export({ type: "spki", format: "pem" }).toString() };
  } catch {
    return { error: "This PEM block is not a readable RSA public key" };
  }
}

/** A short fingerprint of a key (SHA-256 of its DER form, 16 hex digits), for the audit trail and pages. */
export function keyFingerprint(pem: string): string {
  const der = createPublicKey(pem).export({ type: "spki", format: "der" });
  return `sha256:${createHash("sha256").update(der).digest("hex").slice(0, 16)}`;
}
