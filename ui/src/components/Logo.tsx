// The ShopCircle mark: a leaf inside a circle, drawn inline (no remote images).
import { BRAND } from "../theme";

export function Logo({ size = 32, light = false, withName = false }: { size?: number; light?: boolean; withName?: boolean }) {
  const fg = light ? "#fff" : BRAND;
  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 10 }}>
      <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true">
        <circle cx="24" cy="24" r="21" fill="none" stroke={fg} strokeWidth="3.5" />
        <path d="M15 31c0-10 7-16 18-17-1 11-7 18-17 18" fill={fg} opacity="0.9" />
        <path d="M16 32c4-5 8-9 13-12" stroke={light ? BRAND : "#fff"} strokeWidth="2" fill="none" strokeLinecap="round" />
      </svg>
      {withName && <span style={{ fontWeight: 600, fontSize: 18, color: light ? "#fff" : "#1f2d27" }}>ShopCircle</span>}
    </span>
  );
}
