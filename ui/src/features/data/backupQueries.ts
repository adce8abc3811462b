// The backups' state, shared by Settings → Data and the home screen's banner,
// refreshed when the shell says a backup or restore happened.
import { listen } from "@tauri-apps/api/event";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { BackupCounts } from "../../bindings/BackupCounts";
import { ipc } from "../../ipc";

export const backupStatusKey = ["backup-status"] as const;

export function useBackupStatus() {
  const qc = useQueryClient();
  useEffect(() => {
    const stop = listen("backups-changed", () => void qc.invalidateQueries({ queryKey: backupStatusKey }));
    return () => void stop.then((f) => f()).catch(() => {});
  }, [qc]);
  return useQuery({ queryKey: backupStatusKey, queryFn: ipc.backupStatus });
}

/** Counts as the sentences use them. */
export function countsOf(c: BackupCounts) {
  return { communities: c.communities, members: c.members, purchases: c.purchases, vouchers: c.vouchers };
}

/** 1.2 MB, 340 KB. */
export function size(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
