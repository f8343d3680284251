import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARS, controlCharsMessage, hasControlChars, noControlChars } from "./control-chars";
import { registerChoiceSchema } from "./discovery";
import { fieldErrorsOf, formToServerInput, serverCreateSchema, serverUpdateSchema } from "./server-input";

/** Every character the rule refuses: C0 controls and DEL. */
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), "\x7f"];
const valid = { name: "db1", host: "db1.example.com", port: 3306, user: "replscope", password: `q'"\\ü #x` };

describe("noControlChars", () => {
  it("refuses every C0 control character and DEL, anywhere in the value, and nothing else", () => {
    for (const c of CONTROLS) for (const v of [`a${c}b`, `${c}ab`, `ab${c}`]) expect(hasControlChars(v)).toBe(true);
    for (const v of ["plain", "ü ✓ spaces", `'"\\#;$()`, "\u0085\u2028"]) expect(hasControlChars(v)).toBe(false);
    expect(CONTROL_CHARS.test("\x80")).toBe(false);
  });
  it("is checked before trimming: a trailing newline is refused, not trimmed away", () => {
    const s = noControlChars(z.string(), "Host").trim().min(1);
    expect(s.safeParse("db1\n").error?.issues[0].message).toBe("Host must not contain control characters such as newlines or tabs");
    expect(s.parse(" db1 ")).toBe("db1");
  });
});

describe("server registry schemas (API and forms)", () => {
  it("refuses a control character in host, user or password with a field error, on create and update", () => {
    for (const field of ["host", "user", "password"] as const) {
      for (const c of ["\n", "\r", "\t", "\0", "\x7f", "\x1b"]) {
        const bad = { ...valid, [field]: `${valid[field]}${c}plugin-dir=/tmp` };
        for (const schema of [serverCreateSchema, serverUpdateSchema]) {
          const errors = fieldErrorsOf(schema.safeParse(bad).error!);
          expect(errors[field]).toContain(controlCharsMessage(field[0].toUpperCase() + field.slice(1)));
        }
      }
    }
  });
  it("refuses it when it arrives through the HTML form", () => {
    const f = new FormData();
    Object.entries({ ...valid, port: "3306", password: "pw\nresult-file=/tmp/x" }).forEach(([k, v]) => f.set(k, String(v)));
    expect(fieldErrorsOf(serverCreateSchema.safeParse(formToServerInput(f, "create")).error!).password?.[0]).toMatch(/must not contain control characters/);
    expect(fieldErrorsOf(serverUpdateSchema.safeParse(formToServerInput(f, "update")).error!).password?.[0]).toMatch(/must not contain control characters/);
  });
  it("still accepts quotes, backslashes, #, spaces and non-ASCII", () => {
    expect(serverCreateSchema.parse(valid).password).toBe(valid.password);
  });
});

describe("discovery registration schema", () => {
  const choice = { seedId: "s1", servers: [{ name: "db2", host: "10.0.0.2", port: 3306 }], credentials: { use: "other", user: "mon", password: "pw" } };
  it("refuses control characters in the other credentials and in a found host", () => {
    const msgs = (v: unknown) => registerChoiceSchema.safeParse(v).error?.issues.map((i) => i.message) ?? [];
    expect(msgs({ ...choice, credentials: { use: "other", user: "mon", password: "p\nw" } })).toContain(controlCharsMessage("Password"));
    expect(msgs({ ...choice, credentials: { use: "other", user: "m\ton", password: "pw" } })).toContain(controlCharsMessage("User"));
    expect(msgs({ ...choice, servers: [{ name: "x", host: "10.0.0.2\nssl=0", port: 3306 }] })).toContain(controlCharsMessage("Host"));
  });
  it("requires an explicit choice of credentials (the seed's, or other ones)", () => {
    expect(registerChoiceSchema.safeParse({ ...choice, credentials: undefined }).error?.issues[0].message).toBe("Choose the credentials to register them with: the seed's, or other ones");
    expect(registerChoiceSchema.parse({ ...choice, credentials: { use: "seed", password: "pw" } }).credentials).toEqual({ use: "seed", password: "pw" });
    expect(registerChoiceSchema.safeParse({ ...choice, credentials: { use: "seed" } }).error?.issues[0].message).toBe("Type the seed's password to register servers with the seed's credentials");
    expect(registerChoiceSchema.parse(choice).credentials).toEqual({ use: "other", user: "mon", password: "pw" });
  });
});
