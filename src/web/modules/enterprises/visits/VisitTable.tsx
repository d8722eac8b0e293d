import type { TablePaginationConfig } from 'antd';
import { Flex, Grid, List, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { VisitSummary } from '../../../../shared/visits-api';
import { useT } from '../../../app/prefs';
import { visitPages } from './paths';
import { TopicTags } from './tags';
import './visits.css';

/** A list of visits: the workbench list, and an enterprise's history (without the enterprise column). */
export function VisitTable({
  rows,
  loading,
  pagination,
  showEnterprise = true,
  showLiaison = false,
}: {
  rows: VisitSummary[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  showEnterprise?: boolean;
  showLiaison?: boolean;
}) {
  const m = useT();
  const t = m.visits;
  const screens = Grid.useBreakpoint();
  const problems = (r: VisitSummary) =>
    r.problemCount ? (
      <Typography.Text type={r.openProblemCount ? 'warning' : undefined}>
        {t.problemCount(r.problemCount, r.openProblemCount)}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">{t.none}</Typography.Text>
    );
  // A phone gets one card per visit instead of a table to scroll sideways.
  if (screens.md === false)
    return (
      <List<VisitSummary>
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: t.empty }}
        pagination={
          pagination
            ? {
                current: pagination.current ?? 1,
                pageSize: pagination.pageSize ?? 20,
                total: pagination.total ?? 0,
                size: 'small',
                ...(pagination.onChange ? { onChange: pagination.onChange } : {}),
              }
            : false
        }
        renderItem={(r) => (
          <List.Item>
            <Flex vertical gap={4} className="qifu-visit-grow">
              <Flex justify="space-between" gap={8} wrap>
                <Link to={visitPages.visit(r.id)}>{showEnterprise ? r.enterprise.name : r.visitedOn}</Link>
                <Typography.Text type="secondary">{t.forms[r.form]}</Typography.Text>
              </Flex>
              {showEnterprise ? <Typography.Text type="secondary">{r.visitedOn}</Typography.Text> : null}
              <TopicTags topics={r.topics} />
              <Typography.Text className="qifu-small">
                {t.columns.problems}：{problems(r)}
                {showLiaison ? ` · ${r.liaison.name}` : ''}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    );
  return (
    <Table<VisitSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t.empty }}
      columns={[
        {
          title: t.columns.visitedOn,
          dataIndex: 'visitedOn',
          render: (v: string, r) => <Link to={visitPages.visit(r.id)}>{v}</Link>,
        },
        ...(showEnterprise
          ? [
              {
                title: t.columns.enterprise,
                key: 'enterprise',
                render: (_: unknown, r: VisitSummary) => r.enterprise.name,
              },
            ]
          : []),
        { title: t.columns.form, dataIndex: 'form', render: (v: VisitSummary['form']) => t.forms[v] },
        {
          title: t.columns.topics,
          dataIndex: 'topics',
          render: (v: VisitSummary['topics']) => <TopicTags topics={v} />,
        },
        {
          title: t.columns.problems,
          key: 'problems',
          render: (_: unknown, r: VisitSummary) => problems(r),
        },
        ...(showLiaison
          ? [
              {
                title: t.columns.liaison,
                key: 'liaison',
                render: (_: unknown, r: VisitSummary) => r.liaison.name,
              },
            ]
          : []),
        {
          title: t.columns.nextVisitOn,
          dataIndex: 'nextVisitOn',
          render: (v: string | null) => v ?? '—',
        },
        {
          title: m.common.actions,
          key: 'actions',
          render: (_: unknown, r: VisitSummary) => (
            <Link to={visitPages.visit(r.id)} aria-label={`${t.view} ${r.enterprise.name} ${r.visitedOn}`}>
              {t.view}
            </Link>
          ),
        },
      ]}
    />
  );
}
