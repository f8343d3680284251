import { describe, expect, it } from "vitest";
import { maskDeep, maskKnownSecrets, maskPasswordClauses, maskText } from "./secret-mask";

describe("maskPasswordClauses (no secret known)", () => {
  it.each([
    ["CREATE USER 'r'@'%' IDENTIFIED BY 'hunter2'", "CREATE USER 'r'@'%' IDENTIFIED BY '*****'"],
    ["create user r identified by \"hu'nter2\"", "create user r identified by \"*****\""],
    ["CREATE USER r IDENTIFIED BY PASSWORD '*94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29'", "CREATE USER r IDENTIFIED BY PASSWORD '*****'"],
    ["ALTER USER r IDENTIFIED WITH mysql_native_password BY 'x\\'y'", "ALTER USER r IDENTIFIED WITH mysql_native_password BY '*****'"],
    ["CREATE USER r IDENTIFIED VIA ed25519 USING PASSWORD('s3cret')", "CREATE USER r IDENTIFIED VIA ed25519 USING PASSWORD('*****')"],
    ["SET PASSWORD FOR r@'%' = PASSWORD('s3cret')", "SET PASSWORD FOR r@'%' = PASSWORD('*****')"],
    ["SET PASSWORD FOR 'r'@'%' = 's3cret'", "SET PASSWORD FOR 'r'@'%' = '*****'"],
    ["CHANGE MASTER TO MASTER_HOST='db1', MASTER_USER='r', MASTER_PASSWORD='s3c''ret', MASTER_PORT=3306", "CHANGE MASTER TO MASTER_HOST='db1', MASTER_USER='r', MASTER_PASSWORD='*****', MASTER_PORT=3306"],
    ["CHANGE REPLICATION SOURCE TO SOURCE_PASSWORD = 's3cret'", "CHANGE REPLICATION SOURCE TO SOURCE_PASSWORD = '*****'"],
    ["[client]\npassword=\"a\\\"b\"\nuser=x", "[client]\npassword=\"*****\"\nuser=x"],
    ["mariadb --password=s3cret -e x", "mariadb --password=***** -e x"],
    ["String 'Zqxxxxxxxxxxxxxxxxxxxxxxxxxx...' is too long for MASTER_PASSWORD (should be no longer than 96)", "String '*****' is too long for MASTER_PASSWORD (should be no longer than 96)"],
    ["You have an error in your SQL syntax; check the manual … near 'IDENTIFIED BY 'abc' foo' at line 1", "You have an error in your SQL syntax; check the manual … near 'IDENTIFIED BY '*****' foo' at line 1"],
    ["near 'IDENTIFIED BY 'a-password-cut-off-by-the-server", "near 'IDENTIFIED BY '*****'"],
  ])("%s", (text, masked) => {
    expect(maskPasswordClauses(text)).toBe(masked);
  });

  it("leaves other text alone, including the audit's password=(set) and 'using password: YES'", () => {
    for (const text of ["register: name=db1, user=mon, password=(set)", "Access denied for user 'mon'@'10.0.0.1' (using password: YES)", "SET GLOBAL read_only = ON", "String 'hhhh...' is too long for host name (should be no longer than 255)"]) {
      expect(maskPasswordClauses(text)).toBe(text);
    }
  });
});

describe("maskKnownSecrets", () => {
  const secret = `r'e"p\\l ✓ long-password`;
  it("masks the secret quoted as mysql2 escapes it, escaped without quotes, and as typed", () => {
    expect(maskKnownSecrets(`IDENTIFIED BY 'r\\'e\\"p\\\\l ✓ long-password'`, [secret])).toBe("IDENTIFIED BY '*****'");
    expect(maskKnownSecrets(`near 'r\\'e\\"p\\\\l ✓ long-password' at line 1`, [secret])).toBe("near '*****' at line 1");
    expect(maskKnownSecrets(`got ${secret}.`, [secret])).toBe("got *****.");
  });
  it("masks a run of 8 or more of its characters (a server cut it off, or quotes only a part)", () => {
    expect(maskKnownSecrets("String 'Zq0123456789abcdefghij...' is too long", ["Zq0123456789abcdefghijKLMNOP"])).toBe("String '*****...' is too long");
    expect(maskKnownSecrets("syntax error near 'ng-password' at line 1", [secret])).toBe("syntax error near '*****' at line 1");
    expect(maskKnownSecrets("near 'ng-pass' at line 1", [secret])).toBe("near 'ng-pass' at line 1");
  });
  it("does not mask short secrets in plain text (only in their quoted form) and ignores empty ones", () => {
    expect(maskKnownSecrets("SET GLOBAL read_only = ON; x = 'ON'", ["ON", "", null])).toBe("SET GLOBAL read_only = ON; x = '*****'");
  });
});

describe("maskText and maskDeep", () => {
  it("masks known secrets, then any password clause", () => {
    expect(maskText("IDENTIFIED BY 'someone-elses' / token abcdefgh12345678", ["abcdefgh12345678"])).toBe("IDENTIFIED BY '*****' / token *****");
  });
  it("masks every string inside logs and reports, keeping their shape", () => {
    const log = [{ at: "2026-01-01", text: "CHANGE MASTER TO MASTER_PASSWORD='x'", ms: 3, error: "near 'pw-1234567890' at line 1" }];
    expect(maskDeep(log, ["pw-1234567890"])).toEqual([{ at: "2026-01-01", text: "CHANGE MASTER TO MASTER_PASSWORD='*****'", ms: 3, error: "near '*****' at line 1" }]);
    expect(maskDeep(null)).toBeNull();
  });
});
