// Shown for unknown pages and servers that no longer exist.
import Link from "next/link";

/** The 404 page. */
export default function NotFound() {
  return (
    <div className="py-12 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-500">This page or server does not exist (it may have been removed).</p>
      <Link href="/servers" className="mt-4 inline-block text-sky-700 underline dark:text-sky-400">Back to servers</Link>
    </div>
  );
}
