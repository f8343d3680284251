"use client";
// Error boundary for this route segment.
export { RouteError as default } from "@/components/ui/route-error";
