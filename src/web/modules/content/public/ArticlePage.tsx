import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import { isApiError } from '../../../app/api';
import { LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { RichText } from '../../policies/components/RichText';
import { AttachmentLinks } from '../components/AttachmentLinks';
import { ChannelTag, PinnedTag } from '../components/tags';
import { contentApi, contentPages } from '../paths';
import type { Article } from '../types';

/** /services/news/:id — one article: channel, source, date, the sanitised body, an event's time and place, files. */
export function ArticlePage() {
  const m = useT();
  const t = m.content.article;
  const id = useParams().id ?? '';
  const article = useApi<Article>(contentApi.article(id));

  if (article.error) {
    if (isApiError(article.error) && article.error.status === 404)
      return <NotFound back={{ to: contentPages.news, label: t.back }} />;
    return (
      <div className="qifu-container qifu-page">
        <LoadError error={article.error} onRetry={article.reload} />
      </div>
    );
  }
  if (!article.data) {
    return (
      <div className="qifu-container qifu-page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  const a = article.data;
  const isEvent = a.channel === 'event' && (a.eventStartsAt || a.eventPlace);
  return (
    <div className="qifu-container qifu-page qifu-cnt-reading">
      <LinkButton type="link" icon={<ArrowLeftOutlined />} to={contentPages.news} className="qifu-cnt-back">
        {t.back}
      </LinkButton>
      <PageHeader
        title={a.title}
        intro={
          <Flex gap={6} wrap align="center" component="span">
            {a.pinned ? <PinnedTag /> : null}
            <ChannelTag channel={a.channel} />
            <span>
              {a.source ? `${m.common.labelled(t.source, a.source)} · ` : ''}
              {m.common.labelled(t.publishedAt, formatShanghai(a.publishAt))} · {t.views(a.views)}
            </span>
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        {isEvent ? (
          <Card title={t.eventTitle} size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                {
                  key: 'time',
                  label: m.content.news.eventTime,
                  children: formatShanghai(a.eventStartsAt),
                },
                { key: 'place', label: m.content.news.eventPlace, children: a.eventPlace ?? m.content.none },
              ]}
            />
          </Card>
        ) : null}
        <Card>
          {a.summary ? <Typography.Paragraph className="qifu-lead">{a.summary}</Typography.Paragraph> : null}
          {a.bodyHtml.trim() ? (
            <RichText html={a.bodyHtml} />
          ) : (
            <Typography.Text type="secondary">{t.noBody}</Typography.Text>
          )}
        </Card>
        {a.attachments.length > 0 ? (
          <Card title={m.content.attachments}>
            <AttachmentLinks files={a.attachments} empty={t.noAttachments} />
          </Card>
        ) : null}
        <Typography.Text type="secondary" className="qifu-small">
          {m.common.labelled(t.updatedAt, formatShanghai(a.updatedAt))}
        </Typography.Text>
      </Flex>
    </div>
  );
}
