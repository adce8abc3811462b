// A page's list as a table in a card, the same on every catalogue page: the
// error in place of the table when the list could not be read, a spinner
// while it loads, and an empty state that says what to do first. Rows carry
// `${rowTestId}-${id}` for the end-to-end suite.
import type { UseQueryResult } from "@tanstack/react-query";
import { Card, Empty, Table, Typography, type TableProps } from "antd";
import { toMessage } from "../errors";

type Props<T extends { id: number }> = {
  list: UseQueryResult<T[]>;
  columns: TableProps<T>["columns"];
  empty: string;
  emptyHint: string;
  rowTestId: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  pagination?: TableProps<T>["pagination"];
};

export function ListTable<T extends { id: number }>({ list, columns, empty, emptyHint, rowTestId, minWidth, pagination = false }: Props<T>) {
  if (list.isError) return <Typography.Text type="danger">{toMessage(list.error)}</Typography.Text>;
  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Table<T>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={pagination}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  <div>{empty}</div>
                  <Typography.Text type="secondary">{emptyHint}</Typography.Text>
                </>
              }
            />
          ),
        }}
        onRow={(r) => ({ "data-testid": `${rowTestId}-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        tableLayout="auto"
        scroll={{ x: minWidth }}
      />
    </Card>
  );
}
