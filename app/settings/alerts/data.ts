import "server-only";
import type { ChannelView } from "@/lib/domain/alert-view";
export async function channelsPageData(): Promise<ChannelView[]> {
  return Promise.resolve([]);
}
