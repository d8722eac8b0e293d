import { Alert, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import type { FileInfo } from '../../../../shared/files';
import { formatShanghai } from '../../../../shared/format';
import type { DocumentVersion, PolicyDocument } from '../../../../shared/policies';
import { isApiError } from '../../../app/api';
import { LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { AttachmentList } from '../components/AttachmentList';
import { RichText } from '../components/RichText';
import { DocumentStatusTag, LevelTag, ModeTag, WindowTag } from '../components/tags';
import { policyApi, policyDownloads, policyPages } from '../paths';

/** /policies/documents/:id[?version=n] — a policy document, its attachments, interpretations, programs, versions. */
export function DocumentPage() {
  const m = useT();
  const t = m.policies.document;
  const id = useParams().id ?? '';
  const [params] = useSearchParams();
  const asked = Number(params.get('version'));
  const doc = useApi<PolicyDocument>(policyApi.document(id));
  const wantsOld =
    Number.isInteger(asked) && asked > 0 && doc.data !== undefined && asked !== doc.data.version;
  const old = useApi<DocumentVersion>(wantsOld ? policyApi.documentVersion(id, asked) : null);

  if (doc.error) {
    if (isApiError(doc.error) && doc.error.status === 404)
      return <NotFound back={{ to: policyPages.home, label: m.policies.backToPolicies }} />;
    return (
      <div className="qifu-container qifu-page">
        <LoadError error={doc.error} onRetry={doc.reload} />
      </div>
    );
  }
  if (!doc.data || (wantsOld && !old.data && !old.error)) {
    return (
      <div className="qifu-container qifu-page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  const d = doc.data;
  // The text shown: an old version when one was asked for, else the current one.
  const shown = wantsOld && old.data ? old.data : null;
  const title = shown?.title ?? d.title;
  const attachments: FileInfo[] = shown ? shown.attachments : d.attachments;

  return (
    <div className="qifu-container qifu-page">
      <PageHeader
        title={title}
        intro={
          <Flex gap={6} wrap component="span">
            <LevelTag level={shown?.level ?? d.level} />
            <DocumentStatusTag status={d.status} />
            {(shown?.topics ?? d.topics).map((c) => (
              <Tag key={c}>{m.policies.topics[c] ?? c}</Tag>
            ))}
          </Flex>
        }
        extra={<LinkButton to={policyPages.home}>{m.policies.backToPolicies}</LinkButton>}
      />
      {old.error ? <LoadError error={old.error} /> : null}
      {shown ? (
        <Alert
          type="warning"
          showIcon
          className="qifu-block"
          title={t.oldVersionTitle(shown.version)}
          description={
            <>
              {t.oldVersionText}
              {shown.changeNote ? ` ${m.common.labelled(t.changeNote, shown.changeNote)}` : ''}
            </>
          }
          action={<LinkButton to={policyPages.document(d.id)}>{t.toCurrent}</LinkButton>}
        />
      ) : null}
      {!shown && d.status === 'repealed' ? (
        <Alert type="error" showIcon className="qifu-block" title={t.repealedNotice} />
      ) : null}
      {!shown && d.status === 'expired' ? (
        <Alert type="warning" showIcon className="qifu-block" title={t.expiredNotice} />
      ) : null}
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 2 }}
                items={[
                  { key: 'no', label: t.docNumber, children: (shown ? shown.docNumber : d.docNumber) ?? '—' },
                  { key: 'issuer', label: t.issuer, children: shown?.issuer ?? d.issuer },
                  { key: 'issued', label: t.issuedOn, children: shown?.issuedOn ?? d.issuedOn },
                  {
                    key: 'effective',
                    label: t.effectiveOn,
                    children: (shown ? shown.effectiveOn : d.effectiveOn) ?? '—',
                  },
                  {
                    key: 'expires',
                    label: t.expiresOn,
                    children: (shown ? shown.expiresOn : d.expiresOn) ?? '—',
                  },
                  {
                    key: 'version',
                    label: t.version,
                    children: m.policies.version(shown?.version ?? d.version),
                  },
                ]}
              />
              {(shown?.summary ?? d.summary) ? (
                <Typography.Paragraph className="qifu-lead qifu-top-gap">
                  {shown?.summary ?? d.summary}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <Card title={t.body}>
              {(shown?.bodyHtml ?? d.bodyHtml).trim() ? (
                <RichText html={shown?.bodyHtml ?? d.bodyHtml} />
              ) : (
                <Typography.Text type="secondary">{t.noBody}</Typography.Text>
              )}
            </Card>
            <Card title={t.attachments}>
              <AttachmentList
                files={attachments}
                href={(f) => policyDownloads.documentAttachment(d.id, f.id)}
                empty={t.noAttachments}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card title={t.programs}>
              {d.programs.length === 0 ? (
                <Typography.Text type="secondary">{t.noPrograms}</Typography.Text>
              ) : (
                <ul className="qifu-open-list">
                  {d.programs.map((p) => (
                    <li key={p.id}>
                      <Link to={policyPages.program(p.id)}>{p.title}</Link>
                      <Flex gap={4} wrap className="qifu-open-meta">
                        <ModeTag mode={p.mode} />
                        <WindowTag state={p.windowState} />
                      </Flex>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={t.interpretations}>
              {d.interpretations.length === 0 ? (
                <Typography.Text type="secondary">{t.noInterpretations}</Typography.Text>
              ) : (
                <ul className="qifu-plain-list">
                  {d.interpretations.map((i) => (
                    <li key={i.id}>
                      <Link to={policyPages.interpretation(i.id)}>{i.title}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={t.versions}>
              {d.versions.length === 0 ? (
                <Typography.Text type="secondary">{t.noVersions}</Typography.Text>
              ) : (
                <ol className="qifu-version-list">
                  {d.versions.map((v) => {
                    const isCurrent = v.version === d.version;
                    const isShown = (shown?.version ?? d.version) === v.version;
                    return (
                      <li key={v.version} aria-current={isShown ? 'true' : undefined}>
                        <Flex gap={6} wrap align="center">
                          {isShown ? (
                            <strong>{t.versionItem(v.version, formatShanghai(v.createdAt, false))}</strong>
                          ) : (
                            <Link to={policyPages.document(d.id, isCurrent ? undefined : v.version)}>
                              {t.versionItem(v.version, formatShanghai(v.createdAt, false))}
                            </Link>
                          )}
                          {isCurrent ? <Tag color="green">{t.current}</Tag> : null}
                        </Flex>
                        {v.changeNote ? (
                          <Typography.Text type="secondary" className="qifu-small">
                            {v.changeNote}
                          </Typography.Text>
                        ) : null}
                      </li>
                    );
                  })}
                </ol>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
