// Loading state for this route segment.
import { LoadingSkeleton } from "@/components/ui/loading";

/** Shown while the segment's data loads. */
export default function Loading() {
  return <LoadingSkeleton />;
}
