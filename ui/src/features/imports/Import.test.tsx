import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { PlannedRow } from "../../bindings/PlannedRow";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { ImportPage } from "./ImportPage";

const row = (line: number, over: Partial<PlannedRow>): PlannedRow => ({
  line, outcome: "new", reason: "", order_id: `T${line}`, occurred_at: "2026-11-01T02:02:00Z", amount_cents: 6800, refunded_cents: 0,
  phone_masked: null, member_id: null, member_name: null, items: "Oolong", ...over,
});

const PREVIEW: ImportPreview = {
  mapped: false, unmapped: false,
  file_name: "till.csv", encoding: "gb18030", replaced: 0, preset: "generic", target: "purchases", headers: ["单号", "下单时间", "实收金额"],
  columns: { order_id: 0, occurred_at: 1, amount: 2, refunded: null, phone: null, name: null, items: null, time: null, status: null, nickname: null, birthday: null, tags: null },
  header_line: 3, skipped_top: 2, totals: [10],
  rows: [row(4, { member_name: "王姐" }), row(5, {}), row(7, { outcome: "error", amount_cents: null, reason: "The amount \"十二元\" cannot be read" }), row(8, { outcome: "duplicate", reason: "Imported before" })],
  new: 2, duplicates: 1, errors: 1, imported_before: null,
};

describe("importing orders", () => {
  it("maps a generic file's columns by hand when its dates and amounts are not recognised, and commits with the mapping", async () => {
    const unmapped = { ...PREVIEW, headers: ["票号", "时间戳", "收款"], columns: { ...PREVIEW.columns, order_id: null, occurred_at: null, amount: null }, rows: [], new: 0, duplicates: 0, errors: 0, unmapped: true };
    const backend = fakeBackend({}, {
      preview_import: (a) => ((a.options as { columns?: unknown }).columns ? { ...PREVIEW, unmapped: false, mapped: true } : unmapped),
      commit_import: () => ({ id: 1, file_name: "till.csv", preset: "generic", new_rows: 2, duplicate_rows: 1, error_rows: 1, imported_at: "2026-11-27T13:00:00Z", undone_at: null }),
      list_imports: () => [],
    });
    const { user, container } = renderScreen(<ImportPage />);
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, new File(["票号\n"], "till.csv", { type: "text/csv" }));
    expect(await screen.findByText(/No column of dates or amounts was recognised/)).toBeInTheDocument();
    await user.click(within(screen.getByTestId("map-occurred_at")).getByRole("combobox"));
    await user.click(await screen.findByTitle("时间戳"));
    await waitFor(() => expect(backend.called("preview_import").at(-1)!.args.options).toMatchObject({ columns: { occurred_at: 1 } }));
    expect(await screen.findByTestId("import-row-4")).toBeInTheDocument();
    await user.click(screen.getByTestId("import-commit"));
    await waitFor(() => expect(backend.called("commit_import")[0].args.options).toMatchObject({ columns: { occurred_at: 1 } }));
  });

  it("shows a customer list's rows as members to add: since when, name, masked phone, birthday and tags", async () => {
    const customers = {
      ...PREVIEW,
      preset: "youzan_customers",
      target: "members" as const,
      rows: [row(2, { member_name: "李先生", phone_masked: "139****1111", amount_cents: null, items: "03-07 · 老客" })],
    };
    fakeBackend({}, { preview_import: () => customers, list_imports: () => [] });
    const { user, container } = renderScreen(<ImportPage />);
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, new File(["客户姓名\n"], "customers.csv", { type: "text/csv" }));
    const r = await screen.findByTestId("import-row-2");
    expect(r).toHaveTextContent("李先生");
    expect(r).toHaveTextContent("139****1111");
    expect(r).toHaveTextContent("03-07 · 老客");
    expect(screen.getByRole("columnheader", { name: "Customer since" })).toBeInTheDocument();
    expect(screen.queryByRole("columnheader", { name: "Amount" })).toBeNull();
  });

  it("previews each row with why, leaves unticked rows out and lists the import with its undo", async () => {
    let imported = false;
    const backend = fakeBackend({}, {
      preview_import: () => PREVIEW,
      commit_import: (a) => {
        imported = true;
        return { id: 1, file_name: "till.csv", preset: "generic", new_rows: 2 - (a.options as { unticked: number[] }).unticked.length, duplicate_rows: 1, error_rows: 1, imported_at: "2026-11-27T13:00:00Z", undone_at: null };
      },
      list_imports: () => (imported ? [{ id: 1, file_name: "till.csv", preset: "generic", new_rows: 1, duplicate_rows: 1, error_rows: 1, imported_at: "2026-11-27T13:00:00Z", undone_at: null }] : []),
      undo_import: () => ({ id: 1, file_name: "till.csv", preset: "generic", new_rows: 1, duplicate_rows: 1, error_rows: 1, imported_at: "2026-11-27T13:00:00Z", undone_at: "2026-11-27T13:05:00Z" }),
    });
    const { user, container } = renderScreen(<ImportPage />);
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(["单号,下单时间,实收金额\n"], "till.csv", { type: "text/csv" }));
    expect(await screen.findByTestId("import-summary")).toHaveTextContent("2 new · 1 already in · 1 with errors");
    expect(screen.getByTestId("import-row-7")).toHaveTextContent('The amount "十二元" cannot be read');
    expect(screen.getByText("Read as GBK / GB18030 (Chinese). Header on line 3; 2 title line(s) above it and 1 total line(s) at the bottom set aside.")).toBeInTheDocument();
    const args = backend.called("preview_import")[0].args;
    expect(args.fileName).toBe("till.csv");
    expect(typeof args.data).toBe("string");

    await user.click(screen.getByRole("checkbox", { name: "Import line 5" }));
    expect(screen.getByTestId("import-commit")).toHaveTextContent("Import 1 row");
    await user.click(screen.getByTestId("import-commit"));
    await waitFor(() => expect(backend.called("commit_import")[0].args.options).toEqual({ preset: null, encoding: null, unticked: [5] }));
    expect(await screen.findByText("1 row imported")).toBeInTheDocument();
    const batch = await screen.findByTestId("import-batch-1");
    await user.click(within(batch).getByTestId("import-undo-1"));
    const confirm = await screen.findByRole("tooltip");
    await user.click(within(confirm).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(backend.called("undo_import")[0].args).toEqual({ id: 1 }));
  });

  it("says why a file cannot be read, in Chinese", async () => {
    fakeBackend({}, {
      preview_import: () => {
        throw { code: "invalid_input", field: "file", message: "文件：这是一张图片，不是表格：请把订单导出为 CSV 或 Excel" };
      },
      list_imports: () => [],
    });
    const { user, container } = renderScreen(<ImportPage />, { lang: "zh-CN" });
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, new File(["x"], "photo.csv"));
    expect(await screen.findByTestId("import-refused")).toHaveTextContent("这是一张图片");
    expect(screen.getByText("还没有导入过。")).toBeInTheDocument();
  });
});
