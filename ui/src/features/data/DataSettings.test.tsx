import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import App from "../../App";
import type { BackupStatus } from "../../bindings/BackupStatus";
import { fakeBackend } from "../../test/backend";
import { backupCounts, backupOf, backupStatus } from "../../test/backend-data";

const counts = backupCounts;
const backup = backupOf;

/** The status with one backup taken by hand. */
function status(over: Partial<BackupStatus> = {}): BackupStatus {
  return backupStatus({ backups: [backup("shopcircle-20261128-093000-manual", "manual", 31, "2026-11-28T09:30:00Z")], ...over });
}

async function openSettings() {
  const user = userEvent.setup();
  render(<App />);
  await user.click(await screen.findByTestId("nav-settings"));
  return user;
}

describe("Settings → Data", () => {
  it("lists the backups and restores one after saying what it holds, then undoes it", async () => {
    const before = backup("shopcircle-20261128-100000-before_restore", "before_restore", 33, "2026-11-28T10:00:00Z");
    const backend = fakeBackend({}, {
      backup_status: () => status(),
      verify_backup: () => ({ schema_version: 28, counts: counts(31), sha256: "ab", bytes: 1, manifest: status().backups[0].manifest }),
      restore_backup: (a) => ({
        from: { schema_version: 28, counts: counts(31), sha256: "ab", bytes: 1, manifest: null },
        counts: a.path === before.path ? counts(33) : counts(31),
        erased_again: 1,
        before_restore: a.path === before.path ? null : before,
        kept_damaged: null,
      }),
    });
    const user = await openSettings();
    const row = await screen.findByTestId("backup-0");
    expect(row).toHaveTextContent("By hand");
    expect(row).toHaveTextContent("31 members · 40 purchases · 12 vouchers");
    expect(row).toHaveTextContent("3.0 MB");
    await user.click(within(row).getByTestId("restore-0"));
    expect(await screen.findByText(/Your data will be as it was then: 2 communities, 31 members/)).toBeInTheDocument();
    await user.click(screen.getByTestId("restore-confirm"));
    const done = await screen.findByTestId("restored");
    expect(done).toHaveTextContent("31 members, 40 purchases, 12 vouchers");
    expect(done).toHaveTextContent("1 member(s) who asked to be deleted since then were deleted again");
    expect(backend.called("restore_backup")[0].args).toEqual({ path: status().backups[0].path });
    await user.click(screen.getByTestId("restore-undo"));
    await waitFor(() => expect(backend.called("restore_backup")).toHaveLength(2));
    expect(backend.called("restore_backup")[1].args).toEqual({ path: before.path });
    expect(await screen.findByText("The restore was undone")).toBeInTheDocument();
  });

  it("a damaged backup is said and nothing is restored", async () => {
    const backend = fakeBackend({}, {
      backup_status: () => status(),
      verify_backup: () => {
        throw { code: "backup_damaged", message: "x.db has changed since it was made (its fingerprint differs), so it cannot be trusted; choose another backup", field: null };
      },
    });
    const user = await openSettings();
    await user.click(await screen.findByTestId("restore-0"));
    expect(await screen.findByText(/has changed since it was made/)).toBeInTheDocument();
    expect(backend.called("restore_backup")).toHaveLength(0);
  });

  it("refuses a short or mistyped passphrase at the field before asking where to save", async () => {
    const backend = fakeBackend({}, { backup_status: () => status(), export_whole_shop: () => "/home/me/Documents/shop.shopcircle" });
    const user = await openSettings();
    await user.click(await screen.findByTestId("export-shop"));
    await user.type(screen.getByTestId("export-passphrase"), "short");
    await user.type(screen.getByTestId("export-passphrase-again"), "short");
    await user.click(screen.getByRole("button", { name: "Choose where to save…" }));
    expect((await screen.findAllByText("At least 8 characters")).length).toBeGreaterThan(0);
    await user.clear(screen.getByTestId("export-passphrase"));
    await user.type(screen.getByTestId("export-passphrase"), "tea house 2026");
    await user.click(screen.getByRole("button", { name: "Choose where to save…" }));
    expect(await screen.findByText("The two passphrases differ")).toBeInTheDocument();
    expect(backend.called("export_whole_shop")).toHaveLength(0);
    await user.clear(screen.getByTestId("export-passphrase-again"));
    await user.type(screen.getByTestId("export-passphrase-again"), "tea house 2026");
    await user.click(screen.getByRole("button", { name: "Choose where to save…" }));
    await waitFor(() => expect(backend.called("export_whole_shop")).toHaveLength(1));
    expect(backend.called("export_whole_shop")[0].args).toEqual({ passphrase: "tea house 2026" });
    expect(await screen.findByText("Saved to /home/me/Documents/shop.shopcircle")).toBeInTheDocument();
  });

  it("keeps a pasted passphrase past the limit whole and refuses it at the field", async () => {
    const backend = fakeBackend({}, { backup_status: () => status() });
    const user = await openSettings();
    await user.click(await screen.findByTestId("export-shop"));
    const long = "t".repeat(201);
    await user.click(screen.getByTestId("export-passphrase"));
    await user.paste(long);
    await user.click(screen.getByTestId("export-passphrase-again"));
    await user.paste(long);
    await user.click(screen.getByRole("button", { name: "Choose where to save…" }));
    expect((await screen.findAllByText("At most 200 characters (now 201)")).length).toBeGreaterThan(0);
    expect(screen.getByTestId("export-passphrase")).toHaveValue(long);
    expect(backend.called("export_whole_shop")).toHaveLength(0);
  });

  it("warns on the home screen when no backup succeeded for a week", async () => {
    fakeBackend({}, { backup_status: () => status({ stale: true }) });
    render(<App />);
    expect(await screen.findByTestId("backup-banner")).toHaveTextContent("No backup has succeeded for a week");
  });

  it("offers the newest backup when the data file cannot be opened", async () => {
    const newest = status().backups[0];
    const backend = fakeBackend({}, {
      app_info: () => {
        throw { code: "backup_damaged", message: "The shop's data file /x/shopcircle.db is damaged (the file is cut short).", field: null };
      },
      data_problem: () => ({ code: "backup_damaged", message: "The shop's data file /x/shopcircle.db is damaged (the file is cut short).", data_file: "/x/shopcircle.db", missing: false, newest_backup: newest }),
      verify_backup: () => ({ schema_version: 28, counts: counts(31), sha256: "ab", bytes: 1, manifest: newest.manifest }),
      restore_backup: () => ({ from: { schema_version: 28, counts: counts(31), sha256: "ab", bytes: 1, manifest: null }, counts: counts(31), erased_again: 0, before_restore: null, kept_damaged: "/x/backups/damaged-20261128-101500.db" }),
    });
    const user = userEvent.setup();
    render(<App />);
    const screenOf = await screen.findByTestId("data-problem");
    expect(screenOf).toHaveTextContent("is damaged (the file is cut short)");
    expect(screenOf).toHaveTextContent("31 members, 40 purchases, 12 vouchers");
    expect(screen.queryByTestId("start-empty")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("restore-newest"));
    await user.click(await screen.findByTestId("restore-confirm"));
    expect(await screen.findByTestId("restored")).toHaveTextContent("The damaged data file was kept as /x/backups/damaged-20261128-101500.db");
    expect(backend.called("restore_backup")[0].args).toEqual({ path: newest.path });
  });
});
