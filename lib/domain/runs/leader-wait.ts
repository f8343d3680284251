// What a run page says while a run requested on a follower waits for the leader to claim it (pure).

/** A run waiting for the leader: for how long, and which instance leads (null: none holds a live lease). */
export interface LeaderWait {
  waitingSeconds: number;
  leader: string | null;
}

/** The leader takes requests every lease renewal (2 s); past this, something is wrong and the page says so. */
export const LEADER_CLAIM_SECONDS = 15;

/** The line shown on the run page: normal wait, no leader at all, or a leader that does not take the run. */
export function leaderWaitText(w: LeaderWait): string {
  if (!w.leader)
    return `Waiting for a leader: no replscope instance leads right now (for ${w.waitingSeconds} s). The run starts when one takes the lead; if this lasts, check that the instances are running and can reach their database.`;
  if (w.waitingSeconds > LEADER_CLAIM_SECONDS)
    return `Waiting for the leader ${w.leader}: it has not taken this run for ${w.waitingSeconds} s (it normally does within a few seconds). Check that instance's log; stopping the run here withdraws it.`;
  return `Waiting for the leader ${w.leader}: runs execute on the leader instance, which takes this one within a few seconds.`;
}

/** What an abort sent from another instance says: the leader executes the step, so the leader cancels and undoes. */
export const forwardedText = (leader: string) =>
  `Abort sent to the leader ${leader}, which executes this run: it cancels the running step and undoes what the run did within a few seconds; this page shows the outcome.`;
