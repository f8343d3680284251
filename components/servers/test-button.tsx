"use client";
// "Test connection" on demand; shows the outcome in plain words.
import { useActionState } from "react";
import { testServerAction, type TestState } from "@/lib/actions/servers";
import { Button } from "../ui/button";
import { CheckBadge } from "./check-badge";

/** Runs the connection test for one server and shows the result beside the button. */
export function TestButton({ serverId }: { serverId: string }) {
  const [state, run, pending] = useActionState<TestState>(() => testServerAction(serverId), {});
  return (
    <form action={run} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Testing…" : "Test connection"}</Button>
      {state.check && (
        <span role="status" className="flex items-center gap-2 text-sm">
          <CheckBadge status={state.check.status} /> {state.check.detail}
        </span>
      )}
      {state.error && <span role="alert" className="text-sm text-red-600 dark:text-red-400">{state.error}</span>}
    </form>
  );
}
