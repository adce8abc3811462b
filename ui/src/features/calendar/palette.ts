// Each community keeps one colour wherever the calendar shows it: picked by its
// id from a fixed palette, so it never changes when another community is added.
// The whole shop (no community) is a neutral grey.

/** Distinct, calm colours that read well as a border and as a faint fill. */
export const PALETTE = ["#2f7d5b", "#2f6fd0", "#c2570c", "#b0306a", "#6d4bc4", "#0f8a8f", "#a3791a", "#5c7f1f", "#c0392b", "#4a5d8c"];
export const NEUTRAL = "#8c8c8c";

export function communityColor(id: number | null | undefined): string {
  if (id == null) return NEUTRAL;
  const n = PALETTE.length;
  return PALETTE[(((id - 1) % n) + n) % n];
}

/** The colour as a faint fill behind text. */
export function tint(color: string, alpha = 0.1): string {
  const hex = color.replace("#", "");
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
