import { Card, Col, Descriptions, Flex, Row, Skeleton, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import { isApiError, type Page } from '../../../app/api';
import { LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { CreateAppealCta } from '../components/CreateAppealCta';
import { Highlighted } from '../components/Highlighted';
import { appealApi, appealPages } from '../paths';
import { kbTopicName, topicList } from '../topics';
import type { AppealKbEntry, AppealTopic } from '../types';
import '../appeals.css';

/** /services/appeals/kb/:id — one published question and its answer, the search words still marked. */
export function KbEntryPage() {
  const m = useT();
  const t = m.appeals.kb;
  const id = useParams().id ?? '';
  const q = useSearchParams()[0].get('q') ?? '';
  const entry = useApi<AppealKbEntry>(appealApi.kbEntry(id));
  const topics = useApi<AppealTopic[] | Page<AppealTopic>>(appealApi.topics);
  const back = (
    <LinkButton to={q ? `${appealPages.home}?q=${encodeURIComponent(q)}` : appealPages.home}>
      {t.back}
    </LinkButton>
  );
  if (entry.error) {
    if (isApiError(entry.error) && entry.error.status === 404)
      return <NotFound back={{ to: appealPages.home, label: t.back }} />;
    return (
      <div className="qifu-container qifu-page">
        <LoadError error={entry.error} onRetry={entry.reload} />
      </div>
    );
  }
  const e = entry.data;
  if (!e) {
    return (
      <div className="qifu-container qifu-page">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  const topic = kbTopicName(e, topicList(topics.data));
  return (
    <div className="qifu-container qifu-page qifu-appeals">
      <PageHeader title={t.title} extra={back} />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <Card>
            <article className="qifu-appeal-kb-entry">
              <Typography.Title level={3} className="qifu-appeal-kb-title">
                <Highlighted text={e.question} query={q} />
              </Typography.Title>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 3 }}
                items={[
                  ...(topic ? [{ key: 'topic', label: t.topic, children: topic }] : []),
                  ...(e.publishedAt
                    ? [
                        {
                          key: 'published',
                          label: t.publishedAt,
                          children: formatShanghai(e.publishedAt, false),
                        },
                      ]
                    : []),
                ]}
              />
              {e.views > 0 ? (
                <Typography.Text type="secondary" className="qifu-small">
                  {t.views(e.views)}
                </Typography.Text>
              ) : null}
              <Typography.Title level={4}>{t.answer}</Typography.Title>
              <Typography.Paragraph className="qifu-appeal-note">
                <Highlighted text={e.answer} query={q} />
              </Typography.Paragraph>
            </article>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t.notSolved}>
            <Flex vertical gap={12}>
              <Typography.Text type="secondary">{t.notSolvedText}</Typography.Text>
              <CreateAppealCta block showHint={false} />
            </Flex>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
