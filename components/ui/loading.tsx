// Skeleton shown while a data route loads.

/** A few grey bars in the shape of a table. */
export function LoadingSkeleton({ label = "Loading" }: { label?: string }) {
  return (
    <div aria-busy="true" aria-label={label} className="animate-pulse space-y-3">
      <div className="h-6 w-48 rounded bg-slate-200 dark:bg-slate-800" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-10 rounded bg-slate-100 dark:bg-slate-900" />
      ))}
    </div>
  );
}
