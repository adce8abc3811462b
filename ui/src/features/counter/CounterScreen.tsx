// The counter: a full-window screen where a USB scanner (or the clerk) types a
// voucher code and Enter, and the answer shows at once, large and coloured. The
// code box takes the focus back after every answer and every click elsewhere, so
// a scan never types into nothing.
import { GiftOutlined, LogoutOutlined, RollbackOutlined, ScanOutlined, ShoppingCartOutlined, UserOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Empty, Input, type InputRef, List, Select, Tag, Tooltip, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Redemption } from "../../bindings/Redemption";
import { Logo } from "../../components/Logo";
import { ReasonDialog } from "../../components/ReasonDialog";
import { timeOnly } from "../../format";
import { readFen } from "../../numbers";
import { ipc, toErrorPayload } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { keys, useShop } from "../../queries";
import { useGifts } from "../gifts/queries";
import { useInvalidateVouchers } from "../vouchers/queries";
import { RecordSale } from "../purchases/RecordSale";
import { type Answer, AnswerPanel, type Shown, toneOf } from "./AnswerPanel";
import { normaliseCode } from "./codeText";
import { FriendCardDialog } from "./FriendCardDialog";

/** A friend card's referral code: 12 symbols (a voucher's has 20). */
const FRIEND_CODE_SYMBOLS = 12;

/** The backend takes back a redemption up to this long after it. */
export const UNDO_MS = 10 * 60 * 1000;
export const STAFF_KEY = "shopcircle.counter.staff";
const RECENT_MAX = 12;
const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";

/** "friend": a friend card taken, the friend welcomed. */
type Scan = { id: number; code: string; status: Answer["status"] | "friend"; at: Date };
type LastRedemption = { code: string; at: number };

/** A second read of the same card this soon is the scanner, not a second customer. */
const DOUBLE_SCAN_MS = 60_000;

const TAG_COLOR = { green: "success", amber: "warning", blue: "processing", red: "error" } as const;

function readStaff(): string {
  try {
    return localStorage.getItem(STAFF_KEY) ?? "";
  } catch {
    return "";
  }
}

function isField(el: Element | null): boolean {
  if (!el || el === document.body) return false;
  const tag = el.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (el as HTMLElement).isContentEditable;
}

/** A spend as typed in yuan ("58", "58.5", "¥58", "58元"), or null when it is not one. */
function parseSpend(s: string): number | null {
  const m = /^\s*¥?\s*(\d{1,7}(?:[.,]\d{1,2})?)\s*元?\s*$/.exec(s);
  return m ? readFen(m[1].replace(",", ".")) : null;
}

/** Text that was meant as an amount (digits, a point, ¥ or 元) rather than a scanned code. */
function looksLikeAmount(s: string): boolean {
  return /^[\s¥￥元\d.,，。-]+$/.test(s);
}

export function CounterScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const shop = useShop();
  const { go } = useNav();
  const invalidate = useInvalidateVouchers();
  const staffList = useQuery({ queryKey: keys.staff(false), queryFn: () => ipc.listStaff(false) });
  // A welcome gift running now is claimed here too: one button per campaign.
  const welcomeGifts = useQuery({ queryKey: ["campaigns", "claims", "running"], queryFn: () => ipc.runningDrainage() });
  const gifts = useGifts(true);

  const inputRef = useRef<InputRef>(null);
  const spendRef = useRef<InputRef>(null);
  const seq = useRef(0);
  const scanId = useRef(0);
  const [code, setCode] = useState("");
  const [staff, setStaffState] = useState(readStaff);
  const [shown, setShown] = useState<Shown | null>(null);
  const [spend, setSpend] = useState("");
  const [spendError, setSpendError] = useState<string | null>(null);
  const [recent, setRecent] = useState<Scan[]>([]);
  const [last, setLast] = useState<LastRedemption | null>(null);
  const [undoOpen, setUndoOpen] = useState(false);
  // The sale being recorded: after a redemption, with its voucher and the spend typed for it.
  const [sale, setSale] = useState<{ voucherCode?: string; spendCents?: number | null } | null>(null);
  const [redeemedSpend, setRedeemedSpend] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  // A friend card (12 symbols, not a voucher's 20) opens its own dialog.
  const [friendCode, setFriendCode] = useState<string | null>(null);
  const modalOpen = useRef(false);
  modalOpen.current = undoOpen || sale !== null || friendCode !== null;
  const openSale = (what: { voucherCode?: string; spendCents?: number | null }) => {
    // At once, not at the next render: the click that opens it would otherwise
    // hand the focus back to the code box, away from the amount.
    modalOpen.current = true;
    setSale(what);
  };

  const focusInput = useCallback(() => {
    if (!modalOpen.current) inputRef.current?.focus();
  }, []);

  const setStaff = (s: string) => {
    setStaffState(s);
    try {
      if (s) localStorage.setItem(STAFF_KEY, s);
      else localStorage.removeItem(STAFF_KEY);
    } catch {
      // A full or locked storage only loses the remembered name.
    }
    // After the select has closed and taken its own focus back.
    requestAnimationFrame(focusInput);
  };

  const record = (c: string, status: Scan["status"]) =>
    setRecent((r) => [{ id: ++scanId.current, code: c, status, at: new Date() }, ...r].slice(0, RECENT_MAX));

  const redeem = useMutation({
    mutationFn: (v: { code: string; spendCents: number | null; seq: number }) =>
      ipc.redeemVoucher({ code: v.code, staff, spend_cents: v.spendCents }),
    onSuccess: (r: Redemption, v) => {
      record(r.status === "mistyped" || r.status === "swapped" || r.status === "malformed" || r.status === "not_ours" ? v.code : r.voucher.code, r.status);
      if (r.status === "redeemed") {
        setRedeemedSpend(v.spendCents);
        setLast({ code: r.voucher.code, at: Date.now() });
        setNow(Date.now());
      }
      if (r.status === "redeemed" || r.status === "already_redeemed") invalidate();
      if (v.seq !== seq.current) return;
      const justHere =
        r.status === "already_redeemed" && last?.code === r.voucher.code && Date.now() - last.at < DOUBLE_SCAN_MS;
      setShown({ answer: justHere ? { ...r, justHere } : r, code: v.code });
      setSpend("");
      if (r.status === "below_minimum") {
        requestAnimationFrame(() => spendRef.current?.focus());
      } else {
        focusInput();
      }
    },
    onError: (e, v) => {
      record(v.code, "error");
      if (v.seq !== seq.current) return;
      setShown({ answer: { status: "error", message: toErrorPayload(e).message }, code: v.code });
      focusInput();
    },
  });

  const submit = (text: string, spendCents: number | null = null) => {
    if (!text.trim()) return;
    if (normaliseCode(text).length === FRIEND_CODE_SYMBOLS && spendCents === null) {
      modalOpen.current = true;
      setFriendCode(text.trim());
      setCode("");
      return;
    }
    seq.current += 1;
    redeem.mutate({ code: text.trim(), spendCents, seq: seq.current });
    setCode("");
    if (spendCents === null) focusInput();
  };

  const submitSpend = () => {
    if (!shown || shown.answer.status !== "below_minimum") return;
    const cents = parseSpend(spend);
    if (cents === null) {
      // An amount mistyped stays in the box with a message; anything else is
      // most likely the next voucher, scanned while this box had the focus.
      if (looksLikeAmount(spend)) {
        setSpendError(t("numbers.notAmount"));
        return;
      }
      if (spend.trim()) submit(spend);
      setSpend("");
      focusInput();
      return;
    }
    submit(shown.code, cents);
    focusInput();
  };

  const undo = useMutation({
    mutationFn: (v: { code: string; reason: string }) => ipc.undoRedemption(v.code, v.reason, staff),
    onSuccess: (u) => {
      record(u.voucher.code, "undone");
      setShown({ answer: { status: "undone", undone: u }, code: u.voucher.code });
      setLast(null);
      setUndoOpen(false);
      invalidate();
    },
  });

  // Closing the undo dialog, whichever way, hands the focus back to the code box.
  useEffect(() => {
    if (!undoOpen) requestAnimationFrame(focusInput);
  }, [undoOpen, focusInput]);

  // The undo button turns off once the last redemption is older than the backend allows.
  useEffect(() => {
    if (!last) return;
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, [last]);
  const canUndo = last !== null && now - last.at < UNDO_MS;

  // Keys typed while nothing (or a button) has the focus go to the code box;
  // coming back to the window puts the focus there too.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (modalOpen.current || isField(document.activeElement)) return;
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) inputRef.current?.focus();
    };
    const onFocus = () => {
      if (!isField(document.activeElement)) focusInput();
    };
    document.addEventListener("keydown", onKey, true);
    window.addEventListener("focus", onFocus);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      window.removeEventListener("focus", onFocus);
    };
  }, [focusInput]);

  const lowStockAt = (() => {
    const a = shown?.answer;
    if (a?.status !== "redeemed" || a.voucher.benefit.kind !== "gift") return null;
    const id = a.voucher.benefit.gift_id;
    return gifts.data?.find((g) => g.id === id)?.low_stock_at ?? null;
  })();

  const staffOptions = [...new Set([...(staffList.data ?? []).map((s) => s.display_name), ...(staff ? [staff] : [])])].map((n) => ({ value: n, label: n }));

  return (
    <div
      data-testid="counter"
      onClick={() => {
        if (!modalOpen.current && !isField(document.activeElement)) focusInput();
      }}
      style={{ minHeight: "100vh", background: "#f5f6f2", display: "flex", flexDirection: "column" }}
    >
      <header style={{ display: "flex", alignItems: "center", gap: 16, padding: "12px 28px", background: "#fff", borderBottom: "1px solid #eceee8", flexWrap: "wrap" }}>
        <Logo size={28} />
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>{t("counter.title")}</Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{shop?.name}</Typography.Text>
        </div>
        <div style={{ flex: 1 }} />
        <Button icon={<ShoppingCartOutlined />} onClick={() => openSale({})} data-testid="counter-new-sale">
          {t("purchases.record")}
        </Button>
        {(welcomeGifts.data ?? []).map((w) => (
          <Button key={w.campaign_id} icon={<GiftOutlined />} onClick={() => go({ page: "drainageClaims", id: w.campaign_id })} data-testid={`counter-welcome-${w.campaign_id}`}>
            {t("counter.welcomeGift", { gift: w.reward_name })}
          </Button>
        ))}
        <label style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
          <UserOutlined style={{ color: "rgba(0,0,0,0.45)" }} />
          <Typography.Text type="secondary">{t("counter.staff")}</Typography.Text>
          <Select
            data-testid="counter-staff"
            value={staff || undefined}
            onChange={(v: string | undefined) => setStaff(v ?? "")}
            allowClear
            showSearch
            placeholder={t("counter.staffPlaceholder")}
            options={staffOptions}
            style={{ width: 220 }}
            notFoundContent={t("counter.noStaff")}
          />
        </label>
        <Button icon={<LogoutOutlined />} onClick={() => go({ page: "vouchers" })} data-testid="counter-exit">
          {t("counter.exit")}
        </Button>
      </header>

      <main style={{ flex: 1, width: "100%", maxWidth: 1040, margin: "0 auto", padding: "28px 28px 40px", display: "grid", gap: 24, alignContent: "start" }}>
        <div>
          <div style={{ display: "flex", gap: 12 }}>
            <Input
              ref={inputRef}
              autoFocus
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onPressEnter={(e) => {
                if (e.nativeEvent.isComposing) return;
                submit(code);
              }}
              prefix={<ScanOutlined style={{ fontSize: 30, color: "#2f7d5b", marginInlineEnd: 8 }} />}
              placeholder={t("counter.placeholder")}
              aria-label={t("counter.inputLabel")}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              data-testid="counter-input"
              className="sc-counter-input"
              style={{ height: 76, borderRadius: 12, borderWidth: 2 }}
              styles={{ input: { fontFamily: MONO, fontSize: 34, letterSpacing: 2 } }}
            />
            <Button type="primary" size="large" style={{ height: 76, paddingInline: 28, fontSize: 20, borderRadius: 12 }} loading={redeem.isPending} onClick={() => submit(code)} data-testid="counter-submit">
              {t("counter.check")}
            </Button>
          </div>
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 8, fontSize: 15 }}>
            {t("counter.hint")}
          </Typography.Text>
        </div>

        {shown ? (
          <AnswerPanel
            shown={shown}
            lowStockAt={lowStockAt}
            spend={spend}
            onSpendChange={(s) => {
              setSpend(s);
              setSpendError(null);
            }}
            spendError={spendError}
            onSpendEnter={submitSpend}
            spendRef={spendRef}
            stale={redeem.isPending}
            onRecordSale={
              shown.answer.status === "redeemed" ? () => openSale({ voucherCode: shown.answer.status === "redeemed" ? shown.answer.voucher.code : undefined, spendCents: redeemedSpend }) : undefined
            }
            onFix={() => {
              setCode(shown.code);
              requestAnimationFrame(() => inputRef.current?.focus({ cursor: "end" }));
            }}
          />
        ) : (
          <div style={{ border: "3px dashed #d7dbd2", borderRadius: 16, padding: "36px 28px", textAlign: "center", color: "rgba(0,0,0,0.65)", fontSize: 22 }} data-testid="counter-idle">
            <ScanOutlined style={{ fontSize: 44, display: "block", marginBottom: 10 }} />
            {t("counter.idle")}
          </div>
        )}

        <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", gap: 24, alignItems: "start" }}>
          <div style={{ background: "#fff", borderRadius: 12, border: "1px solid #eceee8", padding: "12px 16px" }}>
            <Typography.Text strong>{t("counter.recent")}</Typography.Text>
            {recent.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("counter.recentEmpty")} style={{ margin: "8px 0" }} />
            ) : (
              <List
                size="small"
                // Scrolls inside its box, so a long shift never pushes the code box off the screen.
                style={{ maxHeight: 5 * 38, overflowY: "auto" }}
                data-testid="counter-recent"
                dataSource={recent}
                renderItem={(s) => (
                  <List.Item style={{ paddingInline: 0 }} data-testid="counter-recent-item">
                    <Typography.Text type="secondary" style={{ width: 70, flex: "none" }}>{timeOnly(s.at, lang, shop?.time_zone)}</Typography.Text>
                    <Typography.Text style={{ fontFamily: MONO, flex: 1, minWidth: 0 }} ellipsis>{s.code}</Typography.Text>
                    <Tag color={TAG_COLOR[toneOf(s.status)]} style={{ marginInlineEnd: 0 }}>{t(`counter.short.${s.status}`)}</Tag>
                  </List.Item>
                )}
              />
            )}
          </div>
          <div style={{ display: "grid", gap: 6, justifyItems: "end", maxWidth: 260 }}>
            <Tooltip title={canUndo ? undefined : t("counter.undoHint")}>
              <Button size="large" icon={<RollbackOutlined />} disabled={!canUndo} onClick={() => setUndoOpen(true)} data-testid="counter-undo">
                {t("counter.undo")}
              </Button>
            </Tooltip>
            {canUndo && last && (
              <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: MONO }}>{last.code}</Typography.Text>
            )}
          </div>
        </div>
      </main>

      <RecordSale
        open={sale !== null}
        voucherCode={sale?.voucherCode}
        spendCents={sale?.spendCents}
        staff={staff}
        onClose={() => {
          setSale(null);
          requestAnimationFrame(focusInput);
        }}
        onRecorded={() => {
          setSale(null);
          requestAnimationFrame(focusInput);
        }}
      />
      <FriendCardDialog
        code={friendCode}
        staff={staff}
        onClose={() => {
          setFriendCode(null);
          requestAnimationFrame(focusInput);
        }}
        onWelcomed={() => record(friendCode ?? "", "friend")}
        onRecordSale={(voucherCode) => {
          setFriendCode(null);
          openSale({ voucherCode });
        }}
      />
      <ReasonDialog
        open={undoOpen}
        title={t("counter.undoTitle")}
        description={last ? t("counter.undoWhat", { code: last.code }) : undefined}
        okText={t("counter.undoConfirm")}
        placeholder={t("counter.undoPlaceholder")}
        testId="counter-undo"
        loading={undo.isPending}
        error={undo.error ? toErrorPayload(undo.error).message : null}
        onConfirm={(reason) => last && undo.mutate({ code: last.code, reason })}
        onCancel={() => {
          setUndoOpen(false);
          undo.reset();
        }}
        afterClose={() => inputRef.current?.focus()}
      />
    </div>
  );
}
