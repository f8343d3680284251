// Every service entry point that takes a host, user or password refuses control characters with 400 and a field error,
// before anything is stored or any server is contacted (no database or server is needed to reach the refusal).
import { describe, expect, it } from "vitest";
import { createRun, runInputSchema } from "./bootstrap/runs";
import { createServer } from "./servers";
import { switchoverInput } from "./switchover";
import { fieldErrorsOf } from "@/lib/domain/server-input";

const MSG = /must not contain control characters such as newlines or tabs/;

describe("control characters are refused at every entry point", () => {
  it("POST /api/servers and the add form (createServer): 400 with the field named", async () => {
    for (const field of ["host", "user", "password"]) {
      const r = await createServer({ name: "x", host: "db1", user: "u", password: "p", [field]: "v\nplugin-dir=/tmp" });
      expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { [field]: expect.arrayContaining([expect.stringMatching(MSG)]) } });
    }
  });

  it("the wizard (POST /api/bootstrap-runs, createRunAction): replication user, host pattern and password", async () => {
    for (const [field, value] of [["replUser", "repl\n"], ["replHost", "10.0.0.%\t"], ["replPassword", "pw\nresult-file=/tmp/x"]]) {
      const r = await createRun({ sourceId: "a", targetId: "b", [field]: value });
      expect(r).toMatchObject({ ok: false, status: 400, fieldErrors: { [field]: expect.arrayContaining([expect.stringMatching(MSG)]) } });
      expect(fieldErrorsOf(runInputSchema.safeParse({ sourceId: "a", targetId: "b", [field]: value }).error!)[field]?.[0]).toMatch(MSG);
    }
  });

  it("the switchover (POST /api/servers/:id/switchover): replication user and password", () => {
    for (const [field, value] of [["replUser", "re\x00pl"], ["replPassword", "pw\r\n"]]) {
      const r = switchoverInput.safeParse({ candidateId: "c", replUser: "repl", replPassword: "pw", confirm: "db1", [field]: value });
      expect(fieldErrorsOf(r.error!)[field]?.[0]).toMatch(MSG);
    }
    expect(switchoverInput.safeParse({ candidateId: "c", replUser: "repl", replPassword: `p'"\\# w`, confirm: "db1" }).success).toBe(true);
  });
});
