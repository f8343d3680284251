// The option file handed to mariadb-dump / mariadb, read back by the real MariaDB tools: awkward passwords log in,
// and a value with a newline stays one value (no option can be injected).
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type Sandbox, startSandbox, teardownAll } from "@/sandbox";
import type { ServerTarget } from "./connection";
import { copyTools, optionFileText, optionValue, privateTempDir, writeOptionFile } from "./tools";

const run = promisify(execFile);
const QUOTES = `p"a\\s#s 'w\\\\ord" `;
const NEWLINE = "line1\nplugin-dir=/tmp/evil\r\n[mysqld]\tresult-file=/tmp/pwned";
let sb: Sandbox;
const tmp = privateTempDir();
const target = (user: string, password: string): ServerTarget => ({ host: sb.host, port: sb.port, user, password, tlsMode: "disabled" });

/** The options my_print_defaults reads from the file's [client] group, one per "--" line. */
async function optionsRead(file: string): Promise<string[]> {
  const { stdout } = await run("my_print_defaults", [`--defaults-file=${file}`, "client"]);
  return stdout.split("\n").filter((l) => l.startsWith("--"));
}

beforeAll(async () => {
  sb = await startSandbox();
  await createUser(sb, "quotes", "%", QUOTES, []);
  await createUser(sb, "newline", "%", NEWLINE, []);
});
afterAll(async () => {
  tmp.remove();
  await teardownAll();
});

describe("option files", () => {
  it("quotes every value and escapes \\\\ \" and control characters", () => {
    expect(optionValue(`a"b\\c\nd\re\tf#g'h`)).toBe(`"a\\"b\\\\c\\nd\\re\\tf#g'h"`);
    expect(optionValue(3306)).toBe(`"3306"`);
    expect(() => optionValue("a\0b")).toThrow(/NUL/);
    expect(optionFileText({ host: "db1", port: 3306, user: "u", password: "p\nx=1", tlsMode: "required" }).split("\n")).toEqual([
      "[client]", `host="db1"`, `port="3306"`, `user="u"`, `password="p\\nx=1"`, "protocol=TCP", "ssl=1", "",
    ]);
  });

  it("a password with \" \\ # ' and a trailing space logs in through the file with the real mariadb client", async () => {
    const file = writeOptionFile(tmp.dir, "quotes", target("quotes", QUOTES));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const { stdout } = await run(copyTools().client, [`--defaults-file=${file}`, "-N", "-e", "SELECT CURRENT_USER()"]);
    expect(stdout.trim()).toBe("quotes@%");
  });

  it("a value with newlines stays one value: exactly the expected [client] options, and it logs in", async () => {
    const file = writeOptionFile(tmp.dir, "newline", target("newline", NEWLINE));
    const options = await optionsRead(file);
    expect(options.map((o) => o.slice(0, o.indexOf("=")))).toEqual(["--host", "--port", "--user", "--password", "--protocol", "--plugin-dir"]);
    expect(options.join("\n")).not.toMatch(/^--result-file/m);
    expect(options.at(-1)).toBe(`--plugin-dir=${tmp.dir}/newline-plugins`);
    const { stdout } = await run(copyTools().client, [`--defaults-file=${file}`, "-N", "-e", "SELECT CURRENT_USER()"]);
    expect(stdout.trim()).toBe("newline@%");
  });
});
