// The line a run page shows while the run, requested on this instance, waits for the leader to claim it.
import { LEADER_CLAIM_SECONDS, type LeaderWait, leaderWaitText } from "@/lib/domain/runs/leader-wait";

/** The wait for the leader (or the lack of one) while the run waits; nothing otherwise. */
export function WaitingForLeader({ wait }: { wait?: LeaderWait | null }) {
  if (!wait) return null;
  const stuck = !wait.leader || wait.waitingSeconds > LEADER_CLAIM_SECONDS;
  const tone = stuck ? "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100" : "bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-100";
  return (
    <p role="status" data-testid="waiting-for-leader" className={`rounded-md px-3 py-2 ${tone}`}>
      {leaderWaitText(wait)}
    </p>
  );
}
