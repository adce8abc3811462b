// The four poster templates as cards to pick from, each with what it is for.
import { Card, Typography } from "antd";
import { useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { PosterTemplate } from "../../bindings/PosterTemplate";
import { TEMPLATES } from "./queries";

/** A tiny drawing of each template's paper and where the code sits. */
export function Thumb({ template, colour }: { template: PosterTemplate; colour: string }) {
  switch (template) {
    case "table_tent":
      return (
        <svg viewBox="0 0 42 30" width="42" height="30" aria-hidden>
          <rect width="42" height="30" fill="#fff" stroke="#ccc" />
          <line x1="0" y1="15" x2="42" y2="15" stroke="#999" strokeDasharray="2 2" />
          <rect x="28" y="3" width="10" height="10" fill="#222" />
          <rect x="4" y="17" width="10" height="10" fill="#222" />
          <rect x="17" y="20" width="20" height="3" fill={colour} />
          <rect x="5" y="7" width="20" height="3" fill={colour} />
        </svg>
      );
    case "stickers":
      return (
        <svg viewBox="0 0 30 42" width="30" height="42" aria-hidden>
          <rect width="30" height="42" fill="#fff" stroke="#ccc" />
          {[0, 1, 2].flatMap((c) => [0, 1, 2, 3].map((r) => <rect key={`${c}${r}`} x={2 + c * 9.3} y={2 + r * 10} width="7" height="7" fill="#222" />))}
        </svg>
      );
    default: {
      const big = template === "window";
      return (
        <svg viewBox="0 0 30 42" width={big ? 36 : 30} height={big ? 50 : 42} aria-hidden>
          <rect width="30" height="42" fill="#fff" stroke="#ccc" />
          <rect width="30" height="11" fill={colour} />
          <rect x="8" y="15" width="14" height="14" fill="#222" />
          <rect x="7" y="32" width="16" height="3" rx="1.5" fill={colour} opacity="0.35" />
        </svg>
      );
    }
  }
}

/** The four templates as one radio group: Tab reaches the chosen one, the
 *  arrow keys move the choice (as a native radio group does), Space picks. */
export function TemplatePicker({ value, onChange, colour }: { value?: PosterTemplate; onChange?: (t: PosterTemplate) => void; colour: string }) {
  const { t } = useTranslation();
  const cards = useRef<(HTMLDivElement | null)[]>([]);
  const focusable = value && TEMPLATES.includes(value) ? value : TEMPLATES[0];
  const onKey = (e: KeyboardEvent<HTMLDivElement>, i: number) => {
    const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 0;
    if (step !== 0) {
      e.preventDefault();
      const next = (i + step + TEMPLATES.length) % TEMPLATES.length;
      onChange?.(TEMPLATES[next]);
      cards.current[next]?.focus();
    } else if (e.key === " " || e.key === "Enter") {
      e.preventDefault();
      onChange?.(TEMPLATES[i]);
    }
  };
  return (
    <div role="radiogroup" aria-label={t("posters.template")} style={{ display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: 8 }}>
      {TEMPLATES.map((tpl, i) => {
        const selected = tpl === value;
        return (
          <Card
            key={tpl}
            ref={(el) => {
              cards.current[i] = el;
            }}
            size="small"
            hoverable
            role="radio"
            aria-checked={selected}
            tabIndex={tpl === focusable ? 0 : -1}
            data-testid={`poster-template-${tpl}`}
            onClick={() => onChange?.(tpl)}
            onKeyDown={(e) => onKey(e, i)}
            style={{ borderColor: selected ? colour : undefined, boxShadow: selected ? `0 0 0 1px ${colour}` : undefined }}
            styles={{ body: { display: "flex", gap: 10, alignItems: "center", padding: 10 } }}
          >
            <Thumb template={tpl} colour={colour} />
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{t(`posters.templates.${tpl}.name`)}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`posters.templates.${tpl}.hint`)}
              </Typography.Text>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
