import { ClockCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import {
  Card,
  Col,
  Collapse,
  Empty,
  Flex,
  Grid,
  Input,
  List,
  Pagination,
  Row,
  Skeleton,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Page } from '../../../app/api';
import { LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { Marked } from '../../policies/components/Marked';
import { CreateAppealCta } from '../components/CreateAppealCta';
import { appealApi, appealPages } from '../paths';
import { DEFAULT_ACCEPT_WORKDAYS, typesByReplyClock } from '../sla';
import { groupTopics, topicList } from '../topics';
import type { AppealKbSearch, AppealTopic } from '../types';
import '../appeals.css';

const KB_PAGE_SIZE = 8;

/** /services/appeals — 诉求受理: what the service is, the working-day clock, the catalogue and the FAQ search. */
export function AppealServicePage() {
  const m = useT();
  const t = m.appeals.home;
  // On a phone the way to the form comes first, not after the catalogue.
  const wide = Grid.useBreakpoint().lg === true;
  const cta = (
    <Card className="qifu-appeal-cta-card">
      <CreateAppealCta block />
    </Card>
  );
  const topics = useApi<AppealTopic[] | Page<AppealTopic>>(appealApi.topics);
  return (
    <div className="qifu-container qifu-page qifu-appeals">
      <PageHeader title={m.appeals.title} intro={t.intro} />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            {wide ? null : cta}
            <Card title={t.what}>
              <Typography.Paragraph>{t.whatText}</Typography.Paragraph>
              <Typography.Title level={4} className="qifu-appeal-subtitle">
                {t.stepsTitle}
              </Typography.Title>
              <Steps
                size="small"
                responsive
                current={-1}
                items={t.steps.map((s) => ({ title: s.title, content: s.text }))}
              />
            </Card>
            <KbSearch topics={topicList(topics.data)} />
            <Catalogue
              topics={topicList(topics.data)}
              loading={topics.loading}
              error={topics.error}
              reload={topics.reload}
            />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {wide ? cta : null}
            <ClockCard />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

/** 办理时限 in plain words: the defaults, and that topics may differ. */
function ClockCard() {
  const m = useT();
  const t = m.appeals.home;
  return (
    <Card
      title={
        <span>
          <ClockCircleOutlined aria-hidden="true" /> {t.clockTitle}
        </span>
      }
    >
      <Typography.Paragraph>{t.clockIntro}</Typography.Paragraph>
      <ul className="qifu-appeal-clock">
        <li>{t.clockAccept(DEFAULT_ACCEPT_WORKDAYS)}</li>
        {typesByReplyClock().map(([days, types]) => (
          <li key={days}>
            {t.clockReply(types.map((ty) => m.appeals.types[ty]).join(m.common.listJoin), days)}
          </li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary" className="qifu-small">
        {m.appeals.sla.explain} {t.clockTopic}
      </Typography.Paragraph>
    </Card>
  );
}

/** 常见问题: the published knowledge base, searched in Chinese, the matches highlighted. */
function KbSearch({ topics }: { topics: AppealTopic[] }) {
  const m = useT();
  const t = m.appeals.home;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const result = useApi<AppealKbSearch>(appealApi.kb, { q, page, pageSize: KB_PAGE_SIZE });
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const items = result.data?.items ?? [];
  // The entry page marks the same words again.
  const kbLink = (id: string) =>
    q ? `${appealPages.kbEntry(id)}?q=${encodeURIComponent(q)}` : appealPages.kbEntry(id);
  const topicName = (code: string | null) => topics.find((tp) => tp.code === code)?.name;
  return (
    <Card
      title={
        <span>
          <QuestionCircleOutlined aria-hidden="true" /> {t.kbTitle}
        </span>
      }
    >
      <Typography.Paragraph type="secondary">{t.kbIntro}</Typography.Paragraph>
      <search aria-label={t.kbSearch}>
        <Input.Search
          key={q}
          size="large"
          allowClear
          defaultValue={q}
          placeholder={t.kbPlaceholder}
          aria-label={t.kbSearch}
          enterButton={m.common.search}
          onSearch={(v) => update({ q: v.trim() || undefined })}
        />
      </search>
      <Typography.Text type="secondary" className="qifu-appeal-kb-count" role="status">
        {result.data ? (q ? t.kbResults(result.data.total) : t.kbLatest) : null}
      </Typography.Text>
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {result.loading && !result.data ? (
        <Skeleton active />
      ) : (
        <List
          className="qifu-appeal-kb-list"
          dataSource={items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.kbEmpty} /> }}
          renderItem={(e) => {
            const topic = e.topicName ?? topicName(e.topicCode);
            return (
              <List.Item key={e.id}>
                <div className="qifu-appeal-kb-item">
                  <Link to={kbLink(e.id)} className="qifu-appeal-kb-question">
                    <Marked html={e.questionHtml} />
                  </Link>
                  <Typography.Paragraph type="secondary" className="qifu-appeal-kb-snippet">
                    <Marked html={e.snippet} />
                  </Typography.Paragraph>
                  {topic ? <Tag>{topic}</Tag> : null}
                </div>
              </List.Item>
            );
          }}
        />
      )}
      {(result.data?.total ?? 0) > KB_PAGE_SIZE ? (
        <Pagination
          className="qifu-top-gap"
          simple
          current={page}
          pageSize={KB_PAGE_SIZE}
          total={result.data?.total ?? 0}
          onChange={(p) => update({ page: String(p) })}
        />
      ) : null}
    </Card>
  );
}

/** 受理事项目录: the dispatch catalogue by category, each topic with its unit and any clock of its own. */
function Catalogue({
  topics,
  loading,
  error,
  reload,
}: {
  topics: AppealTopic[];
  loading: boolean;
  error: unknown;
  reload(): void;
}) {
  const m = useT();
  const t = m.appeals.home;
  const groups = groupTopics(topics);
  return (
    <Card title={t.catalogueTitle}>
      <Typography.Paragraph type="secondary">{t.catalogueIntro}</Typography.Paragraph>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {loading && topics.length === 0 ? (
        <Skeleton active />
      ) : groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.catalogueEmpty} />
      ) : (
        <Collapse
          className="qifu-appeal-catalogue"
          defaultActiveKey={groups[0] ? [groups[0].category] : []}
          items={groups.map((g) => ({
            key: g.category,
            label: (
              <Flex gap={8} align="center">
                <strong>{g.category}</strong>
                <Tag>{g.topics.length}</Tag>
              </Flex>
            ),
            children: (
              <ul className="qifu-appeal-topics">
                {g.topics.map((tp) => (
                  <li key={tp.code}>
                    <div className="qifu-appeal-topic-name">{tp.name}</div>
                    {tp.description ? (
                      <Typography.Text type="secondary" className="qifu-small">
                        {tp.description}
                      </Typography.Text>
                    ) : null}
                    <Flex gap={4} wrap className="qifu-appeal-topic-tags">
                      {tp.leadDepartment ? (
                        <Tag color="blue">{t.leadDepartment(tp.leadDepartment.name)}</Tag>
                      ) : null}
                      {tp.sla?.acceptWorkdays ? (
                        <Tag color="gold">{t.topicAccept(tp.sla.acceptWorkdays)}</Tag>
                      ) : null}
                      {tp.sla?.replyWorkdays ? (
                        <Tag color="gold">{t.topicReply(tp.sla.replyWorkdays)}</Tag>
                      ) : null}
                    </Flex>
                  </li>
                ))}
              </ul>
            ),
          }))}
        />
      )}
    </Card>
  );
}
