// Every voucher of a batch (up to 100,000, a page at a time): its code, where it
// stands, and per voucher: show its card, save it as an image, void it.
import { EyeOutlined, PictureOutlined, StopOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Empty, Input, Segmented, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Batch } from "../../bindings/Batch";
import type { VoucherRow } from "../../bindings/VoucherRow";
import { ReasonDialog } from "../../components/ReasonDialog";
import { showError, toMessage } from "../../errors";
import { dateTime } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useShop } from "../../queries";
import { normaliseCode } from "../counter/codeText";
import { STATUS_COLOR, useBatchVouchers, useInvalidateVouchers, voucherStatus, type VoucherStatus } from "./queries";

type Row = VoucherRow & { n: number; status: VoucherStatus };
type Filter = "all" | VoucherStatus;

const FILTERS: Filter[] = ["all", "unused", "redeemed", "expired", "voided", "not_yet_valid"];

type Props = { batch: Batch; today: string; onShowCard: (code: string) => void };

export function VoucherList({ batch, today, onShowCard }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const vouchers = useBatchVouchers(batch.id);
  const invalidate = useInvalidateVouchers();
  const [filter, setFilter] = useState<Filter>("all");
  const [search, setSearch] = useState("");
  const [voiding, setVoiding] = useState<string | null>(null);

  const rows = useMemo<Row[]>(
    () => (vouchers.data ?? []).map((v, i) => ({ ...v, n: i + 1, status: voucherStatus(v, batch, today) })),
    [vouchers.data, batch, today],
  );
  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: rows.length, unused: 0, redeemed: 0, expired: 0, voided: 0, not_yet_valid: 0 };
    for (const r of rows) c[r.status]++;
    return c;
  }, [rows]);
  const shown = useMemo(() => {
    const q = normaliseCode(search);
    return rows.filter((r) => (filter === "all" || r.status === filter) && (!q || normaliseCode(r.code).includes(q)));
  }, [rows, filter, search]);

  const saveImage = useMutation({
    mutationFn: (code: string) => ipc.saveVoucherImage(code),
    onSuccess: (path) => path && void message.success(t("vouchers.detail.saved", { path })),
    onError: (e) => showError(e, message),
  });
  const voidOne = useMutation({
    mutationFn: ({ code, reason }: { code: string; reason: string }) => ipc.voidVoucher(code, reason),
    onSuccess: () => {
      invalidate();
      setVoiding(null);
      void message.success(t("vouchers.list.voucherVoided"));
    },
  });

  const columns = [
    { title: "#", dataIndex: "n", key: "n", width: 70, render: (n: number) => <Typography.Text type="secondary">{n}</Typography.Text> },
    {
      title: t("vouchers.list.code"),
      key: "code",
      render: (_: unknown, r: Row) => (
        <Typography.Text code style={{ fontSize: 14, letterSpacing: 0.5, whiteSpace: "nowrap" }} data-testid="voucher-code">
          {r.code}
        </Typography.Text>
      ),
    },
    {
      title: t("vouchers.list.status"),
      key: "status",
      width: 130,
      render: (_: unknown, r: Row) => <Tag color={STATUS_COLOR[r.status]} data-testid="voucher-status">{t(`vouchers.status.${r.status}`)}</Tag>,
    },
    {
      title: t("vouchers.list.detail"),
      key: "detail",
      render: (_: unknown, r: Row) => {
        if (r.redeemed_at) {
          const date = dateTime(r.redeemed_at, lang, zone);
          return <Typography.Text type="secondary">{r.redeemed_by ? t("vouchers.list.redeemedBy", { date, staff: r.redeemed_by }) : date}</Typography.Text>;
        }
        if (r.voided_at) {
          return <Typography.Text type="secondary">{t("vouchers.list.voidedOn", { date: dateTime(r.voided_at, lang, zone), reason: r.void_reason })}</Typography.Text>;
        }
        return null;
      },
    },
    {
      title: "",
      key: "actions",
      width: 130,
      align: "right" as const,
      render: (_: unknown, r: Row) => (
        <Space size={0}>
          <Tooltip title={t("vouchers.list.showCard")}>
            <Button type="text" size="small" icon={<EyeOutlined />} aria-label={t("vouchers.list.showCard")} onClick={() => onShowCard(r.code)} data-testid="voucher-show-card" />
          </Tooltip>
          <Tooltip title={t("vouchers.list.saveImage")}>
            <Button
              type="text"
              size="small"
              icon={<PictureOutlined />}
              aria-label={t("vouchers.list.saveImage")}
              loading={saveImage.isPending && saveImage.variables === r.code}
              onClick={() => saveImage.mutate(r.code)}
              data-testid="voucher-save-image"
            />
          </Tooltip>
          {r.status !== "redeemed" && r.status !== "voided" && (
            <Tooltip title={t("vouchers.list.voidOne")}>
              <Button type="text" size="small" danger icon={<StopOutlined />} aria-label={t("vouchers.list.voidOne")} onClick={() => setVoiding(r.code)} data-testid="voucher-void" />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t("vouchers.list.title")}
      data-testid="voucher-list"
      extra={
        <Input.Search
          allowClear
          placeholder={t("vouchers.list.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
          data-testid="voucher-search"
        />
      }
    >
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 12 }}
        options={FILTERS.filter((f) => f === "all" || counts[f] > 0 || f === filter).map((f) => ({
          value: f,
          label: `${t(f === "all" ? "vouchers.list.all" : `vouchers.status.${f}`)} ${counts[f].toLocaleString()}`,
        }))}
      />
      {vouchers.isError ? (
        <Typography.Text type="danger">{toMessage(vouchers.error)}</Typography.Text>
      ) : (
        <Table<Row>
          rowKey="code"
          size="small"
          loading={vouchers.isPending}
          dataSource={shown}
          columns={columns}
          pagination={{
            defaultPageSize: 50,
            pageSizeOptions: [50, 100, 200],
            showSizeChanger: true,
            hideOnSinglePage: true,
            showTotal: (total) => t("vouchers.list.total", { count: total.toLocaleString() }),
          }}
          onRow={(r) => ({ "data-testid": `voucher-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("vouchers.list.empty")} /> }}
          scroll={{ x: 720 }}
        />
      )}
      <ReasonDialog
        open={voiding !== null}
        title={t("vouchers.list.voidOneTitle", { code: voiding ?? "" })}
        description={t("vouchers.list.voidOneHint")}
        okText={t("vouchers.list.voidOne")}
        placeholder={t("vouchers.list.reasonPlaceholder")}
        testId="voucher-void"
        danger
        loading={voidOne.isPending}
        error={voidOne.error ? toMessage(voidOne.error) : null}
        onConfirm={(reason) => voiding && voidOne.mutate({ code: voiding, reason })}
        onCancel={() => {
          setVoiding(null);
          voidOne.reset();
        }}
      />
    </Card>
  );
}
