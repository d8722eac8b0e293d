import { CalendarOutlined, EnvironmentOutlined, WifiOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Input,
  Pagination,
  Row,
  Skeleton,
  Tabs,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import type { Page } from '../../../app/api';
import { LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { Marked } from '../../policies/components/Marked';
import { ChannelTag, PinnedTag } from '../components/tags';
import { contentApi, contentPages } from '../paths';
import { type ArticleChannel, type ArticleSummary, CHANNELS } from '../types';

const PAGE_SIZE = 10;

function readChannel(v: string | null): ArticleChannel | undefined {
  return CHANNELS.find((c) => c === v);
}

/** /services/news — 信息资讯: channel tabs, search with highlighted matches, pinned first, RSS and Atom feeds. */
export function NewsListPage() {
  const m = useT();
  const t = m.content.news;
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const channel = readChannel(params.get('channel'));
  const q = params.get('q')?.trim() || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useApi<Page<ArticleSummary>>(contentApi.articles, { channel, q, page, pageSize: PAGE_SIZE });

  /** Change some parameters; any change but the page's own goes back to page 1. */
  const update = (next: Record<string, string | undefined>) => {
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(next)) {
        if (v) out.set(k, v);
        else out.delete(k);
      }
      if (!('page' in next)) out.delete('page');
      return out;
    });
  };

  const feedQuery = channel ? `?channel=${channel}` : '';
  return (
    <div className="qifu-container qifu-page">
      <PageHeader title={t.title} intro={t.intro} />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={17}>
          <Card>
            <search aria-label={t.searchLabel}>
              <Input.Search
                key={q ?? ''}
                size="large"
                allowClear
                defaultValue={q}
                maxLength={64}
                placeholder={t.searchPlaceholder}
                aria-label={t.searchLabel}
                enterButton={m.common.search}
                onSearch={(v) => update({ q: v.trim() || undefined })}
              />
            </search>
            <Tabs
              className="qifu-cnt-tabs"
              activeKey={channel ?? 'all'}
              onChange={(k) => update({ channel: k === 'all' ? undefined : k })}
              aria-label={t.channelsLabel}
              items={[
                { key: 'all', label: m.content.all },
                ...CHANNELS.map((c) => ({ key: c, label: m.content.channels[c] })),
              ]}
            />
            <section aria-live="polite" aria-busy={list.loading}>
              {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
              {!list.data && list.loading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
              {list.data ? (
                <>
                  <Typography.Paragraph type="secondary">
                    {q ? t.totalFor(q, list.data.total) : t.total(list.data.total)}
                  </Typography.Paragraph>
                  {list.data.items.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q ? t.emptySearch(q) : t.empty}>
                      {q || channel ? (
                        <Button onClick={() => update({ q: undefined, channel: undefined })}>
                          {t.clearSearch}
                        </Button>
                      ) : null}
                    </Empty>
                  ) : (
                    <ol className="qifu-cnt-list">
                      {list.data.items.map((a) => (
                        <li key={a.id}>
                          <ArticleItem article={a} />
                        </li>
                      ))}
                    </ol>
                  )}
                  {list.data.total > PAGE_SIZE ? (
                    <Pagination
                      className="qifu-top-gap"
                      simple={!screens.md}
                      current={page}
                      pageSize={PAGE_SIZE}
                      total={list.data.total}
                      showSizeChanger={false}
                      showTotal={screens.md ? m.common.total : undefined}
                      onChange={(p) => {
                        update({ page: p > 1 ? String(p) : undefined });
                        window.scrollTo(0, 0);
                      }}
                    />
                  ) : null}
                </>
              ) : null}
            </section>
          </Card>
        </Col>
        <Col xs={24} lg={7}>
          <Flex vertical gap={16}>
            <Card title={t.feedsTitle} size="small">
              <Typography.Paragraph type="secondary" className="qifu-small">
                {t.feedsText}
                {channel ? ` ${t.feedsChannel(m.content.channels[channel] ?? channel)}` : ''}
              </Typography.Paragraph>
              <Flex gap={8} wrap>
                <Button icon={<WifiOutlined />} href={`${contentApi.feedRss}${feedQuery}`} target="_blank">
                  {t.rss}
                </Button>
                <Button icon={<WifiOutlined />} href={`${contentApi.feedAtom}${feedQuery}`} target="_blank">
                  {t.atom}
                </Button>
              </Flex>
            </Card>
            <Card size="small" title={t.related}>
              <ul className="qifu-plain-list qifu-cnt-side-links">
                <li>
                  <Link to={contentPages.guides}>{t.guidesLink}</Link>
                </li>
                <li>
                  <Link to={contentPages.actionPlan}>{t.planLink}</Link>
                </li>
              </ul>
            </Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

/** One article in the list: title (matches marked), channel, 置顶, summary, source and date; an event's time and place. */
function ArticleItem({ article: a }: { article: ArticleSummary }) {
  const m = useT();
  const t = m.content.news;
  return (
    <article className="qifu-cnt-item" aria-labelledby={`article-${a.id}`}>
      <Flex gap={6} wrap align="center" className="qifu-cnt-item-tags">
        {a.pinned ? <PinnedTag /> : null}
        <ChannelTag channel={a.channel} />
      </Flex>
      <h3 className="qifu-cnt-item-title" id={`article-${a.id}`}>
        <Link to={contentPages.article(a.id)}>
          {a.highlight?.title ? <Marked html={a.highlight.title} /> : a.title}
        </Link>
      </h3>
      {a.highlight?.summary || a.summary ? (
        <p className="qifu-cnt-item-summary">
          {a.highlight?.summary ? <Marked html={a.highlight.summary} /> : a.summary}
        </p>
      ) : null}
      {a.channel === 'event' && (a.eventStartsAt || a.eventPlace) ? (
        <dl className="qifu-cnt-event">
          {a.eventStartsAt ? (
            <div>
              <dt>
                <CalendarOutlined aria-hidden="true" /> {t.eventTime}
              </dt>
              <dd>{formatShanghai(a.eventStartsAt)}</dd>
            </div>
          ) : null}
          {a.eventPlace ? (
            <div>
              <dt>
                <EnvironmentOutlined aria-hidden="true" /> {t.eventPlace}
              </dt>
              <dd>{a.eventPlace}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <Typography.Text type="secondary" className="qifu-small">
        {a.source ? `${m.common.labelled(t.source, a.source)} · ` : ''}
        {m.common.labelled(t.publishedOn, formatShanghai(a.publishAt, false))}
      </Typography.Text>
    </article>
  );
}
