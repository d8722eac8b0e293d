import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatShanghai } from '../../../shared/format';
import { isRole } from '../../../shared/roles';
import { api } from '../../app/api';
import { LoadError, PageHeader } from '../../app/components';
import { useDescribeError } from '../../app/errors';
import { useT } from '../../app/prefs';
import { useApi } from '../../app/useApi';
import { usePaging } from '../../app/usePaging';
import { auditActionLabel } from './audit-labels';
import type { AuditEntry, AuditVerifyResult } from './audit-types';

interface Filters {
  action?: string;
  actorId?: string;
  objectId?: string;
}

/** 审计日志 (auditor only, 三员分立): the append-only record of every state change, and its hash-chain check. */
export function AuditPage() {
  const m = useT();
  const describe = useDescribeError();
  const [filters, setFilters] = useState<Filters>({});
  const paging = usePaging();
  const list = useApi<{ total: number; items: AuditEntry[] }>('/audit', { ...filters, ...paging.query });
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<{ result?: AuditVerifyResult; error?: string } | null>(null);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify({ result: await api.post<AuditVerifyResult>('/audit/verify') });
    } catch (e) {
      setVerify({ error: describe(e) });
    } finally {
      setVerifying(false);
      list.reload();
    }
  };

  const roleLabel = (r: string | null) =>
    r && isRole(r) ? m.roles[r] : r === 'system' ? m.audit.system : (r ?? '—');

  return (
    <div>
      <PageHeader
        title={m.audit.title}
        intro={m.audit.intro}
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={runVerify}>
            {m.audit.verify}
          </Button>
        }
      />
      {verify?.result ? (
        verify.result.ok ? (
          <Alert
            type="success"
            showIcon
            className="qifu-block"
            title={m.audit.verifyOk(verify.result.checked)}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="qifu-block"
            title={m.audit.verifyBroken(verify.result.brokenAt?.seq ?? 0)}
            description={verify.result.brokenAt?.reason}
          />
        )
      ) : verify?.error ? (
        <Alert type="error" showIcon role="alert" className="qifu-block" title={verify.error} />
      ) : null}
      <Card>
        <Form<Filters>
          layout="inline"
          className="qifu-filters"
          onFinish={(v) => {
            paging.reset();
            setFilters({
              action: v.action?.trim() || undefined,
              actorId: v.actorId?.trim() || undefined,
              objectId: v.objectId?.trim() || undefined,
            });
          }}
        >
          <Form.Item name="action" label={m.audit.actionPrefix}>
            <Input allowClear placeholder={m.audit.actionPlaceholder} />
          </Form.Item>
          <Form.Item name="actorId" label={m.audit.actorId}>
            <Input allowClear />
          </Form.Item>
          <Form.Item name="objectId" label={m.audit.objectId}>
            <Input allowClear />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" icon={<SearchOutlined />}>
              {m.common.search}
            </Button>
          </Form.Item>
        </Form>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<AuditEntry>
          rowKey="seq"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={paging.table(list.data?.total)}
          expandable={{
            rowExpandable: (r) => !!r.details,
            expandedRowRender: (r) => <pre className="qifu-json">{prettyJson(r.details)}</pre>,
          }}
          columns={[
            { title: m.audit.seq, dataIndex: 'seq', width: 80 },
            { title: m.audit.at, dataIndex: 'at', render: (v: string) => formatShanghai(v) },
            {
              title: m.audit.actor,
              key: 'actor',
              render: (_, r) => (
                <span>
                  {r.actorName ?? (r.actorId ? r.actorId : m.audit.system)}
                  {r.actorRole ? (
                    <Typography.Text type="secondary"> · {roleLabel(r.actorRole)}</Typography.Text>
                  ) : null}
                </span>
              ),
            },
            {
              title: m.audit.action,
              dataIndex: 'action',
              render: (v: string) => (
                <span>
                  {auditActionLabel(m, v)}
                  <Typography.Text type="secondary" className="qifu-code">
                    {' '}
                    {v}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: m.audit.object,
              key: 'object',
              render: (_, r) =>
                r.objectType ? `${r.objectType}${r.objectId ? ` · ${r.objectId}` : ''}` : '—',
            },
            {
              title: m.audit.result,
              dataIndex: 'result',
              render: (v: string) => (
                <Tag color={v === 'success' ? 'green' : v === 'denied' ? 'orange' : 'red'}>
                  {m.audit.results[v] ?? v}
                </Tag>
              ),
            },
            { title: m.audit.ip, dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
            {
              title: m.audit.hash,
              dataIndex: 'hash',
              render: (v: string) => (
                <Typography.Text className="qifu-code" copyable={{ text: v }}>
                  {v.slice(0, 12)}…
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}

function prettyJson(text: string | null): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
