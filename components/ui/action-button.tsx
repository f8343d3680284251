"use client";
// A button that runs one server action and shows what it answered (done or error) beside it.
import { type ReactNode, useState, useTransition } from "react";
import { Button } from "./button";

/** Props: the label, the action (answers `done` or `error`), and when it cannot be used. */
export interface ActionButtonProps {
  children: ReactNode;
  run: () => Promise<{ done?: string; error?: string }>;
  disabled?: boolean;
  "aria-label"?: string;
}

/** Secondary button; the action's answer appears as a status line. */
export function ActionButton({ children, run, disabled, "aria-label": label }: ActionButtonProps) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="flex items-center gap-2">
      <Button type="button" variant="secondary" aria-label={label} disabled={pending || disabled} onClick={() => start(async () => {
        const r = await run();
        setMessage(r.done ?? r.error ?? null);
      })}>{children}</Button>
      {message && <span role="status" className="text-sm">{message}</span>}
    </span>
  );
}
