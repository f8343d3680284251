// The page footer: which replscope instance served this page and which instance leads (runs the poller).

/** Instance ids come from the server (lib/services/leader.ts servedBy). */
export function InstanceFooter({ instance, leaderInstance }: { instance: string; leaderInstance: string | null }) {
  const leads = leaderInstance === instance;
  return (
    <footer className="mx-auto max-w-6xl px-4 pb-6 text-xs text-zinc-500 dark:text-zinc-400" data-testid="instance-footer">
      Served by instance <span className="font-mono">{instance}</span>
      {" · "}
      {leads ? "this instance leads" : leaderInstance ? <>leader: <span className="font-mono">{leaderInstance}</span></> : "no leader right now"}
    </footer>
  );
}
