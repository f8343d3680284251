// The line a run page shows while the run, requested on this instance, waits for the leader to claim it.

/** "Waiting for the leader" while `waiting`; nothing otherwise. */
export function WaitingForLeader({ waiting }: { waiting?: boolean }) {
  if (!waiting) return null;
  return (
    <p role="status" data-testid="waiting-for-leader" className="rounded-md bg-sky-50 px-3 py-2 text-sky-900 dark:bg-sky-950 dark:text-sky-100">
      Waiting for the leader: runs execute on the leader instance, which takes this one within a few seconds.
    </p>
  );
}
