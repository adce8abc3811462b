// The counter's answer: large, coloured and unmistakable from across the counter.
// Green: hand it over. Amber: do not (already used, not valid now, needs a spend).
// Blue: a typo to check. Red: not this shop's voucher.
import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  EditFilled,
  ExclamationCircleFilled,
  QuestionCircleFilled,
  RollbackOutlined,
  ShoppingCartOutlined,
  StopFilled,
  WarningFilled,
} from "@ant-design/icons";
import { Button, Input, type InputRef, Typography } from "antd";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import type { Redemption } from "../../bindings/Redemption";
import type { Undone } from "../../bindings/Undone";
import type { VoucherInfo } from "../../bindings/VoucherInfo";
import { dateTime, day, money } from "../../format";
import { useLang } from "../../lang";
import { useShop } from "../../queries";
import { handOverText, zhe } from "../vouchers/queries";
import { groupedChars } from "./codeText";

/** `justHere` when this counter redeemed the code a moment ago: a scanner read the card twice. */
type AlreadyRedeemed = Extract<Redemption, { status: "already_redeemed" }> & { justHere?: boolean };

export type Answer =
  | Exclude<Redemption, { status: "already_redeemed" }>
  | AlreadyRedeemed
  | { status: "error"; message: string }
  | { status: "undone"; undone: Undone };

export type Shown = { answer: Answer; code: string };

type Tone = "green" | "amber" | "blue" | "red";

const TONES: Record<Tone, { bg: string; border: string; text: string }> = {
  green: { bg: "#eaf7ec", border: "#3f9a52", text: "#1d6a30" },
  amber: { bg: "#fff5e0", border: "#d48806", text: "#7a4500" },
  blue: { bg: "#e8f2ff", border: "#2f6fd6", text: "#123f8c" },
  red: { bg: "#fdecea", border: "#c8463c", text: "#8f1d16" },
};

export function toneOf(status: Answer["status"] | "friend"): Tone {
  switch (status) {
    case "redeemed":
    case "friend":
      return "green";
    case "already_redeemed":
    case "not_yet_valid":
    case "expired":
    case "voided":
    case "below_minimum":
      return "amber";
    case "mistyped":
    case "swapped":
    case "malformed":
    case "undone":
      return "blue";
    case "not_ours":
    case "error":
      return "red";
  }
}

const ICONS: Record<Answer["status"], React.ReactNode> = {
  redeemed: <CheckCircleFilled />,
  already_redeemed: <ExclamationCircleFilled />,
  not_yet_valid: <ClockCircleFilled />,
  expired: <ClockCircleFilled />,
  voided: <StopFilled />,
  below_minimum: <ExclamationCircleFilled />,
  mistyped: <EditFilled />,
  swapped: <EditFilled />,
  malformed: <QuestionCircleFilled />,
  not_ours: <CloseCircleFilled />,
  error: <WarningFilled />,
  undone: <RollbackOutlined />,
};

/** The typed code, its characters grouped by four, the suspect ones marked. */
function TypedCode({ code, marked }: { code: string; marked: number[] }) {
  return (
    <div style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: 30, letterSpacing: 2, display: "flex", gap: 14, flexWrap: "wrap" }} data-testid="counter-typed">
      {groupedChars(code).map((g, i) => (
        <span key={i}>
          {g.map((c) =>
            marked.includes(c.position) ? (
              <mark key={c.position} data-testid="counter-typo-char" style={{ background: "#ffd666", color: "#000", borderRadius: 4, padding: "0 2px", outline: "2px solid #d48806" }}>
                {c.ch}
              </mark>
            ) : (
              <span key={c.position}>{c.ch}</span>
            ),
          )}
        </span>
      ))}
    </div>
  );
}

type Props = {
  shown: Shown;
  /** The gift's warning level, to say "restock soon" after a gift is handed over. */
  lowStockAt: number | null;
  spend: string;
  onSpendChange: (s: string) => void;
  /** Why the typed spend was not taken; shown under the box. */
  spendError?: string | null;
  onSpendEnter: () => void;
  spendRef: Ref<InputRef>;
  onFix: () => void;
  /** The next code is being checked: this answer is about to be replaced. */
  stale?: boolean;
  /** Offered after a redemption: record the sale the voucher went with. */
  onRecordSale?: () => void;
};

export function AnswerPanel({ shown, lowStockAt, spend, onSpendChange, spendError, onSpendEnter, spendRef, onFix, stale, onRecordSale }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const { answer } = shown;
  const tone = TONES[toneOf(answer.status)];
  const when = (s: string) => dateTime(s, lang, zone);

  let title: string;
  const lines: React.ReactNode[] = [];
  let voucher: VoucherInfo | null = "voucher" in answer ? answer.voucher : null;
  let extra: React.ReactNode = null;

  switch (answer.status) {
    case "redeemed": {
      const v = answer.voucher;
      title = t("counter.redeemed.title");
      const b = v.benefit;
      extra = (
        <div style={{ fontSize: 34, fontWeight: 700, lineHeight: 1.25, margin: "6px 0 4px" }} data-testid="counter-hand-over">
          {b.kind === "gift"
            ? t("counter.redeemed.gift", { name: b.gift_name })
            : b.kind === "amount_off"
              ? t("counter.redeemed.amountOff", { amount: money(b.cents) })
              : b.kind === "pickup"
                ? t("counter.redeemed.pickup", { name: b.product_name, amount: money(b.price_cents) })
                : b.kind === "package"
                  ? t("counter.redeemed.package", { items: b.items, amount: money(b.price_cents ?? 0) })
                  : t("counter.redeemed.percentOff", { percent: b.percent, zhe: zhe(b.percent) })}
        </div>
      );
      if (v.holder_name) {
        lines.push(
          <strong key="holder">
            {b.kind === "package" ? t("counter.redeemed.forAddress", { address: v.holder_name }) : t("counter.redeemed.holder", { name: v.holder_name })}
          </strong>,
        );
      }
      if (answer.stock_left != null) {
        const n = answer.stock_left;
        if (n <= 0) {
          lines.push(<span key="stock" data-testid="counter-stock" style={{ color: "#a8071a", fontWeight: 600 }}><WarningFilled /> {t("counter.redeemed.stockOut", { count: n })}</span>);
        } else if (lowStockAt != null && n <= lowStockAt) {
          lines.push(<span key="stock" data-testid="counter-stock" style={{ color: "#ad6800", fontWeight: 600 }}><WarningFilled /> {t("counter.redeemed.stockLow", { count: n })}</span>);
        } else {
          lines.push(<span key="stock" data-testid="counter-stock">{t("counter.redeemed.stockLeft", { count: n })}</span>);
        }
      }
      if (onRecordSale) {
        lines.push(
          <Button key="sale" icon={<ShoppingCartOutlined />} onClick={onRecordSale} style={{ marginTop: 6 }} data-testid="counter-record-sale">
            {t("purchases.recordSale")}
          </Button>,
        );
      }
      break;
    }
    case "already_redeemed":
      title = t("counter.already.title");
      lines.push(
        <strong key="when">
          {answer.redeemed_by
            ? t("counter.already.byStaff", { date: when(answer.redeemed_at), staff: answer.redeemed_by })
            : t("counter.already.on", { date: when(answer.redeemed_at) })}
        </strong>,
        answer.justHere ? (
          // Said so the clerk neither refuses a gift nor hands over two.
          <span key="here" data-testid="counter-just-here">{t("counter.already.justHere")}</span>
        ) : (
          <span key="dont">{t("counter.already.dont")}</span>
        ),
      );
      break;
    case "not_yet_valid":
      title = t("counter.notYetValid.title");
      lines.push(<strong key="from">{t("counter.notYetValid.from", { date: day(answer.voucher.valid_from, lang) })}</strong>);
      break;
    case "expired":
      title = t("counter.expired.title");
      lines.push(<strong key="until">{t("counter.expired.until", { date: day(answer.voucher.valid_until, lang) })}</strong>);
      break;
    case "voided":
      title = t("counter.voided.title");
      lines.push(<strong key="on">{t("counter.voided.on", { date: when(answer.voided_at), reason: answer.reason })}</strong>);
      break;
    case "below_minimum": {
      const min = answer.voucher.min_spend_cents ?? 0;
      title = t("counter.belowMinimum.title", { amount: money(min) });
      if (answer.spend_cents != null) lines.push(<strong key="spent">{t("counter.belowMinimum.spent", { spent: money(answer.spend_cents), amount: money(min) })}</strong>);
      lines.push(<span key="ask">{t("counter.belowMinimum.ask")}</span>);
      extra = (
        <div style={{ display: "flex", gap: 12, alignItems: "center", marginTop: 12, flexWrap: "wrap" }}>
          <Input
            ref={spendRef}
            size="large"
            prefix="¥"
            inputMode="decimal"
            value={spend}
            onChange={(e) => onSpendChange(e.target.value)}
            onPressEnter={(e) => !e.nativeEvent.isComposing && onSpendEnter()}
            placeholder={t("counter.belowMinimum.spend")}
            aria-label={t("counter.belowMinimum.spend")}
            status={spendError ? "error" : undefined}
            aria-invalid={spendError ? true : undefined}
            aria-describedby={spendError ? "counter-spend-error" : undefined}
            style={{ width: 220 }}
            styles={{ input: { fontSize: 24 } }}
            data-testid="counter-spend"
          />
          <Button size="large" type="primary" onClick={onSpendEnter} data-testid="counter-spend-submit">
            {t("counter.belowMinimum.redeem")}
          </Button>
          {spendError && (
            <Typography.Text type="danger" id="counter-spend-error" role="alert" style={{ flexBasis: "100%" }} data-testid="counter-spend-error">
              {spendError}
            </Typography.Text>
          )}
        </div>
      );
      break;
    }
    case "mistyped":
      title = t("counter.mistyped.title", { position: answer.position });
      lines.push(<span key="check">{t("counter.mistyped.check")}</span>);
      break;
    case "swapped":
      title = t("counter.swapped.title", { position: answer.position, next: answer.position + 1 });
      lines.push(<span key="check">{t("counter.mistyped.check")}</span>);
      break;
    case "malformed":
      title = t("counter.malformed.title");
      lines.push(<strong key="msg">{answer.message}</strong>);
      break;
    case "not_ours":
      title = t("counter.notOurs.title");
      lines.push(<strong key="msg">{t("counter.notOurs.detail")}</strong>);
      lines.push(<span key="dont">{t("counter.notOurs.dont")}</span>);
      break;
    case "error":
      title = t("counter.error.title");
      lines.push(<strong key="msg">{answer.message}</strong>);
      break;
    case "undone": {
      voucher = answer.undone.voucher;
      title = t("counter.undone.title");
      lines.push(<strong key="what">{t("counter.undone.detail", { what: handOverText(t, voucher.benefit) })}</strong>);
      if (answer.undone.stock_left != null) lines.push(<span key="stock">{t("counter.redeemed.stockLeft", { count: answer.undone.stock_left })}</span>);
      break;
    }
  }

  const typo = answer.status === "mistyped" ? [answer.position] : answer.status === "swapped" ? [answer.position, answer.position + 1] : null;

  return (
    <div
      data-testid="counter-answer"
      data-status={answer.status}
      role="status"
      aria-live="assertive"
      style={{
        background: tone.bg,
        border: `3px solid ${tone.border}`,
        borderRadius: 16,
        padding: "24px 28px",
        color: tone.text,
        opacity: stale ? 0.4 : 1,
        transition: "opacity 0.1s",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 18 }}>
        <span style={{ fontSize: 56, lineHeight: 1, color: tone.border, flex: "none" }} aria-hidden>
          {ICONS[answer.status]}
        </span>
        <div style={{ fontSize: 44, fontWeight: 800, lineHeight: 1.15 }} data-testid="counter-headline">
          {title}
        </div>
      </div>
      <div style={{ marginInlineStart: 74, marginTop: 8 }}>
        {extra && answer.status === "redeemed" && extra}
        <div style={{ fontSize: 22, lineHeight: 1.5, display: "grid", gap: 2 }} data-testid="counter-detail">
          {lines}
        </div>
        {extra && answer.status !== "redeemed" && extra}
        {typo && (
          <div style={{ marginTop: 14 }}>
            <TypedCode code={shown.code} marked={typo} />
            <Button style={{ marginTop: 10 }} icon={<EditFilled />} onClick={onFix} data-testid="counter-fix">
              {t("counter.fix")}
            </Button>
          </div>
        )}
        {voucher && (
          <Typography.Text style={{ display: "block", marginTop: 12, color: tone.text, opacity: 0.75, fontSize: 14 }}>
            <span style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" }} data-testid="counter-code">{voucher.code}</span>
            {" · "}
            {voucher.batch_name}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
