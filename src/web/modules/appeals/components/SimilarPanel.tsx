import { BulbOutlined, FileTextOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { Marked } from '../../policies/components/Marked';
import { appealApi, appealPages } from '../paths';
import { isEmptySimilar, similarProbe } from '../similar';
import type { AppealSimilar } from '../types';
import { Highlighted } from './Highlighted';
import { AppealStateTag } from './tags';

/**
 * 提交前先看看: the open appeals of the enterprise, the knowledge base and other enterprises' public replies that
 * look like what is being typed (GET /appeals/similar). Links open in a new tab, so the form keeps its text.
 */
export function SimilarPanel({ text, topicCode }: { text: string; topicCode?: string | undefined }) {
  const m = useT();
  const t = m.appeals.form;
  const probe = similarProbe(text);
  const result = useApi<AppealSimilar>(probe ? appealApi.similar : null, {
    text: probe ?? undefined,
    topicCode,
  });
  const lists = probe ? result.data : undefined;
  return (
    <Card
      size="small"
      className="qifu-appeal-similar"
      title={
        <span>
          <BulbOutlined aria-hidden="true" /> {t.similarTitle}
        </span>
      }
    >
      <div aria-live="polite">
        {!probe ? (
          <Typography.Text type="secondary">{t.similarHint}</Typography.Text>
        ) : result.loading && !result.data ? (
          <Skeleton active paragraph={{ rows: 3 }} title={false} />
        ) : result.error ? (
          <Typography.Text type="secondary">{t.similarNone}</Typography.Text>
        ) : !lists || isEmptySimilar(lists) ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.similarNone} />
        ) : (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{t.similarIntro}</Typography.Text>
            {lists.open.length > 0 ? (
              <section>
                <Typography.Title level={5}>{t.similarOpen}</Typography.Title>
                <Alert type="warning" showIcon className="qifu-block" title={t.similarOpenHint} />
                <ul className="qifu-appeal-similar-list">
                  {lists.open.map((a) => (
                    <li key={a.id}>
                      <FileTextOutlined aria-hidden="true" />{' '}
                      <Link to={appealPages.appeal(a.id)} target="_blank" rel="noopener">
                        <Highlighted text={a.title} query={probe ?? ''} />
                      </Link>{' '}
                      {a.state ? <AppealStateTag state={a.state} /> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {lists.kb.length > 0 ? (
              <section>
                <Typography.Title level={5}>{t.similarKb}</Typography.Title>
                <ul className="qifu-appeal-similar-list">
                  {lists.kb.map((e) => (
                    <li key={e.id}>
                      <QuestionCircleOutlined aria-hidden="true" />{' '}
                      <Link to={appealPages.kbEntry(e.id)} target="_blank" rel="noopener">
                        <Marked html={e.questionHtml} />
                      </Link>
                      <div className="qifu-small qifu-appeal-similar-text">
                        <Marked html={e.snippet} />
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {lists.public.length > 0 ? (
              <section>
                <Typography.Title level={5}>{t.similarPublic}</Typography.Title>
                <ul className="qifu-appeal-similar-list">
                  {lists.public.map((r) => (
                    <li key={r.id}>
                      <strong>
                        <Highlighted text={r.title} query={probe ?? ''} />
                      </strong>
                      <Typography.Paragraph
                        type="secondary"
                        className="qifu-small qifu-appeal-similar-text"
                        ellipsis={{ rows: 3, expandable: true, symbol: t.expand }}
                      >
                        {r.reply}
                      </Typography.Paragraph>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </Flex>
        )}
      </div>
    </Card>
  );
}
