// An alliance's page: what each voucher gives, and per partner the vouchers
// handed over and redeemed here, the members who joined through it and the
// fee owed; a partner's monthly settlement saved as a PDF sheet or CSV.
import { FileExcelOutlined, FilePdfOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { App as AntApp, Alert, Button, Card, DatePicker, Descriptions, Space, Spin, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { PartnerFigures } from "../../bindings/PartnerFigures";
import { PageHeader } from "../../components/PageHeader";
import { showError, toMessage } from "../../errors";
import { day as dayText, money } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { STATUS_COLOR, useShopMonth } from "./queries";

export function AllianceConsole({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  const [shownMonth, setMonth] = useShopMonth();
  const console = useQuery({ queryKey: ["campaigns", "alliance", id], queryFn: () => ipc.allianceConsole(id) });
  const save = useMutation({
    mutationFn: (v: { partner: number; csv: boolean }) => ipc.savePartnerSettlement(v.partner, shownMonth ?? "", v.csv),
    onSuccess: (path) => path && void message.success(t("alliance.settlementSaved", { path })),
    onError: (e) => showError(e, message),
  });
  if (console.isError) return <Alert type="error" showIcon message={toMessage(console.error)} />;
  const c = console.data;
  if (!c) return <Spin />;
  const columns = [
    { title: t("alliance.partner"), dataIndex: "name", key: "name" },
    { title: t("alliance.handedOver"), dataIndex: "handed_over", key: "handed", width: 110 },
    { title: t("alliance.redeemed"), key: "redeemed", width: 110, render: (_: unknown, p: PartnerFigures) => <span data-testid={`alliance-redeemed-${p.partner_id}`}>{p.redeemed}</span> },
    { title: t("alliance.newMembers"), dataIndex: "new_members", key: "members", width: 110 },
    { title: t("alliance.feeOwed"), key: "fee", width: 110, render: (_: unknown, p: PartnerFigures) => money(p.fee_cents) },
    {
      title: <span className="sc-visually-hidden">{t("alliance.settlement")}</span>,
      key: "settle",
      width: 230,
      render: (_: unknown, p: PartnerFigures) => (
        <Space size={4}>
          <Button size="small" icon={<FilePdfOutlined />} onClick={() => save.mutate({ partner: p.partner_id, csv: false })} data-testid={`alliance-settlement-pdf-${p.partner_id}`}>
            {t("alliance.settlementPdf")}
          </Button>
          <Button size="small" icon={<FileExcelOutlined />} onClick={() => save.mutate({ partner: p.partner_id, csv: true })} data-testid={`alliance-settlement-csv-${p.partner_id}`}>
            CSV
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <div className="sc-page">
      <PageHeader
        title={c.name}
        titleTestId="alliance-title"
        description={t("alliance.validDays", { first: dayText(c.first_day, lang), last: dayText(c.last_day, lang) })}
        meta={<Tag color={STATUS_COLOR[c.status]}>{t(`campaigns.status.${c.status}`)}</Tag>}
      />
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small" title={<h2 className="sc-card-title">{t("alliance.offer")}</h2>}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t("alliance.eachVoucher")}>{c.benefit}</Descriptions.Item>
            <Descriptions.Item label={t("alliance.onlyHere")}>{t("alliance.onlyHereHelp")}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          size="small"
          title={<h2 className="sc-card-title">{t("alliance.partnersTitle")}</h2>}
          extra={
            <DatePicker
              picker="month"
              allowClear={false}
              value={shownMonth ? dayjs(`${shownMonth}-01`) : null}
              onChange={(d) => d && setMonth(d.format("YYYY-MM"))}
              aria-label={t("alliance.settlementMonth")}
              data-testid="alliance-month"
            />
          }
        >
          <Table<PartnerFigures> size="small" rowKey="partner_id" columns={columns} dataSource={c.partners} pagination={false} data-testid="alliance-partners-table" />
        </Card>
      </Space>
    </div>
  );
}
