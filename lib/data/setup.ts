// The one-time setup code: its SHA-256 in the database, the code itself in a 0600 file of the data directory until setup.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";
import { normalizeSetupCode } from "@/lib/domain/setup-code";
import { securePrivateDir } from "./data-dir";
import { db } from "./db";

const digest = (code: string) => createHash("sha256").update(normalizeSetupCode(code)).digest();

/** Where the current setup code is written (readable by replscope's user only). */
export const setupCodeFile = () => path.join(env().dataDir, "setup-code");

/** Replaces the setup code: stores its hash and writes the code to the 0600 file; returns the file's path. */
export async function storeSetupCode(code: string): Promise<string> {
  const codeHash = digest(code).toString("hex");
  await db().setupCode.upsert({ where: { id: 1 }, create: { id: 1, codeHash }, update: { codeHash, createdAt: new Date() } });
  const file = setupCodeFile();
  securePrivateDir(path.dirname(file));
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, `${code}\n`, { mode: 0o600, flag: "wx" });
  return file;
}

/** True when `code` is the current setup code (compared in constant time); false when there is none. */
export async function setupCodeMatches(code: unknown): Promise<boolean> {
  const row = await db().setupCode.findUnique({ where: { id: 1 } });
  if (!row || !normalizeSetupCode(code)) return false;
  return timingSafeEqual(Buffer.from(row.codeHash, "hex"), digest(String(code)));
}

/** Forgets the setup code (hash and file) once the first admin exists. */
export async function clearSetupCode(): Promise<void> {
  await db().setupCode.deleteMany({});
  fs.rmSync(setupCodeFile(), { force: true });
}
