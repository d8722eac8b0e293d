import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Table, type TableColumnsType } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { buildUrl, type Query } from '../../app/api';
import { useT } from '../../app/prefs';
import { exportPath } from './format';

// ECharts is the bulk of these pages: its own chunk (the appeals statistics' wrapper), loaded after the tables show.
const EChart = lazy(() => import('../appeals/staff/EChart').then((mod) => ({ default: mod.EChart })));

export function Chart({
  option,
  label,
  height = 280,
}: {
  option: Record<string, unknown>;
  label: string;
  height?: number;
}) {
  return (
    <Suspense fallback={<div style={{ height }} className="qifu-ins-chart-placeholder" />}>
      <EChart option={option} label={label} height={height} />
    </Suspense>
  );
}

/** The 导出 Excel button of a table: a plain download link (the server sends the file). */
export function ExportButton({ table, title, query }: { table: string; title: string; query?: Query }) {
  const m = useT();
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      href={buildUrl(exportPath(table), query)}
      download
      aria-label={m.insights.exportLabel(title)}
      data-table={table}
    >
      {m.insights.export}
    </Button>
  );
}

/**
 * One table of a page with its export button and, beside it on wide screens (below it on a phone), its chart.
 */
export function TableCard<T extends object>({
  id,
  title,
  table,
  query,
  columns,
  rows,
  rowKey,
  chart,
  loading,
  note,
  pageSize,
  stacked,
}: {
  id: string;
  title: string;
  table: string;
  query?: Query;
  columns: TableColumnsType<T>;
  rows: T[];
  rowKey: (row: T) => string;
  chart?: ReactNode;
  loading?: boolean;
  note?: ReactNode;
  pageSize?: number;
  /** The chart above the table, both full width (a wide table). */
  stacked?: boolean;
}) {
  const m = useT();
  const body = (
    <Table<T>
      size="small"
      columns={columns}
      dataSource={rows}
      rowKey={rowKey}
      loading={loading}
      pagination={
        pageSize && rows.length > pageSize ? { pageSize, size: 'small', showSizeChanger: false } : false
      }
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: m.insights.noData }}
    />
  );
  return (
    <Card
      id={id}
      title={title}
      extra={<ExportButton table={table} title={title} query={query} />}
      className="qifu-ins-card"
    >
      {chart ? (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={stacked ? 24 : 12}>
            {chart}
          </Col>
          <Col xs={24} lg={stacked ? 24 : 12}>
            {body}
          </Col>
        </Row>
      ) : (
        body
      )}
      {note ? <div className="qifu-ins-note">{note}</div> : null}
    </Card>
  );
}
