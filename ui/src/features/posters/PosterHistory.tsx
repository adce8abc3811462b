// Every file made from a poster: when, in what format, why, and where it lies.
import { FolderOpenOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Empty, List, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { OutputReason } from "../../bindings/OutputReason";
import { showError } from "../../errors";
import { ipc } from "../../ipc";
import { usePosterHistory } from "./queries";

const REASON_COLOUR: Record<OutputReason, string> = { saved: "blue", printed: "green", rerendered: "gold" };

export function PosterHistory({ posterId }: { posterId: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const history = usePosterHistory(posterId);
  const reveal = useMutation({ mutationFn: (outputId: number) => ipc.revealPosterFile(outputId), onError: (e) => showError(e, message) });
  return (
    <Card title={t("posters.history")} size="small" data-testid="poster-history">
      {history.data && history.data.length > 0 ? (
        <List
          size="small"
          dataSource={history.data}
          renderItem={(o) => (
            <List.Item
              data-testid="poster-history-item"
              style={{ paddingInline: 0 }}
              actions={[
                <Tooltip key="reveal" title={t("posters.reveal")}>
                  <Button type="text" size="small" icon={<FolderOpenOutlined />} aria-label={t("posters.reveal")} onClick={() => reveal.mutate(o.id)} />
                </Tooltip>,
              ]}
            >
              <div style={{ minWidth: 0, flex: 1 }}>
                <div style={{ display: "flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}>
                  <Typography.Text>{dayjs(o.made_at).format("YYYY-MM-DD HH:mm")}</Typography.Text>
                  <Tag color={REASON_COLOUR[o.reason]} style={{ marginInlineEnd: 0 }}>
                    {t(`posters.reason.${o.reason}`)}
                  </Tag>
                  <Tag style={{ marginInlineEnd: 0 }}>{o.format.toUpperCase()}{o.dpi ? ` · ${o.dpi} DPI` : ""}</Tag>
                </div>
                <Typography.Text type="secondary" ellipsis={{ tooltip: o.path }} style={{ display: "block", fontSize: 12 }}>
                  {o.path}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("posters.historyEmpty")} />
      )}
    </Card>
  );
}
