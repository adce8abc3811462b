// One day of the week strip: its topics (time, topic, the first lines, the
// image, posted or not, copy) or, when it has none, a plainly empty slot.
import { CheckCircleFilled, CopyOutlined, ExclamationCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Checkbox, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ContentItem } from "../../bindings/ContentItem";
import { showError } from "../../errors";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { keys } from "../../queries";
import { WithBlanks } from "./IdeaList";
import { useContentImage, useInvalidateContent } from "./queries";
import { dayMonth, weekdayShort } from "../../days";
import { isOverdue } from "./week";
import { openable } from "../../components/openable";

/** Puts text on the clipboard and says so. */
export function useCopy(ok: string, failed: string) {
  const { message } = AntApp.useApp();
  return (text: string) => {
    const clip = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
    if (!clip) {
      void message.error(failed);
      return;
    }
    clip.writeText(text).then(
      () => void message.success(ok),
      () => void message.error(failed),
    );
  };
}

function Thumb({ item }: { item: ContentItem }) {
  const { t } = useTranslation();
  const image = useContentImage(item.id, item.has_image);
  if (!item.has_image) return null;
  return image.data ? (
    <img className="sc-item-thumb" src={image.data} alt={t("content.image")} data-testid={`content-thumb-${item.id}`} />
  ) : (
    <div className="sc-item-thumb" aria-hidden />
  );
}

type ItemProps = { item: ContentItem; now: Date; onOpen: () => void };

function ItemCard({ item, now, onOpen }: ItemProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const invalidate = useInvalidateContent();
  const copy = useCopy(t("content.copied"), t("content.copyFailed"));
  const overdue = isOverdue(item, now);

  const posted = useMutation({
    mutationFn: (v: boolean) => ipc.setContentPosted(item.id, v),
    onSuccess: (saved) => {
      // The week shows the answer at once; the rest catches up.
      client.setQueriesData<ContentItem[]>({ queryKey: keys.contentAll }, (old) => old?.map((c) => (c.id === saved.id ? saved : c)));
      invalidate();
    },
    onError: (e) => showError(e, message),
  });
  const checked = posted.isPending ? !!posted.variables : item.posted;

  const cls = ["sc-item", item.posted ? "sc-item--posted" : "", overdue ? "sc-item--overdue" : ""].filter(Boolean).join(" ");
  return (
    <div
      className={cls}
      data-testid={`content-item-${item.id}`}
      {...openable(onOpen)}
    >
      <div className="sc-item-top">
        <span className="sc-item-time">{item.time}</span>
        {item.posted ? (
          <CheckCircleFilled style={{ color: "#3f9a52" }} aria-label={t("content.posted")} />
        ) : overdue ? (
          <Tag color="error" bordered={false} icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: "18px", paddingInline: 4 }} data-testid={`content-overdue-${item.id}`}>
            {t("content.overdue")}
          </Tag>
        ) : null}
      </div>
      <div className="sc-item-topic sc-clamp-2" title={item.topic}>{item.topic}</div>
      {item.body ? (
        <div className="sc-item-body sc-clamp-3">
          <WithBlanks text={item.body} />
        </div>
      ) : (
        <Typography.Text type="secondary" italic style={{ fontSize: 12 }}>{t("content.noBody")}</Typography.Text>
      )}
      <Thumb item={item} />
      <div className="sc-item-foot" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <Checkbox
          checked={checked}
          disabled={posted.isPending}
          onChange={(e) => posted.mutate(e.target.checked)}
          data-testid={`content-posted-${item.id}`}
        >
          {t("content.posted")}
        </Checkbox>
        <Tooltip title={t("content.copy")}>
          <Button
            size="small"
            type="text"
            icon={<CopyOutlined />}
            aria-label={t("content.copy")}
            disabled={!item.body}
            onClick={() => copy(item.body)}
            data-testid={`content-copy-${item.id}`}
          />
        </Tooltip>
      </div>
    </div>
  );
}

type Props = {
  day: string;
  items: ContentItem[];
  today: string;
  focus: boolean;
  now: Date;
  onAdd: () => void;
  onOpen: (item: ContentItem) => void;
};

export function DayCard({ day, items, today, focus, now, onAdd, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const empty = items.length === 0;
  const past = day < today;
  const cls = ["sc-day", empty && "sc-day--empty", focus && "sc-day--focus", day === today && "sc-day--today", past && "sc-day--past"].filter(Boolean).join(" ");
  return (
    <section className={cls} data-testid={`content-day-${day}`} data-empty={empty ? "true" : "false"} aria-label={`${weekdayShort(day, lang)} ${dayMonth(day, lang)}`}>
      <div className="sc-day-head">
        <span className="sc-day-weekday">
          {weekdayShort(day, lang)}
          {day === today && (
            <Tag color="green" bordered={false} style={{ marginInlineStart: 6, fontSize: 11, lineHeight: "18px", paddingInline: 5 }}>
              {t("content.today")}
            </Tag>
          )}
        </span>
        <span className="sc-day-date">{dayMonth(day, lang)}</span>
      </div>
      {empty ? (
        <div className="sc-day-empty">
          <span>{t("content.noTopic")}</span>
          {/* A day gone by cannot be planned any more. */}
          {!past && (
            <Button size="small" type="primary" ghost icon={<PlusOutlined />} onClick={onAdd} data-testid={`content-add-${day}`}>
              {t("content.add")}
            </Button>
          )}
        </div>
      ) : (
        <>
          {items.map((item) => (
            <ItemCard key={item.id} item={item} now={now} onOpen={() => onOpen(item)} />
          ))}
          {!past && (
          <Tooltip title={t("content.addAnother")}>
            <Button
              size="small"
              type="dashed"
              block
              icon={<PlusOutlined />}
              aria-label={t("content.addAnother")}
              onClick={onAdd}
              style={{ marginTop: "auto" }}
              data-testid={`content-add-more-${day}`}
            />
          </Tooltip>
          )}
        </>
      )}
    </section>
  );
}
