// The secrets a stored text must not contain, looked up where the text is written (audit trail, step logs, switchover
// logs): the passwords of the servers involved and the run's replication password. Masking happens in the writers.
import "server-only";
import { db } from "./db";
import { open } from "./secret-box";

const unsealed = (sealed: string | null | undefined): string[] => {
  if (!sealed) return [];
  try {
    return [open(sealed)];
  } catch {
    return [];
  }
};

/** The stored passwords of these servers (unknown ids and undecryptable passwords are skipped). */
export async function serverPasswords(ids: readonly (string | null | undefined)[]): Promise<string[]> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return [];
  const rows = await db().server.findMany({ where: { id: { in: wanted } }, select: { passwordEnc: true } });
  return rows.flatMap((r) => unsealed(r.passwordEnc));
}

/** A bootstrap run's replication password and its source's and target's passwords. */
export async function bootstrapSecrets(runId: string): Promise<string[]> {
  const run = await db().bootstrapRun.findUnique({ where: { id: runId }, select: { secretEnc: true, sourceId: true, targetId: true } });
  return run ? [...unsealed(run.secretEnc), ...(await serverPasswords([run.sourceId, run.targetId]))] : [];
}

/** A switchover's replication password (until it is forgotten) and the passwords of the source, candidate and siblings. */
export async function switchoverSecrets(id: string): Promise<string[]> {
  const run = await db().switchoverRun.findUnique({ where: { id }, select: { secretEnc: true, sourceId: true, candidateId: true, options: true } });
  if (!run) return [];
  const siblings = (JSON.parse(run.options) as { siblingIds?: string[] }).siblingIds ?? [];
  return [...unsealed(run.secretEnc), ...(await serverPasswords([run.sourceId, run.candidateId, ...siblings]))];
}
