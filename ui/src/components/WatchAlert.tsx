// The home screen's watches (group codes about to expire, gifts running low):
// a warning, red when something has already run out, listing what needs the
// owner, each line leading to where it is fixed.
import { Alert, List } from "antd";
import type { ReactNode } from "react";

type Props<T> = {
  items: T[];
  /** Something has already run out (a code expired, a gift at zero). */
  severe: boolean;
  title: string;
  testId: string;
  action?: ReactNode;
  renderItem: (item: T) => ReactNode;
};

export function WatchAlert<T>({ items, severe, title, testId, action, renderItem }: Props<T>) {
  if (items.length === 0) return null;
  return (
    <Alert
      type={severe ? "error" : "warning"}
      showIcon
      style={{ marginBottom: 20 }}
      data-testid={testId}
      message={title}
      action={action}
      description={<List size="small" dataSource={items} renderItem={renderItem} />}
    />
  );
}
