// replscope's data directory is private: created 0700, its files (database, WAL, key, setup code) kept 0600.
import "server-only";
import fs from "node:fs";
import path from "node:path";

/** The files of the data directory that must be readable by replscope's own user only. */
export const PRIVATE_FILES = ["replscope.db", "replscope.db-wal", "replscope.db-shm", "replscope.db-journal", "secret.key", "setup-code"];

const warned = new Set<string>();

/**
 * Creates the data directory with mode 0700, or tightens an existing one that others may read: to 0700 when it is
 * ours and not a shared (world-writable) directory, else a warning once. Then makes the private files 0600.
 */
export function securePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.statSync(dir);
  if ((st.mode & 0o077) !== 0) {
    const ours = typeof process.getuid !== "function" || st.uid === process.getuid();
    if (ours && (st.mode & 0o002) === 0) {
      fs.chmodSync(dir, 0o700);
      console.log(`replscope: ${dir} was readable by other users; its mode is now 0700`);
    } else if (!warned.has(dir)) {
      warned.add(dir);
      console.warn(`replscope: WARNING: ${dir} is readable by other users (mode ${(st.mode & 0o777).toString(8)}); give replscope a directory of its own (REPLSCOPE_DATA_DIR)`);
    }
  }
  securePrivateFiles(dir);
}

/** Sets mode 0600 on those of `names` that exist in `dir` (SQLite gives new WAL and journal files the database's mode). */
export function securePrivateFiles(dir: string, names: string[] = PRIVATE_FILES): void {
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
}
