import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useT } from './prefs';

export interface Paging {
  /** `page` and `pageSize` for the list's query string. */
  query: { page: number; pageSize: number };
  /** Back to the first page: the filters changed, the old page number means nothing now. */
  reset(): void;
  /** The antd Table `pagination` for a list of `total` rows. */
  table(total: number | undefined): TablePaginationConfig;
}

/** Page and page size of a server-paged list, kept together with the table's pager that changes them. */
export function usePaging({ pageSize: initial = 20, sizeChanger = true } = {}): Paging {
  const m = useT();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initial);
  return {
    query: { page, pageSize },
    reset: () => setPage(1),
    table: (total) => ({
      current: page,
      pageSize,
      total: total ?? 0,
      ...(sizeChanger ? { showSizeChanger: true } : {}),
      showTotal: m.common.total,
      onChange: (p, s) => {
        setPage(p);
        setPageSize(s);
      },
    }),
  };
}
