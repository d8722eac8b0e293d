import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Input,
  List,
  Pagination,
  Select,
  Table,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { AppealState, AppealType } from '../../../../shared/appeals';
import { formatShanghai } from '../../../../shared/format';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { EnterpriseSubnav } from '../../policies/enterprise/EnterpriseSubnav';
import { AppealStateTag, AppealTypeTag, SlaTag } from '../components/tags';
import { type StateFilter, stateQuery } from '../filters';
import { TYPES } from '../limits';
import { appealApi, appealPages } from '../paths';
import { runningClock } from '../sla';
import type { AppealList, AppealSummary } from '../types';
import '../appeals.css';

/** The states an enterprise filters by, in the order an appeal passes them. */
const STATE_FILTERS: StateFilter[] = [
  'open',
  'submitted',
  'needs_info',
  'accepted',
  'dispatched',
  'signed',
  'returned',
  'replied',
  'rated',
  'closed',
  'rejected',
  'merged',
];

/** /enterprise/appeals — 我的诉求: every appeal of the enterprise, where it stands and how much time is left. */
export function MyAppealsPage() {
  const m = useT();
  const t = m.appeals.list;
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? undefined;
  const type = (params.get('type') as AppealType | null) ?? undefined;
  const q = params.get('q') ?? undefined;
  const paging = usePaging({ pageSize: 10 });
  const bound = !!user?.enterprise;
  const list = useApi<AppealList>(bound ? appealApi.appeals : null, {
    view: 'mine',
    state: stateQuery(state),
    type,
    q,
    sort: 'created',
    ...paging.query,
  });
  const replied = useApi<AppealList>(bound ? appealApi.appeals : null, {
    view: 'mine',
    state: 'replied',
    pageSize: 1,
  });
  const needsInfo = useApi<AppealList>(bound ? appealApi.appeals : null, {
    view: 'mine',
    state: 'needs_info',
    pageSize: 1,
  });
  const screens = Grid.useBreakpoint();
  const filtered = !!(state || type || q);

  const update = (patch: Record<string, string | undefined>) => {
    paging.reset();
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  if (!bound) {
    return (
      <div className="qifu-container qifu-page">
        <PageHeader title={t.title} />
        <EnterpriseSubnav />
        <Alert
          type="info"
          showIcon
          title={t.unbound}
          action={
            <LinkButton type="primary" to="/enterprise">
              {t.toCenter}
            </LinkButton>
          }
        />
      </div>
    );
  }

  const items = list.data?.items ?? [];
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        filtered ? (
          t.emptyFiltered
        ) : (
          <Flex vertical gap={4} align="center">
            <strong>{t.emptyTitle}</strong>
            <Typography.Text type="secondary" className="qifu-appeal-empty-text">
              {t.emptyText}
            </Typography.Text>
          </Flex>
        )
      }
    >
      {filtered ? (
        <Button onClick={() => update({ state: undefined, type: undefined, q: undefined })}>
          {t.clearFilters}
        </Button>
      ) : (
        <LinkButton type="primary" to={appealPages.create}>
          {t.create}
        </LinkButton>
      )}
    </Empty>
  );

  return (
    <div className="qifu-container qifu-page qifu-appeals">
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          <LinkButton type="primary" to={appealPages.create}>
            {t.create}
          </LinkButton>
        }
      />
      <EnterpriseSubnav />
      <Flex vertical gap={12} className="qifu-block">
        {(needsInfo.data?.total ?? 0) > 0 && state !== 'needs_info' ? (
          <Alert
            type="warning"
            showIcon
            title={t.needsInfo(needsInfo.data?.total ?? 0)}
            action={
              <Button size="small" onClick={() => update({ state: 'needs_info' })}>
                {t.showThem}
              </Button>
            }
          />
        ) : null}
        {(replied.data?.total ?? 0) > 0 && state !== 'replied' ? (
          <Alert
            type="info"
            showIcon
            title={t.awaitingRating(replied.data?.total ?? 0)}
            action={
              <Button size="small" type="primary" onClick={() => update({ state: 'replied' })}>
                {t.showThem}
              </Button>
            }
          />
        ) : null}
      </Flex>
      <Card>
        <Flex gap={12} wrap className="qifu-filters">
          <Select<string>
            allowClear
            className="qifu-filter-select"
            placeholder={t.filterState}
            aria-label={t.filterState}
            value={state}
            onChange={(v) => update({ state: v })}
            options={STATE_FILTERS.map((s) => ({
              value: s,
              label: s === 'open' ? t.inProgress : m.appeals.states[s],
            }))}
          />
          <Select<string>
            allowClear
            className="qifu-filter-select"
            placeholder={t.filterType}
            aria-label={t.filterType}
            value={type}
            onChange={(v) => update({ type: v })}
            options={TYPES.map((s) => ({ value: s, label: m.appeals.types[s] }))}
          />
          <Input.Search
            key={q}
            allowClear
            className="qifu-appeal-search"
            defaultValue={q}
            placeholder={t.search}
            aria-label={t.search}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        {screens.md === false ? (
          <>
            <List
              className="qifu-appeal-cards"
              loading={list.loading}
              dataSource={items}
              locale={{ emptyText: empty }}
              renderItem={(a) => <AppealListCard appeal={a} />}
            />
            {(list.data?.total ?? 0) > paging.query.pageSize ? (
              <Pagination simple className="qifu-top-gap" {...paging.table(list.data?.total)} />
            ) : null}
          </>
        ) : (
          <Table<AppealSummary>
            rowKey="id"
            loading={list.loading}
            dataSource={items}
            pagination={paging.table(list.data?.total)}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: empty }}
            columns={[
              {
                title: t.subject,
                key: 'title',
                render: (_, a) => (
                  <Flex vertical gap={2}>
                    <Link to={appealPages.appeal(a.id)}>{a.title}</Link>
                    <Typography.Text type="secondary" className="qifu-small qifu-code">
                      {a.code}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: t.type, dataIndex: 'type', render: (v: AppealType) => <AppealTypeTag type={v} /> },
              {
                title: t.state,
                dataIndex: 'state',
                render: (v: AppealState) => <AppealStateTag state={v} />,
              },
              { title: t.sla, key: 'sla', render: (_, a) => <ClockCell appeal={a} /> },
              { title: t.createdAt, dataIndex: 'createdAt', render: (v: string) => formatShanghai(v) },
              {
                title: m.common.actions,
                key: 'open',
                fixed: 'right',
                render: (_, a) => <OpenButton appeal={a} />,
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

function ClockCell({ appeal: a }: { appeal: AppealSummary }) {
  const m = useT();
  const clock = runningClock(a.state, a.sla);
  if (!clock) return <Typography.Text type="secondary">{m.appeals.list.noSla}</Typography.Text>;
  return <SlaTag view={clock} />;
}

function OpenButton({ appeal: a }: { appeal: AppealSummary }) {
  const m = useT();
  const t = m.appeals.list;
  const primary = a.state === 'replied' || a.state === 'needs_info';
  return (
    <LinkButton size="small" type={primary ? 'primary' : 'default'} to={appealPages.appeal(a.id)}>
      {a.state === 'replied' ? t.rate : a.state === 'needs_info' ? t.supply : t.open}
    </LinkButton>
  );
}

/** One appeal at phone width: the table's columns stacked in a card. */
function AppealListCard({ appeal: a }: { appeal: AppealSummary }) {
  const clock = runningClock(a.state, a.sla);
  return (
    <List.Item className="qifu-appeal-card">
      <Flex vertical gap={6} className="qifu-appeal-card-body">
        <Link to={appealPages.appeal(a.id)} className="qifu-appeal-card-title">
          {a.title}
        </Link>
        <Flex gap={4} wrap>
          <AppealTypeTag type={a.type} />
          <AppealStateTag state={a.state} />
          {clock ? <SlaTag view={clock} /> : null}
        </Flex>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text type="secondary" className="qifu-small">
            <span className="qifu-code">{a.code}</span> {formatShanghai(a.createdAt)}
          </Typography.Text>
          <OpenButton appeal={a} />
        </Flex>
      </Flex>
    </List.Item>
  );
}
