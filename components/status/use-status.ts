"use client";
// SWR hooks for live status JSON routes.
import useSWR from "swr";

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Polls a JSON route every `intervalMs`, starting from server-rendered data. */
export function useLive<T>(url: string, fallbackData: T, intervalMs = 2000) {
  return useSWR<T, Error>(url, fetchJson<T>, { fallbackData, refreshInterval: intervalMs, revalidateOnFocus: true, keepPreviousData: true });
}
