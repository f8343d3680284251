import { describe, expect, it } from "vitest";
import { dropUserStatement, maskSecrets, replicationUserStatements } from "./statements";

const TRICKY = `p'a"s\\s ü`;

describe("other statements", () => {
  it("creates the replication user with REPLICATION SLAVE only, escaped", () => {
    expect(replicationUserStatements("repl", "10.0.%", TRICKY)).toEqual([
      `CREATE USER 'repl'@'10.0.%' IDENTIFIED BY 'p\\'a\\"s\\\\s ü'`,
      `GRANT REPLICATION SLAVE ON *.* TO 'repl'@'10.0.%'`,
    ]);
  });
  it("drops the user it created, escaped", () => {
    expect(dropUserStatement("re'pl", "10.0.%")).toBe("DROP USER IF EXISTS 're\\'pl'@'10.0.%'");
  });
  it("masks passwords in statements", () => {
    const [create] = replicationUserStatements("repl", "%", TRICKY);
    expect(maskSecrets(create, [TRICKY])).toBe(`CREATE USER 'repl'@'%' IDENTIFIED BY '*****'`);
  });
});
