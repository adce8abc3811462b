// Server state of drainage: a community's channels and the expiry watch.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

export function useChannels(communityId: number) {
  return useQuery({ queryKey: keys.channels(communityId), queryFn: () => ipc.listChannels(communityId) });
}

export function useExpiringQrs() {
  return useQuery({ queryKey: keys.expiringQrs, queryFn: ipc.expiringQrs });
}

/** A channel's code changed: its list and the expiry watch are stale. */
export function useInvalidateChannels() {
  const client = useQueryClient();
  return (communityId: number) => {
    void client.invalidateQueries({ queryKey: keys.channels(communityId) });
    void client.invalidateQueries({ queryKey: keys.expiringQrs });
  };
}

/** A file's bytes as base64, the form the backend takes images in. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
