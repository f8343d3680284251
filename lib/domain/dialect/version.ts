// Server flavor and version: parsed from what the server reports, or built once from a registry row (pure).

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

/** The version of a registered server from its stored flavor and version text (null until a connection test told them). */
export function versionOf(row: { flavor: string | null; version: string | null }): ServerVersion | null {
  if (!row.flavor || !row.version) return null;
  const v = parseServerVersion(row.version);
  return v && { ...v, flavor: row.flavor === "mariadb" ? "mariadb" : "mysql" };
}

/** Compares two versions of the same flavor: negative, zero or positive like a sort comparator. */
export function compareVersions(a: Pick<ServerVersion, "major" | "minor" | "patch">, b: Pick<ServerVersion, "major" | "minor" | "patch">): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** True when `v` is at least major.minor.patch. */
export function atLeast(v: Pick<ServerVersion, "major" | "minor" | "patch">, major: number, minor = 0, patch = 0): boolean {
  return compareVersions(v, { major, minor, patch }) >= 0;
}

/** True when `a` is an older release than `b` (patch level counts). */
export const isOlder = (a: ServerVersion, b: ServerVersion) => compareVersions(a, b) < 0;

/** True when `a` belongs to an older release series (major.minor) than `b`: a replica must not be. */
export const isOlderSeries = (a: ServerVersion, b: ServerVersion) => compareVersions({ ...a, patch: 0 }, { ...b, patch: 0 }) < 0;

/** True when both are of one release series (same major.minor). */
export const sameSeries = (a: ServerVersion, b: ServerVersion) => a.major === b.major && a.minor === b.minor;

/** True when both servers are of one family (MySQL or MariaDB). */
export const sameFamily = (a: ServerVersion, b: ServerVersion) => a.flavor === b.flavor;

/** The family's display name: "MariaDB" or "MySQL". */
export const familyName = (flavor: string | null | undefined) => (flavor === "mariadb" ? "MariaDB" : "MySQL");

/** Human label such as "MariaDB 10.11.6" or "MySQL 8.4.3". */
export function versionLabel(flavor: string | null | undefined, version: string | null | undefined): string {
  if (!flavor || !version) return "unknown";
  return `${familyName(flavor)} ${version}`;
}

/** "MariaDB 10.11.6" / "MySQL 8.0.36" for a parsed version. */
export const versionText = (v: ServerVersion) => `${familyName(v.flavor)} ${v.major}.${v.minor}.${v.patch}`;

/** Caches a pure function of a server's flavor and version: the poller asks for the same statements thousands of times a sweep. */
export function perVersion<T>(build: (v: ServerVersion) => T): (v: ServerVersion) => T {
  const built = new Map<string, T>();
  return (v) => {
    const key = `${v.flavor} ${v.major}.${v.minor}.${v.patch}`;
    let value = built.get(key);
    if (value === undefined && !built.has(key)) {
      value = build(v);
      built.set(key, typeof value === "object" && value !== null ? Object.freeze(value) : value);
    }
    return value as T;
  };
}
