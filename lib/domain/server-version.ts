// Server flavor and version detection from what the server reports (pure).

/** The two server families replscope supports. */
export type Flavor = "mysql" | "mariadb";

/** A parsed server version: flavor plus numeric parts, and the version text for display. */
export interface ServerVersion {
  flavor: Flavor;
  major: number;
  minor: number;
  patch: number;
  /** Display form, e.g. "10.11.6" or "8.0.36". */
  text: string;
}

const VERSION_RE = /(\d+)\.(\d+)\.(\d+)/;

/**
 * Parses `SELECT VERSION()` (plus `@@version_comment` when known) into flavor + version.
 * MariaDB's handshake prefixes "5.5.5-" for old clients; that prefix is skipped.
 */
export function parseServerVersion(version: string, versionComment = ""): ServerVersion | null {
  const cleaned = version.replace(/^5\.5\.5-/, "");
  const m = VERSION_RE.exec(cleaned);
  if (!m) return null;
  const isMaria = /mariadb/i.test(cleaned) || /mariadb/i.test(versionComment);
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { flavor: isMaria ? "mariadb" : "mysql", major, minor, patch, text: `${major}.${minor}.${patch}` };
}

/** Compares two versions of the same flavor: negative, zero or positive like a sort comparator. */
export function compareVersions(a: Pick<ServerVersion, "major" | "minor" | "patch">, b: Pick<ServerVersion, "major" | "minor" | "patch">): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** True when `v` is at least major.minor.patch. */
export function atLeast(v: Pick<ServerVersion, "major" | "minor" | "patch">, major: number, minor = 0, patch = 0): boolean {
  return compareVersions(v, { major, minor, patch }) >= 0;
}

/** Human label such as "MariaDB 10.11.6" or "MySQL 8.4.3". */
export function versionLabel(flavor: string | null | undefined, version: string | null | undefined): string {
  if (!flavor || !version) return "unknown";
  return `${flavor === "mariadb" ? "MariaDB" : "MySQL"} ${version}`;
}
