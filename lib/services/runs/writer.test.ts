// The engine's write path masks before anything reaches a store: the run's secrets (whole, quoted, cut-off fragments)
// and password clauses nobody told it about (lib/domain/secret-mask.ts), in step logs, step errors, run errors, notes.
import { describe, expect, it } from "vitest";
import type { RunStore } from "@/lib/data/runs";
import type { RunPatch, StoredStep } from "@/lib/domain/runs/record";
import { runWriter } from "./writer";

/** An in-memory store that keeps exactly what the writer hands it. */
function memoryStore() {
  const written = { steps: [] as StoredStep[], runs: [] as RunPatch[] };
  const store: RunStore = {
    kind: "bootstrap",
    load: async () => null,
    saveStep: async (_id, s) => void written.steps.push(s),
    saveRun: async (_id, p) => void written.runs.push(p),
    running: async () => [],
    touching: async () => [],
    interruptedError: "",
    forgetSecret: async () => {},
  };
  return { store, written };
}

const SECRET = "Repl-Secret-0123456789";

describe("runWriter masks on the engine's write path", () => {
  it("known secrets, their fragments and unknown password clauses never reach the store", async () => {
    const { store, written } = memoryStore();
    const secrets: string[] = [];
    const w = runWriter(store, "r1", secrets);
    secrets.push(SECRET); // loaded after the writer was made, as the engine does
    const step: StoredStep = {
      id: "point", status: "failed", startedAt: null, finishedAt: null, error: `String '${SECRET.slice(0, 12)}' is too long for MASTER_PASSWORD`,
      log: [w.line({ on: "target", text: `CHANGE MASTER TO MASTER_PASSWORD='${SECRET}'`, error: `near '${SECRET.slice(2, 14)}' at line 1` })],
    };
    step.log.push({ at: "now", text: "CREATE USER 'x'@'%' IDENTIFIED BY 'someone-elses-pw'" });
    await w.step(step);
    await w.run({ status: "failed", error: `SET PASSWORD = 'other-pw-value' failed; ${SECRET}` });
    const note = w.clean(`could not drop the user: ALTER USER 'x' IDENTIFIED BY 'undo-pw-value'`);
    await w.flush();

    const text = JSON.stringify([written, note]);
    for (const leak of [SECRET.slice(0, 8), SECRET.slice(6, 14), "someone-elses-pw", "other-pw-value", "undo-pw-value"]) expect(text).not.toContain(leak);
    expect(written.steps[0].log[0].text).toBe("CHANGE MASTER TO MASTER_PASSWORD='*****'");
    expect(written.steps[0].log[1].text).toBe("CREATE USER 'x'@'%' IDENTIFIED BY '*****'");
    expect(written.steps[0].error).toBe("String '*****' is too long for MASTER_PASSWORD");
    expect(written.runs[0].error).toBe("SET PASSWORD = '*****' failed; *****");
    expect(note).toBe("could not drop the user: ALTER USER 'x' IDENTIFIED BY '*****'");
  });
});
