"use server";
// Server actions for the registry: thin wrappers over lib/services, returning typed form states.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { CheckResult } from "@/lib/domain/connection-check";
import { type FieldErrors, formToServerInput } from "@/lib/domain/server-input";
import * as registry from "@/lib/services/servers";
import { callerOf, guard } from "@/lib/services/session";

/** What a server form shows after submitting: a message, per-field errors. */
export interface ServerFormState {
  error?: string;
  fieldErrors?: FieldErrors;
}

/** What a test-connection button shows. */
export interface TestState {
  check?: CheckResult;
  error?: string;
}

function refresh(id?: string) {
  revalidatePath("/", "layout");
  if (id) revalidatePath(`/servers/${id}`);
}

/** Registers a server from the form, tests it, and opens its page (which shows the test result). */
export async function createServerAction(_prev: ServerFormState, form: FormData): Promise<ServerFormState> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const r = await registry.createServer(formToServerInput(form, "create"), callerOf(g));
  if (!r.ok) return { error: r.error, fieldErrors: r.fieldErrors };
  refresh(r.value.server.id);
  redirect(`/servers/${r.value.server.id}?saved=1`);
}

/** Saves changes to a server (a blank password keeps the stored one) and re-tests it when needed. */
export async function updateServerAction(id: string, _prev: ServerFormState, form: FormData): Promise<ServerFormState> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const r = await registry.updateServer(id, formToServerInput(form, "update"), callerOf(g));
  if (!r.ok) return { error: r.error, fieldErrors: r.fieldErrors };
  refresh(id);
  redirect(`/servers/${id}?saved=1`);
}

/** Removes a server from the registry. */
export async function deleteServerAction(id: string): Promise<{ error?: string }> {
  const g = await guard("admin");
  if ("error" in g) return { error: g.error };
  const r = await registry.deleteServer(id, callerOf(g));
  if (!r.ok) return { error: r.error };
  refresh();
  redirect("/servers");
}

/** Tests a registered server's connection now. */
export async function testServerAction(id: string): Promise<TestState> {
  const g = await guard("operator");
  if ("error" in g) return { error: g.error };
  const r = await registry.testServer(id, callerOf(g));
  if (!r.ok) return { error: r.error };
  refresh(id);
  return { check: r.value.check };
}
