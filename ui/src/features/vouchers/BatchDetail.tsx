// One batch: its figures, the card as it prints, the ways onto paper (PDF sheet,
// print, images for the group chat, CSV) and every voucher with where it stands.
import { ArrowLeftOutlined, FilePdfOutlined, FileTextOutlined, PrinterOutlined, ScanOutlined, StopOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Spin, Statistic, Tooltip, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Batch } from "../../bindings/Batch";
import { ReasonDialog } from "../../components/ReasonDialog";
import { showError, toMessage } from "../../errors";
import { dateTime, money } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { useShop } from "../../queries";
import { todayIn } from "../../days";
import { CounterLog } from "./CounterLog";
import { BatchConditions, BatchTags, RateBar, Validity } from "./BatchFacts";
import { benefitText, useBatch, useInvalidateVouchers, useVoucherPreview } from "./queries";
import { VoucherList } from "./VoucherList";
import { PageHeader } from "../../components/PageHeader";

function pngSrc(png: string): string {
  return png.startsWith("data:") ? png : `data:image/png;base64,${png}`;
}

function CardPreview({ batch, code }: { batch: Batch; code: string | null }) {
  const { t } = useTranslation();
  const preview = useVoucherPreview(batch.id, code);
  return (
    <Card
      title={
        <span>
          {t("vouchers.detail.preview")}{" "}
          <Typography.Text type="secondary" style={{ fontWeight: "normal", fontSize: 13 }}>
            {t("vouchers.detail.previewHint")}
          </Typography.Text>
        </span>
      }
      styles={{ body: { padding: 0 } }}
    >
      {preview.isError && <Alert type="error" showIcon banner message={toMessage(preview.error)} />}
      <div style={{ background: "#e4e6e1", padding: 20, display: "flex", justifyContent: "center", alignItems: "center", minHeight: 220 }}>
        {preview.data ? (
          <img
            src={pngSrc(preview.data.png)}
            alt={t("vouchers.detail.preview")}
            data-testid="voucher-preview"
            data-code={preview.data.code}
            style={{ display: "block", maxWidth: "100%", maxHeight: 420, objectFit: "contain", boxShadow: "0 2px 10px rgba(0,0,0,0.18)", background: "#fff", borderRadius: 4 }}
          />
        ) : (
          !preview.isError && <Spin />
        )}
      </div>
      {preview.data && (
        <div style={{ padding: "10px 16px", fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("vouchers.detail.previewOf")}{" "}
          </Typography.Text>
          <Typography.Text code style={{ fontSize: 12 }} data-testid="voucher-preview-code">
            {preview.data.code}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}

export function BatchDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const lang = useLang();
  const shop = useShop();
  const today = todayIn(shop?.time_zone ?? "UTC");
  const batch = useBatch(id);
  const invalidate = useInvalidateVouchers();
  const [previewCode, setPreviewCode] = useState<string | null>(null);
  const [voiding, setVoiding] = useState(false);
  const previewRef = useRef<HTMLDivElement>(null);

  const saved = (path: string | null) => path && void message.success(t("vouchers.detail.saved", { path }));
  const savePdf = useMutation({ mutationFn: () => ipc.saveVoucherSheet(id), onSuccess: saved, onError: (e) => showError(e, message) });
  const exportCsv = useMutation({ mutationFn: () => ipc.exportBatchCsv(id), onSuccess: saved, onError: (e) => showError(e, message) });
  const print = useMutation({
    mutationFn: () => ipc.printVoucherSheet(id),
    onSuccess: () => void message.success(t("vouchers.detail.printed")),
    onError: (e) => showError(e, message),
  });
  const voidBatch = useMutation({
    mutationFn: (reason: string) => ipc.voidBatch(id, reason),
    onSuccess: () => {
      invalidate();
      setVoiding(false);
      void message.success(t("vouchers.detail.batchVoided"));
    },
  });

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => go({ page: "vouchers" })}>
      {t("vouchers.detail.back")}
    </Button>
  );
  if (batch.isPending) return <div className="sc-page">{back}<Skeleton active /></div>;
  if (batch.isError) {
    return <div className="sc-page">{back}<Result status="warning" title={t("vouchers.detail.notFound")} subTitle={toMessage(batch.error)} /></div>;
  }
  const b = batch.data;
  const s = b.stats;
  const busy = savePdf.isPending || print.isPending || exportCsv.isPending;

  return (
    <div className="sc-page" data-testid="batch-detail">
      {back}
      <PageHeader
        title={b.name}
        titleTestId="batch-title"
        description={
          <>
            {benefitText(t, b.benefit)} · <Validity batch={b} />
          </>
        }
        meta={
          <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginTop: 6 }}>
            <BatchTags batch={b} today={today} />
            <BatchConditions batch={b} />
          </div>
        }
        actions={
          <Space wrap>
            <Tooltip title={t("vouchers.detail.savePdfHint")}>
              <Button type="primary" icon={<FilePdfOutlined />} loading={savePdf.isPending} disabled={busy && !savePdf.isPending} onClick={() => savePdf.mutate()} data-testid="batch-save-pdf">
                {t("vouchers.detail.savePdf")}
              </Button>
            </Tooltip>
            <Button icon={<PrinterOutlined />} loading={print.isPending} disabled={busy && !print.isPending} onClick={() => print.mutate()} data-testid="batch-print">
              {t("vouchers.detail.print")}
            </Button>
            <Button icon={<FileTextOutlined />} loading={exportCsv.isPending} disabled={busy && !exportCsv.isPending} onClick={() => exportCsv.mutate()} data-testid="batch-export-csv">
              {t("vouchers.detail.exportCsv")}
            </Button>
            {!b.voided_at && (
              <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="batch-void">
                {t("vouchers.detail.voidBatch")}
              </Button>
            )}
          </Space>
        }
      />
      {b.voided_at && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="batch-voided-banner"
          message={t("vouchers.detail.voidedBanner", { date: dateTime(b.voided_at, lang, shop?.time_zone), reason: b.void_reason })}
        />
      )}
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={14}>
          <Card title={t("vouchers.detail.figures")} data-testid="batch-figures">
            <Row gutter={[16, 20]}>
              <Col span={8}><Statistic title={t("vouchers.col.issued")} value={s.issued} /></Col>
              <Col span={8}><Statistic title={t("vouchers.col.redeemed")} value={s.redeemed} valueStyle={{ color: "#3f9a52" }} /></Col>
              <Col span={8}>
                <div className="ant-statistic-title" style={{ color: "rgba(0,0,0,0.65)", marginBottom: 4 }}>{t("vouchers.col.rate")}</div>
                <RateBar rate={s.redemption_rate} />
              </Col>
              <Col span={8}><Statistic title={t("vouchers.col.expired")} value={s.expired} /></Col>
              <Col span={8}><Statistic title={t("vouchers.col.voided")} value={s.voided} /></Col>
              <Col span={8}>
                <Statistic title={t("vouchers.col.giftCost")} value={b.benefit.kind === "gift" ? money(s.gift_cost_cents) : "—"} />
              </Col>
            </Row>
            <Descriptions column={1} size="small" style={{ marginTop: 24 }} styles={{ label: { width: 150 } }}>
              <Descriptions.Item label={t("vouchers.detail.gives")}>{benefitText(t, b.benefit)}</Descriptions.Item>
              <Descriptions.Item label={t("vouchers.detail.validity")}><Validity batch={b} /></Descriptions.Item>
              {b.community_name && (
                <Descriptions.Item label={t("vouchers.detail.where")}>{[b.community_name, b.channel_name].filter(Boolean).join(" · ")}</Descriptions.Item>
              )}
              {b.min_spend_cents != null && <Descriptions.Item label={t("vouchers.form.minSpend")}>{money(b.min_spend_cents)}</Descriptions.Item>}
              <Descriptions.Item label={t("vouchers.detail.holder")}>
                {b.holder_name ? [b.holder_name, b.holder_phone].filter(Boolean).join(" · ") : t("vouchers.form.bearer")}
              </Descriptions.Item>
              <Descriptions.Item label={t("vouchers.detail.issuedOn")}>{dateTime(b.created_at, lang, shop?.time_zone)}</Descriptions.Item>
            </Descriptions>
            <Button style={{ marginTop: 16 }} icon={<ScanOutlined />} onClick={() => go({ page: "counter" })}>
              {t("vouchers.openCounter")}
            </Button>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <div ref={previewRef}>
            <CardPreview batch={b} code={previewCode} />
          </div>
        </Col>
        <Col span={24}>
          <VoucherList batch={b} today={today} onShowCard={(code) => {
            setPreviewCode(code);
            previewRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
          }} />
        </Col>
        <Col span={24}>
          <CounterLog batchId={b.id} />
        </Col>
      </Row>
      <ReasonDialog
        open={voiding}
        title={t("vouchers.detail.voidBatchTitle")}
        description={t("vouchers.detail.voidBatchHint", { count: s.issued - s.redeemed - s.voided })}
        okText={t("vouchers.detail.voidBatch")}
        placeholder={t("vouchers.list.reasonPlaceholder")}
        testId="batch-void"
        danger
        loading={voidBatch.isPending}
        error={voidBatch.error ? toMessage(voidBatch.error) : null}
        onConfirm={(reason) => voidBatch.mutate(reason)}
        onCancel={() => {
          setVoiding(false);
          voidBatch.reset();
        }}
      />
    </div>
  );
}
