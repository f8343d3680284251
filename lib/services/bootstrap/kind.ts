// The wizard's run as a kind of run for the shared engine: its steps with their undo, what they load, their toolbox.
import "server-only";
import * as store from "@/lib/data/bootstrap";
import { bootstrapStore } from "@/lib/data/runs";
import { findServer } from "@/lib/data/servers";
import { STEP_IDS, type StepId } from "@/lib/domain/bootstrap/plan";
import { liveServer } from "../live-server";
import type { Prepared, RunKind } from "../runs/kind";
import { type RunServer, type StepContext, WIZARD_QUERY_TIMEOUT_MS } from "./context";
import { STEPS } from "./steps";
import { undoCopy, undoPoint, undoReplicationUser } from "./undo";

/** What every step of one execution shares: the run, both servers, the replication password. */
interface WizardPrepared extends Prepared {
  run: store.RunRecord;
  source: RunServer;
  target: RunServer;
  replPassword: string;
}

const LABELS: Record<StepId, string> = { preflight: "Preflight checks", replication_user: "Replication user", copy: "Copy the data", point: "Point the target at the source", start: "Start replication", verify: "Verify", register: "Register as replica" };
const UNDO: Partial<Record<StepId, (ctx: StepContext) => Promise<void>>> = { replication_user: undoReplicationUser, copy: undoCopy, point: undoPoint };

/** The wizard: stepped by the user, pauses on a failure (retry or abort), abort undoes what it can. */
export const BOOTSTRAP: RunKind<StepContext, WizardPrepared> = {
  kind: "bootstrap",
  noun: "bootstrap run",
  store: bootstrapStore,
  policy: "pause",
  queryTimeoutMs: WIZARD_QUERY_TIMEOUT_MS,
  steps: STEP_IDS.map((id) => ({ id, label: LABELS[id], run: STEPS[id], undo: UNDO[id] })),
  async prepare(r) {
    const run = (await store.findRun(r.id))!;
    const [source, target] = await Promise.all([liveServer(await findServer(run.sourceId), "source"), liveServer(await findServer(run.targetId), "target")]);
    const replPassword = await store.runSecret(run.id);
    return { run, source, target, replPassword, secrets: [replPassword, source.target.password, target.target.password] };
  },
  context: (base, p) => ({
    run: p.run, replPassword: p.replPassword, source: p.source, target: p.target, signal: base.signal, undo: base.state,
    log: (l) => base.log(l),
    exec: (side, sql) => base.exec(p[side], sql, { on: side }),
    on: (side) => ({ query: (sql) => base.exec(p[side], sql, { on: side, audit: false }) }),
    session: (side, fn) => base.session(p[side], fn),
    setProgress: (progress) => void store.updateRun(p.run.id, { progress }).catch(() => {}),
    saveUndo: base.saveState,
    undone: base.undone,
    notUndone: base.notUndone,
  }),
};
