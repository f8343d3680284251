// Registry use cases shared by server actions and the JSON API: validate, store, test, report per-field errors.
import "server-only";
import type { z } from "zod";
import { env } from "@/lib/config/env";
import type { CheckResult } from "@/lib/domain/connection-check";
import { type FieldErrors, fieldErrorsOf, serverCreateSchema, serverUpdateSchema } from "@/lib/domain/server-input";
import * as data from "@/lib/data/servers";
import { probeServer } from "@/lib/mysql/probe";
import type { Caller } from "@/lib/domain/auth";
import { describeInput } from "@/lib/domain/audit-text";
import { movesEndpoint, PASSWORD_AGAIN } from "@/lib/domain/endpoint-change";
import { keyFingerprint, parseRsaPublicKey } from "@/lib/domain/public-key";
import { maskText } from "@/lib/domain/secret-mask";
import { failureText, logChange } from "./audit-log";

/** A use case's outcome: a value, or an HTTP-like status with a message and per-field errors. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; error: string; fieldErrors?: FieldErrors };

const invalid = (fieldErrors: FieldErrors, status: 400 | 409 = 400) =>
  ({ ok: false, status, error: "Please correct the highlighted fields.", fieldErrors }) as const;
const notFound = { ok: false, status: 404, error: "No such server." } as const;

/** The input as the audit trail shows it: a pinned key by its fingerprint (short), its removal as "(none)". */
function auditInput(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || !("serverPublicKey" in raw)) return raw;
  const k = raw.serverPublicKey;
  if (k == null || (typeof k === "string" && !k.trim())) return { ...raw, serverPublicKey: "(none)" };
  const parsed = typeof k === "string" ? parseRsaPublicKey(k) : null;
  return { ...raw, serverPublicKey: parsed && "pem" in parsed ? keyFingerprint(parsed.pem) : "(not a key)" };
}

async function conflictErrors(v: { name?: string; host?: string; port?: number }, exceptId?: string): Promise<FieldErrors | null> {
  const c = await data.findConflicts(v, exceptId);
  const errors: FieldErrors = {};
  if (c.name) errors.name = ["Another server already has this name"];
  if (c.address) errors.port = [`${v.host}:${v.port} is already registered as "${c.address}"`];
  return Object.keys(errors).length ? errors : null;
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: fieldErrorsOf(r.error) };
}

async function probeAndRecord(id: string): Promise<Outcome<{ server: data.ServerRecord; check: CheckResult }>> {
  const target = await data.loadTarget(id);
  if (!target) return notFound;
  const { password } = target;
  const probed: CheckResult = password === null ? { status: "error", detail: data.UNSEALABLE } : await probeServer({ ...target, password }, env().REPLSCOPE_CONNECT_TIMEOUT_MS);
  const check = { ...probed, detail: maskText(probed.detail, [password]) };
  return { ok: true, value: { server: await data.recordCheck(id, check), check } };
}

/** Tests a stored server's connection and records flavor, version and the outcome (audited when a caller is given). */
export async function testServer(id: string, caller?: Caller): Promise<Outcome<{ server: data.ServerRecord; check: CheckResult }>> {
  const r = await probeAndRecord(id);
  await logChange(caller, "server.test", r.ok ? `tested ${r.value.server.name}: ${r.value.check.status}` : `tested server ${id}`, { serverId: id, serverName: r.ok ? r.value.server.name : null, error: failureText(r) });
  return r;
}

/** Registers a server, then tests it (the server is kept even when the test fails, with that state shown). */
export async function createServer(raw: unknown, caller?: Caller): Promise<Outcome<{ server: data.ServerRecord; check: CheckResult }>> {
  const r = await insertAndTest(raw);
  await logChange(caller, "server.create", `register: ${describeInput(auditInput(raw))}${r.ok ? ` → test ${r.value.check.status}` : ""}`, { serverId: r.ok ? r.value.server.id : null, serverName: r.ok ? r.value.server.name : null, error: failureText(r) });
  return r;
}

async function insertAndTest(raw: unknown): Promise<Outcome<{ server: data.ServerRecord; check: CheckResult }>> {
  const p = parse(serverCreateSchema, raw);
  if (!p.ok) return invalid(p.errors);
  const conflicts = await conflictErrors(p.data);
  if (conflicts) return invalid(conflicts, 409);
  const server = await data.insertServer(p.data);
  return probeAndRecord(server.id);
}

/** Changes a server; re-tests it when anything about how we connect changed. A new host or port needs the password
 *  again (400 fieldErrors.password): the stored password is never sent to an endpoint it was not entered for; its
 *  password-exchange settings (key retrieval, pinned key) are reset unless given again in the same request. */
export async function updateServer(id: string, raw: unknown, caller?: Caller): Promise<Outcome<{ server: data.ServerRecord; check: CheckResult | null }>> {
  const before = await data.findServer(id);
  const r = await applyUpdate(id, raw);
  await logChange(caller, "server.update", `change: ${describeInput(auditInput(raw))}`, { serverId: id, serverName: before?.name ?? null, error: failureText(r) });
  return r;
}

async function applyUpdate(id: string, raw: unknown): Promise<Outcome<{ server: data.ServerRecord; check: CheckResult | null }>> {
  const current = await data.findServer(id);
  if (!current) return notFound;
  const p = parse(serverUpdateSchema, raw);
  if (!p.ok) return invalid(p.errors);
  const next = { name: p.data.name, host: p.data.host ?? current.host, port: p.data.port ?? current.port };
  if (movesEndpoint(current, next) && p.data.password === undefined) return invalid({ password: [PASSWORD_AGAIN] });
  const conflicts = await conflictErrors(next, id);
  if (conflicts) return invalid(conflicts, 409);
  const server = await data.updateServerRow(id, movesEndpoint(current, next) ? { allowPublicKeyRetrieval: false, serverPublicKey: null, ...p.data } : p.data);
  const reconnect = (["host", "port", "user", "password", "tlsMode", "allowPublicKeyRetrieval", "serverPublicKey"] as const).some((k) => p.data[k] !== undefined && p.data[k] !== current[k as keyof data.ServerRecord]);
  if (!reconnect) return { ok: true, value: { server, check: null } };
  const tested = await probeAndRecord(id);
  return tested.ok ? tested : { ok: true, value: { server, check: null } };
}

/** Removes a server from the registry (nothing is done on the server itself). */
export async function deleteServer(id: string, caller?: Caller): Promise<Outcome<{ id: string }>> {
  const before = await data.findServer(id);
  const r: Outcome<{ id: string }> = (await data.deleteServerRow(id)) ? { ok: true, value: { id } } : notFound;
  await logChange(caller, "server.delete", `removed ${before ? `${before.name} (${before.host}:${before.port})` : id} from the registry`, { serverId: id, serverName: before?.name ?? null, error: failureText(r) });
  return r;
}
