"use client";
// Form submission that keeps what the user typed when the server answers with errors (no automatic form reset).
import { type FormEvent, type RefObject, startTransition, useEffect, useRef } from "react";

/** onSubmit for a useActionState form: sends its FormData without React's reset-after-action. */
export function submitKeeping(dispatch: (form: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => dispatch(form));
  };
}

/** A ref for a form that is cleared after each successful submit (`done` set) when `enabled`, e.g. a "create" form. */
export function useResetOnDone(state: { done?: string }, enabled = true): RefObject<HTMLFormElement | null> {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (enabled && state.done) ref.current?.reset();
  }, [state, enabled]);
  return ref;
}
