import { PlusOutlined } from '@ant-design/icons';
import { Card, Flex, Input, Select, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import type { Page } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { CategoryTag, ChannelTag, PinnedTag, StateTag } from '../components/tags';
import { contentApi, contentPages } from '../paths';
import {
  type ArticleChannel,
  type ArticleEditorSummary,
  CHANNELS,
  type ContentDisplayState,
  DISPLAY_STATES,
  GUIDE_CATEGORIES,
  type GuideCategory,
  type GuideEditorSummary,
} from '../types';
import { PlanTab } from './PlanTab';

const TABS = ['articles', 'guides', 'plan'] as const;
type Tab = (typeof TABS)[number];

/** /workbench/content — 内容管理: 资讯, 办事指南 and 行动方案 in three tabs (the tab is kept in the address). */
export function ContentAdminPage() {
  const m = useT();
  const t = m.content.staff;
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((k) => k === params.get('tab')) ?? 'articles';
  return (
    <div>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          tab === 'plan' ? null : (
            <LinkButton
              type="primary"
              icon={<PlusOutlined />}
              to={tab === 'articles' ? contentPages.staffArticle('new') : contentPages.staffGuide('new')}
            >
              {tab === 'articles' ? t.newArticle : t.newGuide}
            </LinkButton>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'articles', label: t.tabs.articles, children: <ArticlesTable /> },
            { key: 'guides', label: t.tabs.guides, children: <GuidesTable /> },
            { key: 'plan', label: t.tabs.plan, children: <PlanTab /> },
          ]}
        />
      </Card>
    </div>
  );
}

/** The state filter shared by both lists. */
function StateSelect({
  value,
  onChange,
}: {
  value: ContentDisplayState | undefined;
  onChange(v?: ContentDisplayState): void;
}) {
  const m = useT();
  const t = m.content.staff;
  return (
    <Select<ContentDisplayState>
      allowClear
      className="qifu-filter-select"
      placeholder={t.allStates}
      aria-label={t.state}
      value={value}
      onChange={(v) => onChange(v)}
      options={DISPLAY_STATES.map((s) => ({ value: s, label: m.content.states[s] }))}
    />
  );
}

function ArticlesTable() {
  const m = useT();
  const t = m.content.staff;
  const paging = usePaging();
  const [status, setStatus] = useState<ContentDisplayState | undefined>();
  const [channel, setChannel] = useState<ArticleChannel | undefined>();
  const [q, setQ] = useState('');
  const list = useApi<Page<ArticleEditorSummary>>(contentApi.manageArticles, {
    status,
    channel,
    q: q || undefined,
    ...paging.query,
  });
  const filtered = !!(status || channel || q);
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <StateSelect
          value={status}
          onChange={(v) => {
            paging.reset();
            setStatus(v);
          }}
        />
        <Select<ArticleChannel>
          allowClear
          className="qifu-filter-select"
          placeholder={t.allChannels}
          aria-label={t.channel}
          value={channel}
          onChange={(v) => {
            paging.reset();
            setChannel(v);
          }}
          options={CHANNELS.map((c) => ({ value: c, label: m.content.channels[c] }))}
        />
        <Input.Search
          allowClear
          className="qifu-filter-search"
          maxLength={64}
          placeholder={t.searchArticles}
          aria-label={t.searchArticles}
          onSearch={(v) => {
            paging.reset();
            setQ(v.trim());
          }}
        />
      </Flex>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Table<ArticleEditorSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={paging.table(list.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: filtered ? t.emptyFiltered : t.emptyArticles }}
        columns={[
          {
            title: t.titleCol,
            dataIndex: 'title',
            render: (v: string, a) => (
              <Flex gap={4} wrap align="center">
                <Link to={contentPages.staffArticle(a.id)}>{v}</Link>
                {a.pinned ? <PinnedTag /> : null}
                {/* On a phone the state and channel columns fold into the title's cell. */}
                <span className="qifu-cnt-xs-only">
                  <ChannelTag channel={a.channel} />
                  <StateTag state={a.state} />
                </span>
              </Flex>
            ),
          },
          {
            title: t.channel,
            responsive: ['md'],
            dataIndex: 'channel',
            render: (v: ArticleChannel) => <ChannelTag channel={v} />,
          },
          {
            title: t.state,
            responsive: ['md'],
            dataIndex: 'state',
            render: (v: ContentDisplayState) => <StateTag state={v} />,
          },
          {
            title: t.publishAt,
            responsive: ['md'],
            dataIndex: 'publishAt',
            render: (v: string | null) => formatShanghai(v),
          },
          {
            title: t.updatedAt,
            responsive: ['sm'],
            key: 'updated',
            render: (_, a) => (
              <Flex vertical>
                <span>{formatShanghai(a.updatedAt)}</span>
                {a.updatedByName ? (
                  <Typography.Text type="secondary" className="qifu-small">
                    {a.updatedByName}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          { title: t.views, dataIndex: 'views', align: 'right', responsive: ['md'] },
        ]}
      />
    </Flex>
  );
}

function GuidesTable() {
  const m = useT();
  const t = m.content.staff;
  const paging = usePaging();
  const [status, setStatus] = useState<ContentDisplayState | undefined>();
  const [category, setCategory] = useState<GuideCategory | undefined>();
  const [q, setQ] = useState('');
  const list = useApi<Page<GuideEditorSummary>>(contentApi.manageGuides, {
    status,
    category,
    q: q || undefined,
    ...paging.query,
  });
  const filtered = !!(status || category || q);
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <StateSelect
          value={status}
          onChange={(v) => {
            paging.reset();
            setStatus(v);
          }}
        />
        <Select<GuideCategory>
          allowClear
          className="qifu-filter-select"
          placeholder={t.allCategories}
          aria-label={t.category}
          value={category}
          onChange={(v) => {
            paging.reset();
            setCategory(v);
          }}
          options={GUIDE_CATEGORIES.map((c) => ({ value: c, label: m.content.categories[c] }))}
        />
        <Input.Search
          allowClear
          className="qifu-filter-search"
          maxLength={64}
          placeholder={t.searchGuides}
          aria-label={t.searchGuides}
          onSearch={(v) => {
            paging.reset();
            setQ(v.trim());
          }}
        />
      </Flex>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Table<GuideEditorSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={paging.table(list.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: filtered ? t.emptyFiltered : t.emptyGuides }}
        columns={[
          {
            title: t.titleCol,
            dataIndex: 'title',
            render: (v: string, g) => (
              <Flex gap={4} wrap align="center">
                <Link to={contentPages.staffGuide(g.id)}>{v}</Link>
                <span className="qifu-cnt-xs-only">
                  <CategoryTag category={g.category} />
                  <StateTag state={g.state} />
                </span>
              </Flex>
            ),
          },
          {
            title: t.category,
            responsive: ['md'],
            dataIndex: 'category',
            render: (v: GuideCategory) => <CategoryTag category={v} />,
          },
          {
            title: t.state,
            responsive: ['md'],
            dataIndex: 'state',
            render: (v: ContentDisplayState) => <StateTag state={v} />,
          },
          {
            title: t.publishAt,
            responsive: ['md'],
            dataIndex: 'publishAt',
            render: (v: string | null) => formatShanghai(v),
          },
          {
            title: t.updatedAt,
            responsive: ['sm'],
            key: 'updated',
            render: (_, g) => (
              <Flex vertical>
                <span>{formatShanghai(g.updatedAt)}</span>
                {g.updatedByName ? (
                  <Typography.Text type="secondary" className="qifu-small">
                    {g.updatedByName}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
