"use client";
// Removes a server from the registry after a confirmation naming it.
import { useState, useTransition } from "react";
import { deleteServerAction } from "@/lib/actions/servers";
import { Button } from "../ui/button";

/** Asks "Remove <name>?" first; nothing is done on the server itself. */
export function DeleteButton({ serverId, name }: { serverId: string; name: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const onClick = () => {
    if (!window.confirm(`Remove "${name}" from replscope? Nothing is changed on the server itself.`)) return;
    start(async () => setError((await deleteServerAction(serverId))?.error));
  };
  return (
    <span className="flex items-center gap-2">
      <Button type="button" variant="danger" onClick={onClick} disabled={pending}>{pending ? "Removing…" : "Remove"}</Button>
      {error && <span role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</span>}
    </span>
  );
}
