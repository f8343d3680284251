// AES-256-GCM encryption of stored credentials; the key comes from the env or a 0600 file in the data directory.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";
import { securePrivateDir } from "./data-dir";

const PREFIX = "v1:";
const AAD = Buffer.from("replscope:credential");

/** Decodes a 32-byte key given as 64 hex characters or base64. */
export function decodeKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) throw new Error("REPLSCOPE_SECRET_KEY must decode to 32 bytes");
  return key;
}

/** Reads the key from REPLSCOPE_SECRET_KEY, else from <dataDir>/secret.key, creating it (mode 0600) on first start. */
export function loadKey(): Buffer {
  const { REPLSCOPE_SECRET_KEY, dataDir } = env();
  if (REPLSCOPE_SECRET_KEY) return decodeKey(REPLSCOPE_SECRET_KEY);
  const file = path.join(dataDir, "secret.key");
  securePrivateDir(dataDir);
  try {
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return decodeKey(fs.readFileSync(file, "utf8").trim());
}

let key: Buffer | undefined;
const currentKey = () => (key ??= loadKey());

/** Encrypts a secret for storage: "v1:" + base64(iv | tag | ciphertext). */
export function seal(plain: string, k: Buffer = currentKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k, iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** Decrypts a stored secret; throws when the key is wrong or the text was tampered with. */
export function open(sealed: string, k: Buffer = currentKey()): string {
  if (!sealed.startsWith(PREFIX)) throw new Error("unknown credential format");
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", k, raw.subarray(0, 12));
  decipher.setAAD(AAD);
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
