// Numbers as the owner types them. A number box holds the text exactly as typed;
// its rules refuse what is not a number or out of range, with a message at the
// field, and only a valid entry is read into a number on save. Nothing is
// clamped, rounded or dropped on the way (antd's InputNumber does all three).
import type { Rule } from "antd/es/form";
import type { TFunction } from "i18next";

export type NumberSpec = {
  min: number;
  max: number;
  /** Decimal places allowed: 0 for counts, 2 for money in yuan. */
  decimals?: 0 | 2;
  /** The message when the box is left empty; absent means empty is allowed. */
  required?: string;
};

const FULL_WIDTH = /[０-９．－]/g;

/** Full-width digits (as a Chinese keyboard may type them) read as ASCII. */
function ascii(text: string): string {
  return text.trim().replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

type Reading = { kind: "empty" } | { kind: "number"; value: number; places: number } | { kind: "bad" };

function read(text: string | number | null | undefined): Reading {
  if (text === null || text === undefined) return { kind: "empty" };
  const s = ascii(String(text));
  if (s === "") return { kind: "empty" };
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return { kind: "bad" };
  return { kind: "number", value: Number(s), places: (m[3] ?? "").length };
}

/** The box's text as a number, or null when empty (call after the rules passed). */
export function readNumber(text: string | number | null | undefined): number | null {
  const r = read(text);
  return r.kind === "number" ? r.value : null;
}

/** Typed yuan ("12.5") as fen (1250), in whole numbers so no float creeps in. */
export function readFen(text: string | number | null | undefined): number | null {
  const r = read(text);
  if (r.kind !== "number") return null;
  const [whole, frac = ""] = ascii(String(text)).replace("-", "").split(".");
  const fen = Number(whole) * 100 + Number((frac + "00").slice(0, 2));
  return ascii(String(text)).startsWith("-") ? -fen : fen;
}

/** Fen as the text a money box starts with: 1250 → "12.50". */
export function fenText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return "";
  const abs = Math.abs(fen);
  return `${fen < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function shown(n: number, decimals: number): string {
  return decimals === 2 ? fenText(Math.round(n * 100)) : String(n);
}

/** The rules of a number box, every message in the owner's language. */
export function numberRules(t: TFunction, spec: NumberSpec): Rule[] {
  const decimals = spec.decimals ?? 0;
  return [
    {
      validator: async (_, value: string | number | null | undefined) => {
        const r = read(value);
        if (r.kind === "empty") {
          if (spec.required) throw new Error(spec.required);
          return;
        }
        if (r.kind === "bad") throw new Error(t(decimals ? "numbers.notAmount" : "numbers.notNumber"));
        if (r.places > decimals) throw new Error(t(decimals ? "numbers.tooManyDecimals" : "numbers.whole"));
        if (r.value < spec.min || r.value > spec.max) {
          throw new Error(t("numbers.range", { min: shown(spec.min, decimals), max: shown(spec.max, decimals) }));
        }
      },
    },
  ];
}
