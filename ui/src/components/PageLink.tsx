// A link to another page of the app: a real <a href> so Tab reaches it and
// Enter follows it (an antd Typography.Link without href is neither).
import { Typography } from "antd";
import type { ReactNode } from "react";

export function PageLink({ onOpen, children, testId }: { onOpen: () => void; children: ReactNode; testId?: string }) {
  return (
    <Typography.Link
      href="#"
      onClick={(e) => {
        e.preventDefault();
        onOpen();
      }}
      data-testid={testId}
    >
      {children}
    </Typography.Link>
  );
}
