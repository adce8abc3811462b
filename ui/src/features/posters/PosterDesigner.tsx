// The poster designer: the form on the left, what will print on the right, and
// the ways onto paper (save as a file, print). Opens on a saved poster or on a
// channel for a new one; a new poster becomes a saved one in place.
import { ArrowLeftOutlined, PrinterOutlined, SaveOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Col, Popconfirm, Row, Skeleton, Space, Tag } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OutputFormat } from "../../bindings/OutputFormat";
import type { Poster } from "../../bindings/Poster";
import type { PosterInput } from "../../bindings/PosterInput";
import { showError, showFormError, toMessage } from "../../errors";
import { ipc, toErrorPayload } from "../../ipc";
import { useLeaveGuard, useNav } from "../../nav";
import { LIMITS } from "../../bindings/limits";
import { keys } from "../../queries";
import { useCommunity } from "../communities/queries";
import { useChannels } from "../drainage/queries";
import { ExportButtons } from "./ExportButtons";
import { PosterForm, POSTER_FIELDS, usePosterForm } from "./PosterForm";
import { PosterHistory } from "./PosterHistory";
import { PreviewPane } from "./PreviewPane";
import { DEFAULT_COLOR, type LogoState, samePosterInput, toInput, useInvalidatePosters, usePoster, usePosters, usePreview } from "./queries";
import { useSettled } from "./useSettled";
import { PageHeader } from "../../components/PageHeader";

type Props = { posterId: number } | { channelId: number; communityId: number };

export function PosterDesigner(props: Props) {
  const { t } = useTranslation();
  const existing = usePoster("posterId" in props ? props.posterId : undefined);
  const others = usePosters(null);
  const communityId = "posterId" in props ? existing.data?.community_id : props.communityId;
  const community = useCommunity(communityId ?? 0);

  if ("posterId" in props) {
    if (existing.isError) return <Alert type="error" showIcon className="sc-page" message={toMessage(existing.error)} />;
    if (!existing.data) return <Skeleton active className="sc-page" />;
    return <Designer saved={existing.data} channelId={existing.data.channel_id} communityId={existing.data.community_id} initial={toInput(existing.data)} />;
  }
  if (others.isPending || community.isPending) return <Skeleton active className="sc-page" />;
  // A new poster starts from the shop details of the last one made, since a
  // shop's address and colour rarely change between posters.
  const last = others.data?.[0];
  const initial: PosterInput = {
    template: "counter",
    headline: t("posters.defaultHeadline"),
    subline: fitting(community.data?.purpose ?? "", LIMITS.posterLine),
    gift: "",
    address: last?.address ?? "",
    hours: last?.hours ?? "",
    brand_color: last?.brand_color ?? DEFAULT_COLOR,
  };
  return <Designer saved={null} channelId={props.channelId} communityId={props.communityId} initial={initial} />;
}

/**
 * A community's purpose as a poster's sub-line: whole when it fits, else its
 * first sentence when that fits, else nothing (the owner writes one) — never
 * cut mid-word, and never longer than the field allows.
 */
export function fitting(text: string, max: number): string {
  const t = text.trim();
  if ([...t].length <= max) return t;
  const first = /^(.+?[。！？.!?])(\s|$)/u.exec(t)?.[1] ?? "";
  return first && [...first].length <= max ? first : "";
}

function Designer({ saved: savedAtOpen, channelId, communityId, initial }: { saved: Poster | null; channelId: number; communityId: number; initial: PosterInput }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const client = useQueryClient();
  const invalidate = useInvalidatePosters();
  const [saved, setSaved] = useState<Poster | null>(savedAtOpen);
  const { form, values, onValuesChange } = usePosterForm(initial);
  const [logo, setLogo] = useState<LogoState>({ kind: "keep" });
  const settled = useSettled(values, 300);
  const preview = usePreview(channelId, settled, saved?.id, logo);
  const channel = useChannels(communityId).data?.find((c) => c.id === channelId);
  const community = useCommunity(communityId).data;
  const dirty = !saved || !samePosterInput(values, toInput(saved)) || logo.kind !== "keep";
  // Leaving with changes not saved asks first (a new poster: once anything was touched).
  useLeaveGuard(() => (saved ? dirty : form.isFieldsTouched() || logo.kind !== "keep"));

  // Keep this page's poster fresh when something else changed it (a new code re-rendered its file).
  const fresh = usePoster(saved?.id).data;
  useEffect(() => {
    if (fresh) setSaved(fresh);
  }, [fresh]);

  // A preview the backend refused names the field that broke it: mark that box,
  // and clear the mark once the words fit again.
  const previewError = preview.isError ? preview.error : null;
  useEffect(() => {
    const e = previewError ? toErrorPayload(previewError) : null;
    const broken = e?.field ? POSTER_FIELDS[e.field] : undefined;
    const names = Object.values(POSTER_FIELDS) as (keyof PosterInput)[];
    form.setFields(names.map((name) => ({ name, errors: name === broken ? [e!.message] : [] })));
  }, [previewError, form]);

  const remember = (p: Poster) => {
    setSaved(p);
    setLogo({ kind: "keep" });
    client.setQueryData(keys.poster(p.id), p);
    invalidate();
  };
  const save = useMutation({
    mutationFn: () =>
      saved
        ? ipc.updatePoster(saved.id, values, logo.kind === "set" ? logo.image : null, logo.kind === "remove")
        : ipc.createPoster(channelId, values, logo.kind === "set" ? logo.image : null),
    onSuccess: remember,
    onError: (e) => showFormError(form, e, POSTER_FIELDS, message),
  });
  /** Files are made from what is saved, so unsaved changes are saved first. */
  const savedPoster = async (): Promise<Poster> => {
    if (saved && !dirty) return saved;
    await form.validateFields();
    return save.mutateAsync();
  };
  const exportFile = useMutation({
    mutationFn: async ({ format, dpi }: { format: OutputFormat; dpi: number }) => ipc.exportPoster((await savedPoster()).id, format, dpi),
    onSuccess: (p) => {
      if (!p) return; // the owner cancelled the dialog
      remember(p);
      void message.success(t("posters.exported", { path: p.last_output?.path ?? "" }));
    },
    onError: (e) => showError(e, message),
  });
  const print = useMutation({
    mutationFn: async () => ipc.printPoster((await savedPoster()).id),
    onSuccess: (p) => {
      remember(p);
      void message.success(t("posters.printed"));
    },
    onError: (e) => showError(e, message),
  });
  const archive = useMutation({
    mutationFn: (id: number) => ipc.archivePoster(id),
    onSuccess: () => {
      invalidate();
      void message.success(t("posters.archived"));
      go({ page: "posters" });
    },
    onError: (e) => showError(e, message),
  });

  const busy = save.isPending || exportFile.isPending || print.isPending;
  return (
    <div className="sc-page">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => go({ page: "posters" })} style={{ paddingInline: 0 }}>
        {t("posters.back")}
      </Button>
      <PageHeader
        title={saved?.headline ?? t("posters.untitled")}
        titleTestId="poster-title"
        meta={
          <Space size={8} wrap>
            {/* A button styled as a link: reachable with Tab (an antd Link without href is not). */}
            <Button type="link" style={{ padding: 0, height: "auto" }} onClick={() => go({ page: "community", id: communityId })}>
              {t("posters.forChannel", { community: saved?.community_name ?? community?.name ?? "", channel: saved?.channel_name ?? channel?.name ?? "" })}
            </Button>
            {dirty && saved && <Tag color="processing">{t("posters.unsaved")}</Tag>}
          </Space>
        }
        actions={
          <Space wrap>
            {saved && (
              <Popconfirm title={t("posters.archiveConfirm")} okText={t("common.archive")} cancelText={t("common.cancel")} onConfirm={() => archive.mutate(saved.id)}>
                <Button data-testid="poster-archive">{t("posters.archive")}</Button>
              </Popconfirm>
            )}
            <ExportButtons
              onExport={(format, dpi) => exportFile.mutate({ format, dpi })}
              exporting={exportFile.isPending ? exportFile.variables?.format : undefined}
              disabled={busy}
            />
            <Button icon={<PrinterOutlined />} onClick={() => print.mutate()} loading={print.isPending} disabled={busy && !print.isPending} data-testid="poster-print">
              {t("posters.print")}
            </Button>
            <Button type="primary" icon={<SaveOutlined />} onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty} data-testid="poster-save">
              {t("posters.save")}
            </Button>
          </Space>
        }
      />
      {saved?.stale && (
        <Alert
          type={saved.stale === "qr_expired" || saved.stale === "no_qr" ? "error" : "warning"}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="poster-stale"
          message={t(`posters.stale.${saved.stale}`, { date: saved.qr_expires_at ? dayjs(saved.qr_expires_at).format("YYYY-MM-DD HH:mm") : "" })}
          action={
            saved.stale !== "qr_replaced" && (
              <Button size="small" onClick={() => go({ page: "community", id: communityId })}>
                {t("posters.goToCommunity")}
              </Button>
            )
          }
        />
      )}
      <Row gutter={[20, 20]}>
        <Col xs={24} lg={11}>
          <Space direction="vertical" size={20} style={{ width: "100%" }}>
            <PosterForm form={form} initial={initial} onValuesChange={onValuesChange} logo={logo} setLogo={setLogo} hasLogo={saved?.has_logo ?? false} colour={values.brand_color} />
            {saved && <PosterHistory posterId={saved.id} />}
          </Space>
        </Col>
        {/* Stretched to the form's height, so the preview can stay in view while the form scrolls. */}
        <Col xs={24} lg={13} style={{ alignSelf: "stretch" }}>
          <PreviewPane preview={preview} current={samePosterInput(settled, values)} />
        </Col>
      </Row>
    </div>
  );
}
