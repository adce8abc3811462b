// The fake backend's Settings → Data and About: where the data and backups live,
// the backups themselves, and no problem with the data file unless a test says so.
import type { AppInfo } from "../bindings/AppInfo";
import type { Backup } from "../bindings/Backup";
import type { BackupStatus } from "../bindings/BackupStatus";

/** What a backup's manifest counts, with `members` members. */
export const backupCounts = (members: number) => ({ members, purchases: 40, vouchers: 12, communities: 2, campaigns: 1 });

/** A backup in the shop's backup folder, named `name`, taken at `at`. */
export function backupOf(name: string, reason: Backup["manifest"]["reason"], members: number, at: string): Backup {
  return {
    path: `/home/me/.local/share/backups/${name}.db`,
    manifest: { file: `${name}.db`, taken_at: at, reason, app_version: "0.1.0", schema_version: 28, counts: backupCounts(members), bytes: 3 * 1024 * 1024, sha256: "ab" },
  };
}

/** Settings → Data's status: a healthy disk, no second folder, no backups yet. */
export function backupStatus(over: Partial<BackupStatus> = {}): BackupStatus {
  return {
    data_file: "/home/me/.local/share/shopcircle.db",
    backup_folder: "/home/me/.local/share/backups",
    second_folder: null,
    backups: [],
    in_second_folder: 0,
    last_error: null,
    disk: { available: 50 * 1024 ** 3, total: 200 * 1024 ** 3 },
    disk_low: false,
    stale: false,
    data_bytes: 2 * 1024 * 1024,
    ...over,
  };
}

export function dataHandlers(info: () => AppInfo) {
  return {
    list_exports: () => [],
    backup_status: () => backupStatus({ data_file: info().data_path }),
    about: () => ({ version: info().version, schema_version: 28, data_file: info().data_path, log_folder: "/home/me/.local/share/logs", system: "Debian, x86_64" }),
    data_problem: () => null,
  };
}
