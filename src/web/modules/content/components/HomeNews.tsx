import { Card, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import type { Page } from '../../../app/api';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { contentApi, contentPages } from '../paths';
import type { ArticleSummary } from '../types';
import { ChannelTag, PinnedTag } from './tags';

/**
 * 最新资讯 on the portal's home page (SPEC §2.6): the first page of the public list — pinned notices first, then the
 * newest — with the way to all of them. Nothing published yet (a new deployment): the section is not shown.
 */
export function HomeLatestNews() {
  const m = useT();
  const t = m.content.home;
  const list = useApi<Page<ArticleSummary>>(contentApi.articles, { page: 1, pageSize: 6 });
  if (list.error || (list.data && list.data.items.length === 0)) return null;
  return (
    <section aria-labelledby="qifu-home-news-title">
      <div className="qifu-page-header">
        <div>
          <Typography.Title level={2} id="qifu-home-news-title" className="qifu-section-title">
            {t.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
        </div>
        <Link to={contentPages.news}>{t.more}</Link>
      </div>
      <Card className="qifu-home-news">
        {list.data ? (
          <List
            dataSource={list.data.items}
            rowKey="id"
            renderItem={(a) => (
              <List.Item className="qifu-home-news-item">
                <span className="qifu-home-news-tags">
                  {a.pinned ? <PinnedTag /> : null}
                  <ChannelTag channel={a.channel} />
                </span>
                <Link to={contentPages.article(a.id)} className="qifu-home-news-title">
                  {a.title}
                </Link>
                <time dateTime={a.publishAt ?? undefined} className="qifu-home-news-date">
                  {formatShanghai(a.publishAt, false)}
                </time>
              </List.Item>
            )}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 4 }} />
        )}
      </Card>
    </section>
  );
}
