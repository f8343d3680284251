"use client";
// The one SWR setup for live JSON routes: no-store fetch, an error on a non-2xx answer, polling from server-rendered data.
import useSWR from "swr";

/** GETs a JSON route without caching; a non-2xx answer is an error (SWR keeps the last data). */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Polls `url` every `intervalMs`, starting from `fallbackData` (the typed hooks in this folder wrap it). */
export function useLive<T>(url: string, fallbackData: T, intervalMs: number) {
  return useSWR<T, Error>(url, fetchJson<T>, { fallbackData, refreshInterval: intervalMs, revalidateOnFocus: true, keepPreviousData: true });
}
