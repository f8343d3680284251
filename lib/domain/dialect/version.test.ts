import { describe, expect, it } from "vitest";
import { atLeast, parseServerVersion, versionLabel } from "./version";

describe("parseServerVersion", () => {
  it("detects MariaDB from the version string", () => {
    expect(parseServerVersion("10.11.6-MariaDB-0+deb12u1-log")).toMatchObject({ flavor: "mariadb", major: 10, minor: 11, patch: 6, text: "10.11.6" });
  });
  it("skips the 5.5.5- handshake prefix MariaDB sends", () => {
    expect(parseServerVersion("5.5.5-10.4.32-MariaDB")).toMatchObject({ flavor: "mariadb", text: "10.4.32" });
  });
  it("detects MySQL, using the version comment when the string is plain", () => {
    expect(parseServerVersion("8.4.3", "MySQL Community Server - GPL")).toMatchObject({ flavor: "mysql", major: 8, minor: 4 });
    expect(parseServerVersion("11.4.2", "mariadb.org binary distribution")?.flavor).toBe("mariadb");
  });
  it("rejects text without a version", () => {
    expect(parseServerVersion("not a version")).toBeNull();
  });
  it("compares versions", () => {
    const v = parseServerVersion("8.0.22")!;
    expect(atLeast(v, 8, 0, 22)).toBe(true);
    expect(atLeast(v, 8, 0, 23)).toBe(false);
    expect(versionLabel("mariadb", "10.11.6")).toBe("MariaDB 10.11.6");
    expect(versionLabel(null, null)).toBe("unknown");
  });
});
