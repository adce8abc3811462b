// The flash sale's evening: the owner records buyers in the order they replied
// in the group, watches what is left count down, copies the "N left" and the
// sold-out posts, and reads each buyer their pickup code. Undo takes back the
// last buyer.
import { ArrowLeftOutlined, CopyOutlined, UndoOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Popconfirm, Progress, Segmented, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Console } from "../../bindings/Console";
import type { Recorded } from "../../bindings/Recorded";
import { PageHeader } from "../../components/PageHeader";
import { showError, toMessage } from "../../errors";
import { day as dayText, money, timeOnly } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { keys } from "../../queries";
import { ConsoleBuyers } from "./ConsoleBuyers";
import { ConsoleEntry } from "./ConsoleEntry";

export function SpikeConsole({ id }: { id: number }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [last, setLast] = useState<Recorded | null>(null);
  const console = useQuery({ queryKey: keys.spikeConsole(id, sessionId), queryFn: () => ipc.spikeConsole(id, sessionId) });

  const show = (c: Console) => {
    client.setQueryData(keys.spikeConsole(id, sessionId), c);
    // The voucher figures and the campaign list move with it.
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "campaigns" || q.queryKey[1] !== "console" });
  };
  const undo = useMutation({
    mutationFn: (session: number) => ipc.undoSpikeBuyer(session),
    onSuccess: (c) => {
      setLast(null);
      show(c);
      void message.success(t("spikeConsole.undone"));
    },
    onError: (e) => showError(e, message),
  });

  if (console.isError) {
    return <Alert type="error" showIcon message={toMessage(console.error)} action={<Button onClick={() => void console.refetch()}>{t("app.retry")}</Button>} />;
  }
  if (!console.data) return <Skeleton active />;
  const c = console.data;
  const s = c.session;
  const copy = (text: string) => void navigator.clipboard.writeText(text).then(() => message.success(t("wizard.copied")));
  const post = c.sold_out_post ?? c.left_post;

  return (
    <div className="sc-page">
      <PageHeader
        title={c.name}
        titleTestId="console-title"
        description={t("spikeConsole.terms", { product: c.product, price: money(c.price_cents), quantity: c.quantity, limit: c.per_customer })}
        actions={
          <Button icon={<ArrowLeftOutlined />} onClick={() => go({ page: "campaigns" })}>
            {t("spikeConsole.back")}
          </Button>
        }
      />
      {c.cancelled && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t("spikeConsole.cancelled")} />}
      {c.sessions.length > 1 && (
        <Segmented<number>
          aria-label={t("spikeConsole.session")}
          style={{ marginBottom: 16, maxWidth: "100%", overflowX: "auto" }}
          value={s.id}
          onChange={(v) => {
            setLast(null);
            setSessionId(v);
          }}
          options={c.sessions.map((x) => ({ value: x.id, label: <span data-testid={`console-session-${x.day}`}>{dayText(x.day, lang)}</span> }))}
        />
      )}
      <div style={{ display: "grid", gridTemplateColumns: "minmax(260px, 1fr) minmax(320px, 2fr)", gap: 16, alignItems: "start" }}>
        <Space direction="vertical" size={16} style={{ width: "100%" }}>
          <Card size="small" title={t("spikeConsole.when", { day: dayText(s.day, lang), from: timeOnly(s.starts_at, lang), to: timeOnly(s.ends_at, lang) })}>
            <div style={{ fontSize: 40, fontWeight: 700, lineHeight: 1.1 }} data-testid="console-left" data-left={s.left}>
              {t("spikeConsole.left", { count: s.left })}
            </div>
            <Progress
              percent={Math.round((s.sold * 100) / Math.max(c.quantity, 1))}
              aria-label={t("spikeConsole.soldOf", { sold: s.sold, quantity: c.quantity })}
              status={s.left === 0 ? "success" : "normal"}
              showInfo={false}
            />
            <Typography.Text type="secondary">{t("spikeConsole.soldOf", { sold: s.sold, quantity: c.quantity })}</Typography.Text>
          </Card>
          <Card
            size="small"
            title={c.sold_out_post ? t("spikeConsole.soldOutPost") : t("spikeConsole.leftPost")}
            extra={
              <Button size="small" icon={<CopyOutlined />} onClick={() => copy(post)} data-testid="console-copy-post">
                {t("wizard.copy")}
              </Button>
            }
          >
            <div className="sc-pre" data-testid="console-post">{post}</div>
          </Card>
        </Space>
        <Space direction="vertical" size={16} style={{ width: "100%" }}>
          {!c.cancelled && (
            <ConsoleEntry
              sessionId={s.id}
              soldOut={s.left <= 0}
              onRecorded={(r) => {
                setLast(r);
                show(r.console);
              }}
            />
          )}
          {last && <LastResult recorded={last} />}
          <Card
            size="small"
            title={t("spikeConsole.buyers", { count: c.orders.length })}
            extra={
              c.orders.length > 0 &&
              !c.cancelled && (
                <Popconfirm title={t("spikeConsole.undoConfirm", { buyer: c.orders[c.orders.length - 1].buyer })} onConfirm={() => undo.mutate(s.id)}>
                  <Button size="small" icon={<UndoOutlined />} loading={undo.isPending} data-testid="console-undo">
                    {t("spikeConsole.undo")}
                  </Button>
                </Popconfirm>
              )
            }
          >
            <ConsoleBuyers orders={c.orders} />
          </Card>
        </Space>
      </div>
    </div>
  );
}

/** What the last recording did: who was added, who was turned away and why, and the lines it could not read. */
function LastResult({ recorded }: { recorded: Recorded }) {
  const { t } = useTranslation();
  const added = recorded.added.length;
  return (
    <Space direction="vertical" size={8} style={{ width: "100%" }} data-testid="console-result">
      {(added > 0 || recorded.already > 0) && (
        <Alert type="success" showIcon message={t("spikeConsole.added", { count: added }) + (recorded.already > 0 ? " " + t("spikeConsole.already", { count: recorded.already }) : "")} />
      )}
      {recorded.turned_away.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t("spikeConsole.turnedAway", { count: recorded.turned_away.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="console-turned-away">
              {recorded.turned_away.map((x, i) => (
                <li key={i}>
                  {x.line != null && t("spikeConsole.line", { line: x.line })}
                  <strong>{x.buyer}</strong>: {x.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {recorded.unreadable.length > 0 && (
        <Alert
          type="info"
          showIcon
          message={t("spikeConsole.unreadable", { count: recorded.unreadable.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="console-unreadable">
              {recorded.unreadable.map((u) => (
                <li key={u.line}>
                  {t("spikeConsole.line", { line: u.line })}
                  <q>{u.text}</q> — {u.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
