import { BookOutlined, FilterOutlined, PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, List, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { APPEAL_STATES, APPEAL_TYPES, type AppealState, SLA_STATUSES } from '../../../../shared/appeals';
import { APPEAL_KB_ROLES, hasAnyRole } from '../../../app/access';
import type { Page } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { departmentOptions, topicOptions, useDepartments, useTopics } from './data';
import { clockRuns, type QueueFilters, queueQuery, queueTabs, runningSla, topicName } from './helpers';
import { appealApi, appealPages } from './paths';
import { AppealStateTag, SlaTag, SupervisionTag } from './tags';
import type { AppealSummary } from './types';

const FILTER_KEYS = ['state', 'type', 'topicCode', 'departmentId', 'sla', 'q'] as const;

/** /workbench/appeals — the appeal queue of the user's roles, ordered by deadline. */
export function AppealQueuePage() {
  const m = useT();
  const t = m.appealsStaff.queue;
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const paging = usePaging();
  const tabs = queueTabs(user?.roles ?? []);
  const tab = tabs.find((x) => x.key === params.get('tab')) ?? tabs[0];
  const filters: QueueFilters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const list = useApi<Page<AppealSummary>>(
    tab ? appealApi.appeals : null,
    tab ? queueQuery(tab, filters, paging.query) : undefined,
  );
  const topics = useTopics();
  const deps = useDepartments();
  const dispatcher = hasAnyRole(user, ['dispatcher']);
  const liaison = hasAnyRole(user, ['liaison']);
  const narrow = !Grid.useBreakpoint().md;
  const [showFilters, setShowFilters] = useState(false);
  const activeFilters = FILTER_KEYS.filter((k) => k !== 'q' && filters[k]).length;
  const onlyLiaison = liaison && !hasAnyRole(user, ['dispatcher', 'handler', 'leader']);

  const set = (k: string, v: string | undefined) => {
    paging.reset();
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

  return (
    <div>
      <PageHeader
        title={t.title}
        intro={onlyLiaison ? t.introLiaison : t.intro}
        extra={
          <Flex gap={8} wrap>
            {liaison ? (
              <LinkButton type="primary" icon={<PlusOutlined />} to={`${appealPages.create}?mode=liaison`}>
                {t.submitForEnterprise}
              </LinkButton>
            ) : null}
            {dispatcher ? (
              <LinkButton
                type={liaison ? 'default' : 'primary'}
                icon={<PhoneOutlined />}
                to={`${appealPages.create}?mode=phone`}
              >
                {t.phoneIntake}
              </LinkButton>
            ) : null}
            {hasAnyRole(user, APPEAL_KB_ROLES) ? (
              <LinkButton icon={<BookOutlined />} to={appealPages.kb}>
                {t.knowledgeBase}
              </LinkButton>
            ) : null}
            {hasAnyRole(user, ['leader', 'dispatcher']) ? (
              <LinkButton to={appealPages.supervision}>{t.supervision}</LinkButton>
            ) : null}
          </Flex>
        }
      />
      <Card>
        {tabs.length > 1 ? (
          <Tabs
            activeKey={tab?.key}
            onChange={(k) => set('tab', k)}
            items={tabs.map((x) => ({ key: x.key, label: t.tabs[x.key] }))}
          />
        ) : null}
        <Flex gap={12} wrap align="center" className="qifu-filters">
          <Input.Search
            allowClear
            className="qifu-filter-search"
            placeholder={t.keyword}
            aria-label={t.keyword}
            defaultValue={filters.q}
            onSearch={(v) => set('q', v.trim() || undefined)}
          />
          {narrow ? (
            <Button
              icon={<FilterOutlined />}
              aria-expanded={showFilters}
              onClick={() => setShowFilters((v) => !v)}
            >
              {activeFilters > 0 ? t.filtersOn(activeFilters) : t.filters}
            </Button>
          ) : null}
          {narrow && !showFilters ? null : (
            <>
              <Select<string>
                allowClear
                className="qifu-filter-select"
                placeholder={t.filterState}
                aria-label={t.filterState}
                value={filters.state}
                onChange={(v) => set('state', v)}
                options={APPEAL_STATES.map((s) => ({ value: s, label: m.appealsStaff.states[s] }))}
              />
              <Select<string>
                allowClear
                className="qifu-filter-select"
                placeholder={t.filterType}
                aria-label={t.filterType}
                value={filters.type}
                onChange={(v) => set('type', v)}
                options={APPEAL_TYPES.map((s) => ({ value: s, label: m.appealsStaff.types[s] }))}
              />
              <Select<string>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                className="qifu-filter-select qifu-filter-wide"
                placeholder={t.filterTopic}
                aria-label={t.filterTopic}
                value={filters.topicCode}
                onChange={(v) => set('topicCode', v)}
                options={topicOptions(topics.data?.items ?? [])}
              />
              {onlyLiaison ||
              (hasAnyRole(user, ['handler']) && !hasAnyRole(user, ['dispatcher', 'leader'])) ? null : (
                <Select<string>
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  className="qifu-filter-select qifu-filter-wide"
                  placeholder={t.filterDepartment}
                  aria-label={t.filterDepartment}
                  value={filters.departmentId}
                  onChange={(v) => set('departmentId', v)}
                  options={departmentOptions(deps.data?.items ?? [])}
                />
              )}
              <Select<string>
                allowClear
                className="qifu-filter-select"
                placeholder={t.filterSla}
                aria-label={t.filterSla}
                value={filters.sla}
                onChange={(v) => set('sla', v)}
                options={SLA_STATUSES.map((s) => ({ value: s, label: m.appealsStaff.sla[s] }))}
              />
            </>
          )}
          {list.data ? (
            <Typography.Text type="secondary" aria-live="polite">
              {m.common.total(list.data.total)}
            </Typography.Text>
          ) : null}
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        {narrow ? (
          <List<AppealSummary>
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t.empty }}
            pagination={{
              current: paging.query.page,
              pageSize: paging.query.pageSize,
              total: list.data?.total ?? 0,
              size: 'small',
              align: 'center',
              hideOnSinglePage: true,
              onChange: (p, size) => paging.table(list.data?.total).onChange?.(p, size),
            }}
            renderItem={(a) => (
              <List.Item key={a.id}>
                <Flex vertical gap={4} className="qifu-full-width">
                  <Link to={appealPages.detail(a.id)}>
                    <strong>{a.title}</strong>
                  </Link>
                  <Flex gap={4} wrap align="center">
                    <span className="qifu-code qifu-small">{a.code}</span>
                    <AppealStateTag state={a.state} />
                    <Tag>{m.appealsStaff.types[a.type]}</Tag>
                    <SupervisionTag level={a.supervisionLevel} />
                  </Flex>
                  <Typography.Text type="secondary" className="qifu-small">
                    {[a.enterprise?.name, topicName(a), a.leadDepartment?.name].filter(Boolean).join(' · ')}
                  </Typography.Text>
                  {clockRuns(a.state) ? <SlaTag sla={runningSla(a.sla)} /> : null}
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<AppealSummary>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            pagination={paging.table(list.data?.total)}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t.empty }}
            columns={[
              {
                title: t.code,
                dataIndex: 'code',
                fixed: 'left',
                render: (v: string, a) => (
                  <Link to={appealPages.detail(a.id)} className="qifu-code">
                    {v}
                  </Link>
                ),
              },
              {
                title: t.titleCol,
                dataIndex: 'title',
                render: (v: string, a) => (
                  <Link to={appealPages.detail(a.id)} className="qifu-as-title">
                    {v}
                  </Link>
                ),
              },
              {
                title: t.enterprise,
                key: 'enterprise',
                render: (_, a) => <span className="qifu-as-enterprise">{a.enterprise?.name ?? '—'}</span>,
              },
              {
                title: t.typeTopic,
                key: 'typeTopic',
                render: (_, a) => (
                  <Flex vertical gap={2}>
                    <span>{m.appealsStaff.types[a.type] ?? a.type}</span>
                    {topicName(a) ? (
                      <Typography.Text type="secondary" className="qifu-small">
                        {topicName(a)}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              {
                title: t.state,
                dataIndex: 'state',
                // The state, with the side flags a desk sorts by: 催办/督办 and a pending extension.
                render: (v: AppealState, a) => (
                  <Flex gap={4} wrap className="qifu-as-flags">
                    <AppealStateTag state={v} />
                    <SupervisionTag level={a.supervisionLevel} />
                    {a.extensionStatus === 'requested' ? (
                      <Tag color="gold">{m.appealsStaff.extension.requested}</Tag>
                    ) : null}
                  </Flex>
                ),
              },
              { title: t.leadDepartment, key: 'lead', render: (_, a) => a.leadDepartment?.name ?? '—' },
              {
                title: t.deadline,
                key: 'deadline',
                render: (_, a) =>
                  clockRuns(a.state) ? <SlaTag sla={runningSla(a.sla)} withDeadline /> : '—',
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
