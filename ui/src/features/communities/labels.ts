// Fixed orders and colours for the method's enumerations.
import type { Kind } from "../../bindings/Kind";
import type { Platform } from "../../bindings/Platform";
import type { Stage } from "../../bindings/Stage";

export const KINDS: Kind[] = ["high_frequency", "low_frequency", "niche"];
export const STAGES: Stage[] = ["drainage", "activation", "value_output", "realization"];
export const PLATFORMS: Platform[] = ["wechat_group", "wecom_group", "other"];

export const KIND_COLOR: Record<Kind, string> = {
  high_frequency: "green",
  low_frequency: "gold",
  niche: "purple",
};

/** A WeChat group stops admitting by QR scan at this many members. */
export const WECHAT_SCAN_LIMIT = 200;

export function scoreColor(score: number): string {
  if (score >= 75) return "#3f9a52";
  if (score >= 50) return "#d48806";
  return "#c8463c";
}
