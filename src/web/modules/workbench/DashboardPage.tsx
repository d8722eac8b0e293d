import { CalendarOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Department } from '../../../shared/accounts';
import { formatShanghai } from '../../../shared/format';
import { hasAnyRole, workbenchNav } from '../../app/access';
import type { Page } from '../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../app/components';
import { todayInShanghai } from '../../app/dates';
import { useT } from '../../app/prefs';
import { StatTile } from '../../app/StatTile';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import type { AuditEntry } from '../admin/audit-types';
// appeals-web-staff: the appeals figures of dispatchers, handlers and leaders.
import { AppealsPanel } from '../appeals/staff/AppealsPanel';
import { EnterprisePanel } from '../enterprises/staff/EnterprisePanel';

/** The workbench landing page: who you are, today's working-day arithmetic, and the figures of your roles. */
export function DashboardPage() {
  const m = useT();
  const { user } = useSession();
  if (!user) return null;
  const links = workbenchNav(user).filter((n) => n.key !== 'dashboard');
  return (
    <div className="qifu-dashboard">
      <PageHeader
        title={m.dashboard.hello(user.displayName)}
        intro={
          <Flex gap={6} wrap align="center" component="span">
            {user.roles.map((r) => (
              <Tag key={r} color="blue">
                {m.roles[r]}
              </Tag>
            ))}
            {user.department ? <span>{user.department.name}</span> : null}
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <WorkdayCard />
        </Col>
        <Col xs={24} xl={14}>
          <Card title={m.dashboard.quickLinks} className="qifu-fill">
            <div className="qifu-quick-links">
              {links.map((n) => (
                <Link key={n.key} to={`/workbench/${n.path}`} className="qifu-quick-link">
                  <span>{m.workbench.menu[n.key]}</span>
                </Link>
              ))}
            </div>
          </Card>
        </Col>
        {hasAnyRole(user, ['admin']) ? <AdminPanel /> : null}
        {/* appeals-web-staff */}
        <AppealsPanel />
        <EnterprisePanel />
        {hasAnyRole(user, ['auditor']) ? <AuditorPanel /> : null}
      </Row>
    </div>
  );
}

/** Today, and the deadlines that start today: 1, 3 and 13 working days (SPEC §2.4's default time limits). */
function WorkdayCard() {
  const m = useT();
  const today = todayInShanghai();
  const state = useApi<{ workday: boolean }>('/calendar/is-workday', { date: today });
  const d1 = useApi<{ date: string }>('/calendar/add-workdays', { from: today, days: 1 });
  const d3 = useApi<{ date: string }>('/calendar/add-workdays', { from: today, days: 3 });
  const d13 = useApi<{ date: string }>('/calendar/add-workdays', { from: today, days: 13 });
  const error = state.error || d1.error || d3.error || d13.error;
  return (
    <Card
      title={
        <span>
          <CalendarOutlined /> {m.dashboard.todayTitle(today)}
        </span>
      }
      className="qifu-fill"
    >
      {error ? (
        <LoadError error={error} />
      ) : !state.data || !d1.data || !d3.data || !d13.data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          <div>
            {state.data.workday ? (
              <Tag color="blue">{m.home.todayWorkday}</Tag>
            ) : (
              <Tag color="orange">{m.home.todayRestday}</Tag>
            )}
          </div>
          <dl className="qifu-deadlines">
            <dt>{m.dashboard.deadline1}</dt>
            <dd>{d1.data.date}</dd>
            <dt>{m.dashboard.deadline3}</dt>
            <dd>{d3.data.date}</dd>
            <dt>{m.dashboard.deadline13}</dt>
            <dd>{d13.data.date}</dd>
          </dl>
          <Typography.Text type="secondary" className="qifu-small">
            {m.dashboard.deadlineNote}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

interface CalendarYearSummary {
  year: number;
}

function AdminPanel() {
  const m = useT();
  const staff = useApi<Page<unknown>>('/admin/users', { kind: 'staff', pageSize: 1 });
  const enterprise = useApi<Page<unknown>>('/admin/users', { kind: 'enterprise', pageSize: 1 });
  const deps = useApi<{ items: Department[] }>('/departments');
  const years = useApi<{ items: CalendarYearSummary[] }>('/calendar/years');
  const covered = years.data?.items.map((y) => y.year).sort((a, b) => a - b) ?? [];
  const today = todayInShanghai();
  const thisYear = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  // The State Council publishes next year's holidays around November; before that there is nothing to enter.
  const nextYearMissing = years.data && month >= 11 && !covered.includes(thisYear + 1);
  const thisYearMissing = years.data && !covered.includes(thisYear);
  const error = staff.error || enterprise.error || deps.error || years.error;
  return (
    <Col xs={24}>
      <Card title={m.dashboard.adminTitle}>
        {error ? (
          <LoadError error={error} />
        ) : (
          <Flex vertical gap={16}>
            <Row gutter={[16, 16]}>
              <StatTile to="/workbench/users" title={m.dashboard.staffUsers} value={staff.data?.total} />
              <StatTile
                to="/workbench/users"
                title={m.dashboard.enterpriseUsers}
                value={enterprise.data?.total}
              />
              <StatTile
                to="/workbench/departments"
                title={m.dashboard.departments}
                value={deps.data?.items.length}
              />
              <StatTile
                to="/workbench/calendar"
                title={m.dashboard.calendarYears}
                value={
                  years.data && (covered.length > 0 ? `${covered[0]}–${covered[covered.length - 1]}` : '—')
                }
              />
            </Row>
            {thisYearMissing || nextYearMissing ? (
              <Alert
                type="warning"
                showIcon
                title={m.dashboard.calendarMissing(thisYearMissing ? thisYear : thisYear + 1)}
                action={<LinkButton to="/workbench/calendar">{m.dashboard.addCalendar}</LinkButton>}
              />
            ) : null}
          </Flex>
        )}
      </Card>
    </Col>
  );
}

function AuditorPanel() {
  const m = useT();
  const recent = useApi<{ total: number; items: AuditEntry[] }>('/audit', { pageSize: 5 });
  return (
    <Col xs={24}>
      <Card title={m.dashboard.auditTitle} extra={<Link to="/workbench/audit">{m.dashboard.openAudit}</Link>}>
        {recent.error ? (
          <LoadError error={recent.error} onRetry={recent.reload} />
        ) : (
          <Flex vertical gap={16}>
            <Statistic
              title={m.dashboard.auditTotal}
              value={recent.data?.total ?? '—'}
              loading={!recent.data}
            />
            <Table<AuditEntry>
              size="small"
              rowKey="seq"
              loading={!recent.data}
              dataSource={recent.data?.items ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: m.audit.at, dataIndex: 'at', render: (v: string) => formatShanghai(v) },
                {
                  title: m.audit.actor,
                  dataIndex: 'actorName',
                  render: (v: string | null) => v ?? m.audit.system,
                },
                {
                  title: m.audit.action,
                  dataIndex: 'action',
                  render: (v: string) => m.audit.actions[v] ?? v,
                },
                {
                  title: m.audit.result,
                  dataIndex: 'result',
                  render: (v: string) => (
                    <Tag color={v === 'success' ? 'green' : 'red'}>{m.audit.results[v] ?? v}</Tag>
                  ),
                },
              ]}
            />
          </Flex>
        )}
      </Card>
    </Col>
  );
}
