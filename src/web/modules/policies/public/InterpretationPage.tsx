import { Card, Col, Collapse, Flex, Row, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { Interpretation } from '../../../../shared/policies';
import { isApiError } from '../../../app/api';
import { LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { RichText } from '../components/RichText';
import { DocumentStatusTag, LevelTag } from '../components/tags';
import { policyApi, policyDownloads, policyPages } from '../paths';

/** /policies/interpretations/:id — 政策解读: the plain-language explanation, Q&A and 一图读懂. */
export function InterpretationPage() {
  const m = useT();
  const t = m.policies.interpretation;
  const id = useParams().id ?? '';
  const it = useApi<Interpretation>(policyApi.interpretation(id));
  if (it.error) {
    if (isApiError(it.error) && it.error.status === 404)
      return <NotFound back={{ to: policyPages.home, label: m.policies.backToPolicies }} />;
    return (
      <div className="qifu-container qifu-page">
        <LoadError error={it.error} onRetry={it.reload} />
      </div>
    );
  }
  if (!it.data) {
    return (
      <div className="qifu-container qifu-page">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  const d = it.data;
  const imageUrl = d.image ? policyDownloads.interpretationImage(d.id) : null;
  return (
    <div className="qifu-container qifu-page">
      <PageHeader
        title={d.title}
        extra={<LinkButton to={policyPages.home}>{m.policies.backToPolicies}</LinkButton>}
      />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card title={t.plain}>
              {d.bodyHtml.trim() ? (
                <RichText html={d.bodyHtml} />
              ) : (
                <Typography.Text type="secondary">{t.noBody}</Typography.Text>
              )}
            </Card>
            {imageUrl ? (
              <Card title={t.image}>
                <figure className="qifu-figure">
                  <a href={imageUrl} target="_blank" rel="noopener noreferrer">
                    <img
                      src={imageUrl}
                      alt={t.imageAlt(d.title)}
                      className="qifu-figure-image"
                      loading="lazy"
                    />
                  </a>
                  <figcaption>
                    <a href={imageUrl} target="_blank" rel="noopener noreferrer">
                      {t.openImage}
                    </a>
                  </figcaption>
                </figure>
              </Card>
            ) : null}
            {d.qa.length > 0 ? (
              <Card title={t.qa}>
                <Collapse
                  items={d.qa.map((q, i) => ({
                    key: String(i),
                    label: q.question,
                    children: (
                      <Typography.Paragraph className="qifu-prewrap">{q.answer}</Typography.Paragraph>
                    ),
                  }))}
                  defaultActiveKey={d.qa.length <= 3 ? d.qa.map((_, i) => String(i)) : ['0']}
                />
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t.documents}>
            <ul className="qifu-open-list">
              {d.documents.map((doc) => (
                <li key={doc.id}>
                  <Link to={policyPages.document(doc.id)}>{doc.title}</Link>
                  <Flex gap={4} wrap className="qifu-open-meta">
                    <LevelTag level={doc.level} />
                    <DocumentStatusTag status={doc.status} />
                  </Flex>
                  {doc.docNumber ? (
                    <Typography.Text type="secondary" className="qifu-small">
                      {doc.docNumber}
                    </Typography.Text>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
