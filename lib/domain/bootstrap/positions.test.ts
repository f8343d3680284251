import { describe, expect, it } from "vitest";
import { coordinatesProblem, gtidProblem } from "./positions";

describe("start positions", () => {
  const logs = [{ name: "mysql-bin.000001", size: 5000 }, { name: "mysql-bin.000002", size: 300 }];
  it("accepts coordinates inside an existing binlog, explains the rest", () => {
    expect(coordinatesProblem({ file: "mysql-bin.000002", position: 256 }, logs)).toBeNull();
    expect(coordinatesProblem({ file: "mysql-bin.000009", position: 4 }, logs)).toMatch(/purged/);
    expect(coordinatesProblem({ file: "mysql-bin.000001", position: 9999 }, logs)).toMatch(/outside/);
  });
  it("validates GTID sets per flavor", () => {
    expect(gtidProblem("0-1-42", "mariadb", "0-1-50")).toBeNull();
    expect(gtidProblem("0-1-60", "mariadb", "0-1-50")).toMatch(/not in the source/);
    expect(gtidProblem("zero", "mariadb", "0-1-50")).toMatch(/Not a MariaDB/);
    expect(gtidProblem("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5", "mysql", "")).toBeNull();
    expect(gtidProblem("0-1-5", "mysql", "")).toMatch(/Not a MySQL/);
  });
});
