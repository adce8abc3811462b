// The head of every page: its title (the page's one level-one heading), what
// it is for, and its actions top right — the same on every page, so the owner
// always finds "New …" in the same place.
import { Typography } from "antd";

type Props = {
  title: React.ReactNode;
  titleTestId?: string;
  /** A line under the title saying what the page is for. */
  description?: React.ReactNode;
  /** Tags, links or conditions shown between the title and the description. */
  meta?: React.ReactNode;
  /** Buttons and switches, top right. */
  actions?: React.ReactNode;
};

export function PageHeader({ title, titleTestId, description, meta, actions }: Props) {
  return (
    <header className="sc-page-head">
      <div className="sc-page-head-text">
        <Typography.Title level={1} className="sc-page-title" data-testid={titleTestId}>
          {title}
        </Typography.Title>
        {meta}
        {description && <Typography.Paragraph className="sc-page-desc">{description}</Typography.Paragraph>}
      </div>
      {actions && <div className="sc-page-actions">{actions}</div>}
    </header>
  );
}
