// Starter topics for a community: each a card that, clicked, hands its topic
// and draft text on. Words in {braces} are shown as blanks to fill in.
import { BulbOutlined } from "@ant-design/icons";
import { Skeleton, Typography } from "antd";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { TopicIdea } from "../../bindings/TopicIdea";
import { useTopicIdeas } from "./queries";

/** Text with each {placeholder} marked, so the owner sees what to replace. */
export function WithBlanks({ text }: { text: string }) {
  const parts = text.split(/(\{[^{}\n]{1,30}\})/g);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="sc-placeholder">{p}</mark>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}

type Props = { communityId: number | null; onPick: (idea: TopicIdea) => void; limit?: number };

export function IdeaList({ communityId, onPick, limit }: Props) {
  const { t } = useTranslation();
  const ideas = useTopicIdeas(communityId);
  if (ideas.isPending && communityId !== null) return <Skeleton active paragraph={{ rows: 2 }} />;
  const list = (ideas.data ?? []).slice(0, limit);
  if (list.length === 0) return <Typography.Text type="secondary">{t("content.ideasNone")}</Typography.Text>;
  return (
    <div className="sc-ideas" data-testid="content-ideas">
      {list.map((idea, i) => (
        <button type="button" key={i} className="sc-idea" onClick={() => onPick(idea)} data-testid={`content-idea-${i}`}>
          <div className="sc-idea-topic">
            <BulbOutlined style={{ color: "#d48806", marginInlineEnd: 6 }} />
            {idea.topic}
          </div>
          <div className="sc-idea-body sc-clamp-3">
            <WithBlanks text={idea.body} />
          </div>
        </button>
      ))}
    </div>
  );
}
