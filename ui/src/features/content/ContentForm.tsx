// Add or edit one topic in a drawer: day, time, topic, the text to post and an
// optional image, with starter ideas to begin from. The image is saved with
// the topic in the same call: both or neither.
import { DeleteOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Collapse, DatePicker, Drawer, Form, Input, Popconfirm, Select, Space, Typography, type ButtonProps } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContentInput } from "../../bindings/ContentInput";
import { LIMITS } from "../../bindings/limits";
import { lengthRule, limited } from "../../components/textLimit";
import type { ContentItem } from "../../bindings/ContentItem";
import type { Field } from "../../bindings/Field";
import type { TopicIdea } from "../../bindings/TopicIdea";
import { showError } from "../../errors";
import { ipc, toErrorPayload } from "../../ipc";
import { useCommunities } from "../communities/queries";
import { PicturePicker, type PictureChange } from "../../components/PicturePicker";
import { IdeaList, WithBlanks } from "./IdeaList";
import { useContentImage, useInvalidateContent } from "./queries";
import { normaliseTime, placeholders } from "./week";
import { useDiscardGuard } from "../../components/discardGuard";

const DAY = "YYYY-MM-DD";
export const DEFAULT_TIME = "10:00";
export const TOPIC_MAX = LIMITS.topic;
export const BODY_MAX = LIMITS.body;

type Values = { communityId: number; day: Dayjs | null; time: string; topic: string; body: string };

/** Which box a backend error belongs beside. */
const FIELDS: Partial<Record<Field, keyof Values>> = {
  date: "day",
  time: "time",
  topic: "topic",
  body: "body",
  community: "communityId",
};

export function toContentInput(v: Values): ContentInput {
  return {
    community_id: v.communityId,
    day: v.day ? v.day.format(DAY) : "",
    time: normaliseTime(v.time ?? ""),
    topic: (v.topic ?? "").trim(),
    body: (v.body ?? "").trim(),
  };
}

/** What the drawer is open for: a new topic on a day (maybe from an idea), or an existing one. */
export type Editing = { mode: "new"; day: string; idea?: TopicIdea } | { mode: "edit"; item: ContentItem };

type Props = { editing: Editing | null; communityId: number; onClose: () => void };

export function ContentForm({ editing, communityId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const cancel = useDiscardGuard(form, onClose);
  const invalidate = useInvalidateContent();
  const communities = useCommunities(false);
  const open = editing !== null;
  const [image, setImage] = useState<PictureChange>({ kind: "keep" });
  const [imageError, setImageError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const initial = useMemo<Values>(() => {
    if (editing?.mode === "edit") {
      const i = editing.item;
      return { communityId: i.community_id, day: dayjs(i.day, DAY), time: i.time, topic: i.topic, body: i.body };
    }
    return {
      communityId,
      day: editing ? dayjs(editing.day, DAY) : null,
      time: DEFAULT_TIME,
      topic: editing?.idea?.topic.slice(0, TOPIC_MAX) ?? "",
      body: editing?.idea?.body.slice(0, BODY_MAX) ?? "",
    };
  }, [editing, communityId]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initial);
    setImage({ kind: "keep" });
    setImageError(null);
    setFormError(null);
  }, [open, initial, editing, form]);

  const current = editing?.mode === "edit" ? editing.item : null;
  const chosenCommunity = (Form.useWatch("communityId", form) as number | undefined) ?? communityId;
  const storedImage = useContentImage(current?.id ?? 0, !!current?.has_image);
  const body = (Form.useWatch("body", form) as string | undefined) ?? "";
  const blanks = placeholders(body);

  const save = useMutation({
    // One call: the words and the image are saved together or not at all.
    mutationFn: async (v: Values) => {
      const input = toContentInput(v);
      const newImage = image.kind === "set" ? image.base64 : null;
      const item = current
        ? await ipc.updateContent(current.id, input, newImage, image.kind === "remove")
        : await ipc.createContent(input, newImage);
      return { item, created: !current };
    },
    onMutate: () => {
      setFormError(null);
      setImageError(null);
    },
    onSuccess: ({ item, created }) => {
      invalidate(item.id);
      void message.success(created ? t("content.form.created") : t("content.form.saved"));
      onClose();
    },
    onError: (e) => {
      const p = toErrorPayload(e);
      if (p.field === "image") {
        setImageError(p.message);
        return;
      }
      const name = p.field ? FIELDS[p.field] : undefined;
      if (name) {
        form.setFields([{ name, errors: [p.message] }]);
        form.scrollToField(name, { block: "center" });
      } else {
        setFormError(p.message);
      }
    },
  });

  const remove = useMutation({
    mutationFn: (id: number) => ipc.deleteContent(id),
    onSuccess: () => {
      invalidate();
      void message.success(t("content.form.deleted"));
      onClose();
    },
    onError: (e) => showError(e, message),
  });

  const pickIdea = (idea: TopicIdea) => {
    form.setFieldsValue({ topic: idea.topic.slice(0, TOPIC_MAX), body: idea.body.slice(0, BODY_MAX) });
    form.setFields([
      { name: "topic", errors: [] },
      { name: "body", errors: [] },
    ]);
  };

  const busy = save.isPending || remove.isPending;
  const isNew = !current;

  return (
    <Drawer
      open={open}
      onClose={busy ? undefined : cancel}
      maskClosable={!busy}
      width={600}
      destroyOnHidden
      title={isNew ? t("content.form.newTitle") : t("content.form.editTitle")}
      data-testid="content-form"
      rootClassName="sc-content-drawer"
      extra={
        <Space>
          {!isNew && (
            <Popconfirm
              title={t("content.form.deleteConfirm")}
              okText={t("content.form.delete")}
              cancelText={t("common.cancel")}
              okButtonProps={{ danger: true, "data-testid": "content-delete-confirm" } as ButtonProps}
              onConfirm={() => current && remove.mutate(current.id)}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending} disabled={save.isPending} data-testid="content-delete">
                {t("content.form.delete")}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={cancel} disabled={busy}>{t("common.cancel")}</Button>
          <Button type="primary" loading={save.isPending} disabled={remove.isPending} onClick={() => form.submit()} data-testid="content-save">
            {t("content.form.save")}
          </Button>
        </Space>
      }
    >
      <div data-testid="content-form-body">
        {formError && (
          <Alert type="error" showIcon closable onClose={() => setFormError(null)} style={{ marginBottom: 16 }} message={t("content.form.failed")} description={formError} data-testid="content-form-error" />
        )}
        <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={initial} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="communityId" label={t("content.form.community")}>
            <Select
              data-testid="content-form-community"
              options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              loading={communities.isPending}
            />
          </Form.Item>
          <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
            <Form.Item name="day" label={t("content.form.day")} rules={[{ required: true, message: t("content.form.dayRequired") }]}>
              <DatePicker data-testid="content-day" allowClear={false} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item
              name="time"
              label={t("content.form.time")}
              extra={t("content.form.timeHelp")}
              rules={[
                { required: true, whitespace: true, message: t("content.form.timeRequired") },
                { pattern: /^\s*\d{1,2}\s*[:：]\s*\d{2}\s*$/, message: t("content.form.timeFormat") },
              ]}
            >
              <Input data-testid="content-time" placeholder="20:00" inputMode="numeric" style={{ fontVariantNumeric: "tabular-nums" }} />
            </Form.Item>
          </div>
          <Form.Item
            name="topic"
            label={t("content.form.topic")}
            rules={[{ required: true, whitespace: true, message: t("content.form.topicRequired") }, lengthRule(t, TOPIC_MAX)]}
          >
            <Input data-testid="content-topic" placeholder={t("content.form.topicPlaceholder")} {...limited(TOPIC_MAX)} />
          </Form.Item>
          <Form.Item
            name="body"
            label={t("content.form.body")}
            extra={
              blanks.length > 0 ? (
                <Typography.Text type="warning" data-testid="content-placeholders">
                  {t("content.form.placeholdersLeft", { list: blanks.join(" ") })}
                </Typography.Text>
              ) : (
                t("content.form.bodyHelp")
              )
            }
          >
            <Input.TextArea
              data-testid="content-body"
              placeholder={t("content.form.bodyPlaceholder")}
              {...limited(BODY_MAX)}
              autoSize={{ minRows: 5, maxRows: 14 }}
            />
          </Form.Item>
          <PicturePicker
            label={t("content.form.image")}
            change={image}
            onChange={setImage}
            stored={storedImage.data}
            hasStored={!!current?.has_image}
            error={imageError}
            onError={setImageError}
            testId="content-image"
          />
        </Form>
        <Collapse
          key={isNew ? "new" : "edit"}
          defaultActiveKey={isNew ? ["ideas"] : []}
          ghost
          style={{ marginInline: -16 }}
          items={[
            {
              key: "ideas",
              label: <Typography.Text strong>{t("content.ideas")}</Typography.Text>,
              children: (
                <>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                    <WithBlanks text={t("content.ideasHint")} />
                  </Typography.Paragraph>
                  <IdeaList communityId={chosenCommunity} onPick={pickIdea} />
                </>
              ),
            },
          ]}
        />
      </div>
    </Drawer>
  );
}
