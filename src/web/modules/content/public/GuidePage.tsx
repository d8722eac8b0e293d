import { ArrowLeftOutlined, ExportOutlined, InfoCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Grid,
  Row,
  Skeleton,
  Steps,
  Table,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import { isApiError } from '../../../app/api';
import { LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { safeHref } from '../../policies/rich-text';
import { AttachmentLinks } from '../components/AttachmentLinks';
import { CategoryTag } from '../components/tags';
import { contentApi, contentPages } from '../paths';
import type { Guide, GuideMaterial } from '../types';

/**
 * /services/guides/:id — a 零咨询 guide: the steps, the materials with copies and requirements, time limit, fees,
 * place, hours, phone, the online service, the legal basis and the forms to download. Prints cleanly (content.css).
 */
export function GuidePage() {
  const m = useT();
  const t = m.content.guide;
  const id = useParams().id ?? '';
  const guide = useApi<Guide>(contentApi.guide(id));
  const screens = Grid.useBreakpoint();

  if (guide.error) {
    if (isApiError(guide.error) && guide.error.status === 404)
      return <NotFound back={{ to: contentPages.guides, label: t.back }} />;
    return (
      <div className="qifu-container qifu-page">
        <LoadError error={guide.error} onRetry={guide.reload} />
      </div>
    );
  }
  if (!guide.data) {
    return (
      <div className="qifu-container qifu-page">
        <Skeleton active paragraph={{ rows: 14 }} />
      </div>
    );
  }
  const g = guide.data;
  const online = safeHref(g.onlineUrl);
  const given = (v: string) => v.trim() || t.notGiven;
  const phones = g.phone
    .split(/[,，;；、/\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);

  return (
    <div className="qifu-container qifu-page qifu-cnt-guide">
      <LinkButton
        type="link"
        icon={<ArrowLeftOutlined />}
        to={contentPages.guides}
        className="qifu-cnt-back qifu-no-print"
      >
        {t.back}
      </LinkButton>
      <PageHeader
        title={g.title}
        intro={
          <Flex gap={6} wrap align="center" component="span">
            <CategoryTag category={g.category} />
            <span>{m.common.labelled(t.updatedAt, formatShanghai(g.updatedAt, false))}</span>
          </Flex>
        }
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="qifu-no-print">
            {t.print}
          </Button>
        }
      />
      {g.summary ? <Typography.Paragraph className="qifu-lead">{g.summary}</Typography.Paragraph> : null}
      <Alert
        type="info"
        showIcon
        icon={<InfoCircleOutlined />}
        className="qifu-block qifu-no-print"
        title={t.zeroConsult}
      />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card title={t.steps}>
              {g.steps.length === 0 ? (
                <Typography.Text type="secondary">{t.noSteps}</Typography.Text>
              ) : (
                <Steps
                  orientation="vertical"
                  items={g.steps.map((s, i) => ({
                    key: i,
                    status: 'process' as const,
                    icon: <span className="qifu-cnt-step-icon">{i + 1}</span>,
                    title: s.title,
                    content: s.detail ? <span className="qifu-prewrap">{s.detail}</span> : undefined,
                  }))}
                />
              )}
            </Card>
            <Card title={t.materials}>
              {g.materials.length === 0 ? (
                <Typography.Text type="secondary">{t.noMaterials}</Typography.Text>
              ) : screens.md ? (
                <Table<GuideMaterial & { key: number }>
                  size="small"
                  pagination={false}
                  dataSource={g.materials.map((mt, i) => ({ ...mt, key: i }))}
                  columns={[
                    { title: '#', key: 'n', width: 48, render: (_, __, i) => i + 1 },
                    { title: t.materialName, dataIndex: 'name' },
                    {
                      title: t.copies,
                      dataIndex: 'copies',
                      width: '7rem',
                      render: (v: string) => v || m.content.none,
                    },
                    { title: t.note, dataIndex: 'note', render: (v: string) => v || m.content.none },
                  ]}
                />
              ) : (
                <ol className="qifu-cnt-materials">
                  {g.materials.map((mt, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: materials have no identity beyond their order
                    <li key={i}>
                      <strong>{mt.name}</strong>
                      <dl className="qifu-cnt-facts">
                        {mt.copies ? (
                          <div>
                            <dt>{t.copies}</dt>
                            <dd>{mt.copies}</dd>
                          </div>
                        ) : null}
                        {mt.note ? (
                          <div>
                            <dt>{t.note}</dt>
                            <dd>{mt.note}</dd>
                          </div>
                        ) : null}
                      </dl>
                    </li>
                  ))}
                </ol>
              )}
            </Card>
            <Card title={t.basis}>
              <Typography.Paragraph className="qifu-prewrap qifu-cnt-last">
                {given(g.basis)}
              </Typography.Paragraph>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card title={t.facts}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'limit', label: t.timeLimit, children: given(g.timeLimit) },
                  { key: 'fees', label: t.fees, children: given(g.fees) },
                  { key: 'place', label: t.place, children: given(g.place) },
                  { key: 'hours', label: t.hours, children: given(g.hours) },
                  {
                    key: 'phone',
                    label: t.phone,
                    children:
                      phones.length === 0 ? (
                        t.notGiven
                      ) : (
                        <Flex vertical>
                          {phones.map((p) => (
                            <a key={p} href={`tel:${p.replace(/[^\d+-]/g, '')}`}>
                              {p}
                            </a>
                          ))}
                        </Flex>
                      ),
                  },
                  {
                    key: 'online',
                    label: t.online,
                    children: online ? (
                      <a href={online} target="_blank" rel="noopener noreferrer">
                        {t.onlineGo} <ExportOutlined aria-hidden="true" />
                        <span className="qifu-print-only"> {online}</span>
                      </a>
                    ) : (
                      t.onlineNone
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={t.forms}>
              <AttachmentLinks files={g.attachments} empty={t.noForms} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
