// `npm run key:rotate`: re-seals every stored credential under a new key (run it while replscope is stopped).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/config/env";
import { resealAll } from "../lib/data/key-rotation";
import { decodeKey, loadKey } from "../lib/data/secret-box";

async function main(): Promise<number> {
  const { REPLSCOPE_SECRET_KEY, dataDir } = env();
  const fromEnv = Boolean(REPLSCOPE_SECRET_KEY);
  const next = process.env.REPLSCOPE_NEW_SECRET_KEY;
  if (fromEnv && !next) {
    console.error("key:rotate: the current key comes from REPLSCOPE_SECRET_KEY; give the new one in REPLSCOPE_NEW_SECRET_KEY (32 bytes, hex or base64), then set REPLSCOPE_SECRET_KEY to it.");
    return 2;
  }
  const oldKey = loadKey();
  const newKey = next ? decodeKey(next) : randomBytes(32);
  if (newKey.equals(oldKey)) {
    console.error("key:rotate: the new key is the current key.");
    return 2;
  }
  const keyFile = path.join(dataDir, "secret.key");
  const staged = `${keyFile}.new`;
  if (!fromEnv && fs.existsSync(staged)) {
    console.error(`key:rotate: ${staged} exists: an earlier rotation was interrupted and that file may hold the key the database now uses. Start replscope with it moved over ${keyFile} (or removed, if the stored passwords still open with ${keyFile}), then rotate again.`);
    return 2;
  }
  if (!fromEnv) fs.writeFileSync(staged, newKey.toString("hex"), { mode: 0o600, flag: "wx" });
  let committed = false;
  try {
    const r = await resealAll(oldKey, newKey);
    if (r.unreadable.length) {
      console.error(`key:rotate: nothing changed — the current key does not open: ${r.unreadable.join(", ")}. Fix or re-enter those credentials first.`);
      return 1;
    }
    committed = true;
    if (!fromEnv) fs.renameSync(staged, keyFile);
    console.log(`key:rotate: ${r.resealed} credential(s) re-sealed under the new key${fromEnv ? "; now set REPLSCOPE_SECRET_KEY to the value of REPLSCOPE_NEW_SECRET_KEY before starting replscope" : ` (${keyFile}); back it up with the database`}.`);
    return 0;
  } finally {
    if (!committed && !fromEnv) fs.rmSync(staged, { force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`key:rotate failed, nothing was changed: ${(e as Error).message}`);
    process.exit(1);
  },
);
