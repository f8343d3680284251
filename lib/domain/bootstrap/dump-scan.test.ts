import { describe, expect, it } from "vitest";
import { DumpScanner } from "./dump-scan";

const DUMP = `-- MariaDB dump 10.19
--
-- Position to start replication or point-in-time recovery from
--

-- CHANGE MASTER TO MASTER_LOG_FILE='mysql-bin.000007', MASTER_LOG_POS=4242;

--
-- Dumping data for table \`customers\`
--
INSERT INTO \`customers\` VALUES (1,'Ada'),(2,'-- Dumping data for table \`fake\`');
--
-- Dumping data for table \`we\`\`ird\`
--
`;

describe("DumpScanner", () => {
  it("finds coordinates and counts tables, whatever the chunk boundaries", () => {
    for (const size of [1, 7, 64, DUMP.length]) {
      const s = new DumpScanner();
      for (let i = 0; i < DUMP.length; i += size) s.push(DUMP.slice(i, i + size));
      s.push("\n");
      expect(s.coordinates).toEqual({ file: "mysql-bin.000007", position: 4242 });
      expect(s.tablesStarted).toBe(2);
      expect(s.currentTable).toBe("we`ird");
    }
  });
  it("reads MySQL 8's --source-data line", () => {
    const s = new DumpScanner();
    s.push("-- CHANGE REPLICATION SOURCE TO SOURCE_LOG_FILE='binlog.000002', SOURCE_LOG_POS=157;\n");
    expect(s.coordinates).toEqual({ file: "binlog.000002", position: 157 });
  });
});
