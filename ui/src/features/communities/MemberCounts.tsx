// The fill level, recording a member count for a day, and the counts over time.
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Card, DatePicker, Empty, Form, Space, Typography } from "antd";
import { LIMITS } from "../../bindings/limits";
import { NumberInput } from "../../components/NumberInput";
import { numberRules, readNumber } from "../../numbers";
import dayjs, { type Dayjs } from "dayjs";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { Community } from "../../bindings/Community";
import { showFormError, type FieldMap } from "../../errors";
import { ipc } from "../../ipc";
import { useShop } from "../../queries";
import { FillBar } from "./FillBar";
import { useInvalidateCommunity, useMemberCounts } from "./queries";
import { todayIn } from "../../days";

// ECharts loads only when a chart is shown, keeping the first paint light.
const MemberChart = lazy(() => import("./MemberChart").then((m) => ({ default: m.MemberChart })));

type Values = { day: Dayjs; count: string };
const FIELDS: FieldMap = { date: "day", count: "count" };

export function MemberCounts({ community }: { community: Community }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const shop = useShop();
  const counts = useMemberCounts(community.id);
  const invalidate = useInvalidateCommunity();
  const [form] = Form.useForm<Values>();
  // The form's first day is read once, so it waits for the shop's zone: a
  // UTC guess would record yesterday's count in Shanghai after 16:00 UTC.
  const today = shop ? todayIn(shop.time_zone) : null;

  const record = useMutation({
    mutationFn: (v: Values) => ipc.recordMemberCount(community.id, v.day.format("YYYY-MM-DD"), readNumber(v.count) ?? 0),
    onSuccess: () => {
      invalidate(community.id);
      void message.success(t("detail.recorded"));
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });

  return (
    <Card title={t("detail.members")}>
      <Space direction="vertical" size={20} style={{ width: "100%" }}>
        <FillBar community={community} />
        {!community.archived_at && today && (
          <div>
            <Typography.Text strong>{t("detail.recordCount")}</Typography.Text>
            <Form<Values>
              form={form}
              layout="inline"
              style={{ marginTop: 8, rowGap: 8 }}
              initialValues={{ day: dayjs(today), count: community.members === null ? "" : String(community.members) }}
              onFinish={(v) => record.mutate(v)}
            >
              <Form.Item name="day" rules={[{ required: true }]}>
                <DatePicker
                  allowClear={false}
                  aria-label={t("detail.day")}
                  disabledDate={(d) => d.format("YYYY-MM-DD") > today}
                  data-testid="member-count-day"
                />
              </Form.Item>
              <Form.Item name="count" rules={numberRules(t, { min: 0, max: LIMITS.memberCountMax, required: t("detail.countRequired") })}>
                <NumberInput placeholder={t("detail.count")} aria-label={t("detail.count")} data-testid="member-count-input" style={{ width: 120 }} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="member-count-save">
                  {t("detail.record")}
                </Button>
              </Form.Item>
            </Form>
          </div>
        )}
        {counts.data && counts.data.length > 0 ? (
          <Suspense fallback={<div style={{ height: 220 }} />}>
            <MemberChart counts={counts.data} capacity={community.capacity} capacityLabel={t("detail.capacityLine")} />
          </Suspense>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.chartEmpty")} />
        )}
      </Space>
    </Card>
  );
}
