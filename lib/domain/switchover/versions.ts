// Version ordering for readiness (same family only: the family check is separate).
import type { ServerVersion } from "../server-version";

/** <0, 0, >0 as a is older, equal or newer than b. */
export function compareVersions(a: ServerVersion, b: ServerVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** "MariaDB 10.11.6" / "MySQL 8.0.36". */
export const versionText = (v: ServerVersion) => `${v.flavor === "mariadb" ? "MariaDB" : "MySQL"} ${v.major}.${v.minor}.${v.patch}`;
