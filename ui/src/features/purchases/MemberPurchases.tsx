// A member's purchases on their page, newest first, each refundable in part
// or in full.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Empty, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Purchase } from "../../bindings/Purchase";
import { dateTime, money } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useShop } from "../../queries";
import { RefundDialog } from "./RefundDialog";

export function MemberPurchases({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const client = useQueryClient();
  const key = ["purchases", { member: memberId }];
  const purchases = useQuery({ queryKey: key, queryFn: () => ipc.listPurchases({ member_id: memberId, from: "", to: "" }) });
  const [refunding, setRefunding] = useState<Purchase | null>(null);

  return (
    <Card size="small" title={t("purchases.title")} styles={{ body: { padding: 0 } }}>
      <Table<Purchase>
        size="small"
        rowKey="id"
        loading={purchases.isPending}
        dataSource={purchases.data ?? []}
        pagination={false}
        data-testid="member-purchases"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("purchases.none")} /> }}
        columns={[
          { title: t("purchases.when"), key: "when", render: (_: unknown, p: Purchase) => dateTime(p.occurred_at, lang, zone) },
          { title: t("purchases.items"), dataIndex: "items" },
          {
            title: t("purchases.amount"),
            key: "amount",
            align: "right",
            render: (_: unknown, p: Purchase) => (
              <>
                {money(p.amount_cents)}
                {p.refunded_cents > 0 && (
                  <Tag color="orange" style={{ marginInlineStart: 8, marginInlineEnd: 0 }}>
                    {t("purchases.refundedPart", { amount: money(p.refunded_cents) })}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t("purchases.refund"),
            key: "refund",
            width: 96,
            render: (_: unknown, p: Purchase) =>
              p.refunded_cents < p.amount_cents && (
                <Button size="small" onClick={() => setRefunding(p)} data-testid={`purchase-refund-${p.id}`}>
                  {t("purchases.refund")}
                </Button>
              ),
          },
        ]}
      />
      <RefundDialog
        purchase={refunding}
        onClose={() => setRefunding(null)}
        onRefunded={() => {
          setRefunding(null);
          void client.invalidateQueries({ queryKey: ["purchases"] });
        }}
      />
    </Card>
  );
}
