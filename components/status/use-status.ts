"use client";
// SWR hooks for live status JSON routes.
import useSWR from "swr";

const fetchJson = async (url: string) => {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
};

/** Polls a JSON route every `intervalMs`, starting from server-rendered data. */
export function useLive<T>(url: string, fallbackData: T, intervalMs = 2000) {
  return useSWR<T>(url, fetchJson, { fallbackData, refreshInterval: intervalMs, revalidateOnFocus: true, keepPreviousData: true });
}
