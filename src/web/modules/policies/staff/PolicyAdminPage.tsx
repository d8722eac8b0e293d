import { PlusOutlined } from '@ant-design/icons';
import { Card, Flex, Input, Select, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import type {
  DocumentStatus,
  DocumentSummary,
  InterpretationStatus,
  PolicyLevel,
  ProgramMode,
  ProgramStatus,
  ProgramSummary,
  WindowState,
} from '../../../../shared/policies';
import type { Page } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { BudgetBar } from '../components/BudgetBar';
import { DocumentStatusTag, LevelTag, ModeTag, ProgramStatusTag, WindowTag } from '../components/tags';
import { policyApi, policyPages } from '../paths';

type TabKey = 'documents' | 'interpretations' | 'programs';
const TABS: TabKey[] = ['documents', 'interpretations', 'programs'];

/** /workbench/policies — 政策管理: documents, interpretations and programs, drafts included. */
export function PolicyAdminPage() {
  const m = useT();
  const t = m.policies.staff;
  const [params, setParams] = useSearchParams();
  const tab = (TABS.find((k) => k === params.get('tab')) ?? 'documents') as TabKey;
  const newPath = {
    documents: policyPages.staffDocument('new'),
    interpretations: policyPages.staffInterpretation('new'),
    programs: policyPages.staffProgram('new'),
  }[tab];
  const newLabel = { documents: t.newDocument, interpretations: t.newInterpretation, programs: t.newProgram }[
    tab
  ];
  return (
    <div>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          <LinkButton type="primary" icon={<PlusOutlined />} to={newPath}>
            {newLabel}
          </LinkButton>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'documents', label: t.tabs.documents, children: <DocumentsTable /> },
            { key: 'interpretations', label: t.tabs.interpretations, children: <InterpretationsTable /> },
            { key: 'programs', label: t.tabs.programs, children: <ProgramsTable /> },
          ]}
        />
      </Card>
    </div>
  );
}

function DocumentsTable() {
  const m = useT();
  const t = m.policies.staff;
  const [filters, setFilters] = useState<{ q?: string; status?: string; level?: string }>({});
  const paging = usePaging();
  const list = useApi<Page<DocumentSummary>>(policyApi.documents, { ...filters, ...paging.query });
  const update = (patch: Partial<typeof filters>) => {
    paging.reset();
    setFilters((f) => ({ ...f, ...patch }));
  };
  return (
    <>
      <Flex gap={12} wrap className="qifu-filters">
        <Input.Search
          allowClear
          className="qifu-filter-search"
          placeholder={t.searchDocuments}
          aria-label={t.searchDocuments}
          onSearch={(v) => update({ q: v.trim() || undefined })}
        />
        <Select<string>
          allowClear
          className="qifu-filter-select"
          placeholder={t.status}
          aria-label={t.status}
          onChange={(v) => update({ status: v })}
          options={(['draft', 'published', 'expired', 'repealed'] as DocumentStatus[]).map((s) => ({
            value: s,
            label: m.policies.documentStatuses[s],
          }))}
        />
        <Select<string>
          allowClear
          className="qifu-filter-select"
          placeholder={t.level}
          aria-label={t.level}
          onChange={(v) => update({ level: v })}
          options={(['national', 'provincial', 'municipal', 'district'] as PolicyLevel[]).map((l) => ({
            value: l,
            label: m.policies.levels[l],
          }))}
        />
      </Flex>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Table<DocumentSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={paging.table(list.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.empty }}
        columns={[
          {
            title: t.colTitle,
            dataIndex: 'title',
            render: (v: string, d) => <Link to={policyPages.staffDocument(d.id)}>{v}</Link>,
          },
          { title: t.docNumber, dataIndex: 'docNumber', render: (v: string | null) => v ?? '—' },
          { title: t.issuer, dataIndex: 'issuer' },
          { title: t.level, dataIndex: 'level', render: (v: PolicyLevel) => <LevelTag level={v} /> },
          {
            title: t.status,
            dataIndex: 'status',
            render: (v: DocumentStatus) => <DocumentStatusTag status={v} />,
          },
          { title: t.version, dataIndex: 'version', render: (v: number) => m.policies.version(v) },
          { title: t.updatedAt, dataIndex: 'updatedAt', render: (v: string) => formatShanghai(v) },
        ]}
      />
    </>
  );
}

interface InterpretationRow {
  id: string;
  title: string;
  status: InterpretationStatus;
  documents: { id: string; title: string }[];
  updatedAt: string;
}

function InterpretationsTable() {
  const m = useT();
  const t = m.policies.staff;
  const [status, setStatus] = useState<string | undefined>(undefined);
  const paging = usePaging();
  const list = useApi<Page<InterpretationRow>>(policyApi.interpretations, { status, ...paging.query });
  return (
    <>
      <Flex gap={12} wrap className="qifu-filters">
        <Select<string>
          allowClear
          className="qifu-filter-select"
          placeholder={t.status}
          aria-label={t.status}
          onChange={(v) => {
            paging.reset();
            setStatus(v);
          }}
          options={(['draft', 'published'] as InterpretationStatus[]).map((s) => ({
            value: s,
            label: m.policies.interpretationStatuses[s],
          }))}
        />
      </Flex>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Table<InterpretationRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={paging.table(list.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.empty }}
        columns={[
          {
            title: t.colTitle,
            dataIndex: 'title',
            render: (v: string, d) => <Link to={policyPages.staffInterpretation(d.id)}>{v}</Link>,
          },
          {
            title: t.documents,
            dataIndex: 'documents',
            render: (docs: InterpretationRow['documents']) =>
              docs.map((d) => d.title).join(m.common.listJoin),
          },
          {
            title: t.status,
            dataIndex: 'status',
            render: (s: InterpretationStatus) => (
              <Tag color={s === 'published' ? 'green' : 'default'}>
                {m.policies.interpretationStatuses[s]}
              </Tag>
            ),
          },
          { title: t.updatedAt, dataIndex: 'updatedAt', render: (v: string) => formatShanghai(v) },
        ]}
      />
    </>
  );
}

function ProgramsTable() {
  const m = useT();
  const t = m.policies.staff;
  const [filters, setFilters] = useState<{ status?: string; mode?: string }>({});
  const paging = usePaging();
  const list = useApi<Page<ProgramSummary>>(policyApi.programs, { ...filters, ...paging.query });
  const update = (patch: Partial<typeof filters>) => {
    paging.reset();
    setFilters((f) => ({ ...f, ...patch }));
  };
  return (
    <>
      <Flex gap={12} wrap className="qifu-filters">
        <Select<string>
          allowClear
          className="qifu-filter-select"
          placeholder={t.status}
          aria-label={t.status}
          onChange={(v) => update({ status: v })}
          options={(['draft', 'published', 'withdrawn'] as ProgramStatus[]).map((s) => ({
            value: s,
            label: m.policies.programStatuses[s],
          }))}
        />
        <Select<string>
          allowClear
          className="qifu-filter-select"
          placeholder={t.mode}
          aria-label={t.mode}
          onChange={(v) => update({ mode: v })}
          options={(['no_application', 'quick_application', 'standard_application'] as ProgramMode[]).map(
            (s) => ({
              value: s,
              label: m.policies.modes[s],
            }),
          )}
        />
      </Flex>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Table<ProgramSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={paging.table(list.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.empty }}
        columns={[
          {
            title: t.programTitle,
            dataIndex: 'title',
            render: (v: string, p) => <Link to={policyPages.staffProgram(p.id)}>{v}</Link>,
          },
          { title: t.document, key: 'document', render: (_, p) => p.document.title },
          { title: t.mode, dataIndex: 'mode', render: (v: ProgramMode) => <ModeTag mode={v} /> },
          { title: t.department, key: 'dept', render: (_, p) => p.department?.name ?? '—' },
          {
            title: t.status,
            dataIndex: 'status',
            render: (v: ProgramStatus) => <ProgramStatusTag status={v} />,
          },
          { title: t.window, dataIndex: 'windowState', render: (v: WindowState) => <WindowTag state={v} /> },
          {
            title: t.budget,
            key: 'budget',
            width: 220,
            render: (_, p) => <BudgetBar budget={p.budget} compact />,
          },
          { title: t.rules, dataIndex: 'rulesVersion', render: (v: number) => m.policies.version(v) },
        ]}
      />
    </>
  );
}
