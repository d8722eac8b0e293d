import {
  AuditOutlined,
  CalendarOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  NotificationOutlined,
  ReadOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Grid,
  Input,
  List,
  Pagination,
  Row,
  Segmented,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type {
  DocumentStatus,
  PolicyLevel,
  PolicySearchScope,
  ProgramMode,
  ProgramSummary,
} from '../../../../shared/policies';
import type { Page } from '../../../app/api';
import { LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { Marked } from '../components/Marked';
import { ModeTag, WindowTag, windowText } from '../components/tags';
import { policyApi, policyPages } from '../paths';

const LEVELS: PolicyLevel[] = ['national', 'provincial', 'municipal', 'district'];
const STATUSES: DocumentStatus[] = ['published', 'expired', 'repealed'];
const MODES: ProgramMode[] = ['no_application', 'quick_application', 'standard_application'];
const SCOPES: PolicySearchScope[] = ['policy_document', 'policy_interpretation', 'policy_program'];

interface SearchHit {
  scope: PolicySearchScope;
  id: string;
  title: string;
  titleHtml: string;
  snippet: string;
  publishedOn: string | null;
}
interface SearchResult extends Page<SearchHit> {
  /** More matches than the search counts: `total` is its limit. */
  totalCapped: boolean;
  terms: string[];
}

const SCOPE_ICONS: Record<PolicySearchScope, ReactNode> = {
  policy_document: <FileTextOutlined />,
  policy_interpretation: <ReadOutlined />,
  policy_program: <AuditOutlined />,
};

function hitPath(hit: SearchHit): string {
  if (hit.scope === 'policy_document') return policyPages.document(hit.id);
  if (hit.scope === 'policy_interpretation') return policyPages.interpretation(hit.id);
  return policyPages.program(hit.id);
}

/** /services/policies — 政策服务: search every policy, filter, and the ways into the rest of the module. */
export function PolicyHomePage() {
  const m = useT();
  const t = m.policies.home;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filters = {
    scope: params.get('scope') ?? undefined,
    level: params.get('level') ?? undefined,
    body: params.get('body') ?? undefined,
    topic: params.get('topic') ?? undefined,
    status: params.get('status') ?? undefined,
    mode: params.get('mode') ?? undefined,
    openNow: params.get('openNow') === 'true' ? 'true' : undefined,
  };
  const page = Number(params.get('page') ?? '1') || 1;
  // Phones (and large type) get the compact pager: the full one does not fit 375 px.
  const screens = Grid.useBreakpoint();
  const pageSize = 10;
  const result = useApi<SearchResult>(policyApi.search, { q, ...filters, page, pageSize });
  // Issuing bodies to filter by: the ones the published documents name.
  const docs = useApi<Page<{ issuer: string }>>(policyApi.documents, { pageSize: 100 });
  const issuers = [...new Set((docs.data?.items ?? []).map((d) => d.issuer))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
  const filtered = Object.values(filters).some(Boolean);

  /** Change the query string; any change but paging goes back to page 1. */
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: false });
  };

  return (
    <div className="qifu-container qifu-page">
      <PageHeader title={t.title} intro={t.intro} />
      <QuickLinks />
      <Row gutter={[24, 24]} className="qifu-top-gap">
        <Col xs={24} lg={16}>
          <Card>
            <search aria-label={t.searchLabel}>
              <Input.Search
                key={q}
                size="large"
                allowClear
                defaultValue={q}
                placeholder={t.searchPlaceholder}
                aria-label={t.searchLabel}
                enterButton={m.common.search}
                onSearch={(v) => update({ q: v.trim() || undefined })}
              />
            </search>
            <Flex vertical gap={12} className="qifu-top-gap">
              <Segmented<string>
                aria-label={t.scopeLabel}
                value={filters.scope ?? ''}
                onChange={(v) => update({ scope: v || undefined })}
                options={[
                  { value: '', label: t.allScopes },
                  ...SCOPES.map((s) => ({ value: s, label: m.policies.scopes[s] })),
                ]}
                className="qifu-scope-switch"
              />
              <Flex gap={8} wrap className="qifu-filters">
                <Select<string>
                  allowClear
                  className="qifu-filter-select"
                  placeholder={t.level}
                  aria-label={t.level}
                  value={filters.level}
                  onChange={(v) => update({ level: v })}
                  options={LEVELS.map((l) => ({ value: l, label: m.policies.levels[l] }))}
                />
                <Select<string>
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  className="qifu-filter-select qifu-filter-wide"
                  placeholder={t.issuer}
                  aria-label={t.issuer}
                  value={filters.body}
                  onChange={(v) => update({ body: v })}
                  options={issuers.map((i) => ({ value: i, label: i }))}
                />
                <Select<string>
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  className="qifu-filter-select"
                  placeholder={t.topic}
                  aria-label={t.topic}
                  value={filters.topic}
                  onChange={(v) => update({ topic: v })}
                  options={Object.entries(m.policies.topics).map(([value, label]) => ({ value, label }))}
                />
                <Select<string>
                  allowClear
                  className="qifu-filter-select"
                  placeholder={t.status}
                  aria-label={t.status}
                  value={filters.status}
                  onChange={(v) => update({ status: v })}
                  options={STATUSES.map((s) => ({ value: s, label: m.policies.documentStatuses[s] }))}
                />
                <Select<string>
                  allowClear
                  className="qifu-filter-select"
                  placeholder={t.mode}
                  aria-label={t.mode}
                  value={filters.mode}
                  onChange={(v) => update({ mode: v })}
                  options={MODES.map((s) => ({ value: s, label: m.policies.modes[s] }))}
                />
                <Checkbox
                  checked={filters.openNow === 'true'}
                  onChange={(e) => update({ openNow: e.target.checked ? 'true' : undefined })}
                >
                  {t.openNow}
                </Checkbox>
                {filtered ? (
                  <Button
                    type="link"
                    onClick={() =>
                      update({
                        scope: undefined,
                        level: undefined,
                        body: undefined,
                        topic: undefined,
                        status: undefined,
                        mode: undefined,
                        openNow: undefined,
                      })
                    }
                  >
                    {t.clearFilters}
                  </Button>
                ) : null}
              </Flex>
            </Flex>
          </Card>
          <section aria-live="polite" aria-busy={result.loading} className="qifu-top-gap">
            {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
            {!result.data && result.loading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
            {result.data ? (
              <>
                <Typography.Paragraph type="secondary">
                  {q
                    ? t.resultCountFor(q, result.data.total, result.data.totalCapped)
                    : t.resultCount(result.data.total, result.data.totalCapped)}
                </Typography.Paragraph>
                {result.data.items.length === 0 ? (
                  <Card>
                    <Empty description={t.empty} />
                  </Card>
                ) : (
                  <List
                    className="qifu-search-results"
                    dataSource={result.data.items}
                    renderItem={(hit) => (
                      <List.Item key={`${hit.scope}-${hit.id}`}>
                        <article className="qifu-search-hit">
                          <Flex gap={8} align="center" wrap>
                            <Tag icon={SCOPE_ICONS[hit.scope]}>{m.policies.scopes[hit.scope]}</Tag>
                            <Link to={hitPath(hit)} className="qifu-search-title">
                              <Marked html={hit.titleHtml} />
                            </Link>
                          </Flex>
                          {hit.snippet ? (
                            <p className="qifu-search-snippet">
                              <Marked html={hit.snippet} />
                            </p>
                          ) : null}
                          {hit.publishedOn ? (
                            <Typography.Text type="secondary" className="qifu-small">
                              {t.publishedOn(hit.publishedOn)}
                            </Typography.Text>
                          ) : null}
                        </article>
                      </List.Item>
                    )}
                  />
                )}
                {result.data.total > pageSize ? (
                  <Pagination
                    className="qifu-top-gap"
                    simple={!screens.md}
                    current={page}
                    pageSize={pageSize}
                    total={result.data.total}
                    showSizeChanger={false}
                    onChange={(p) => {
                      update({ page: String(p) });
                      window.scrollTo({ top: 0 });
                    }}
                  />
                ) : null}
              </>
            ) : null}
          </section>
        </Col>
        <Col xs={24} lg={8}>
          <OpenPrograms />
        </Col>
      </Row>
    </div>
  );
}

function QuickLinks() {
  const m = useT();
  const t = m.policies.home;
  const links = [
    { to: policyPages.selfTest, icon: <ExperimentOutlined />, copy: t.quick.selfTest },
    { to: policyPages.calendar, icon: <CalendarOutlined />, copy: t.quick.calendar },
    { to: policyPages.notices, icon: <NotificationOutlined />, copy: t.quick.notices },
    { to: policyPages.matches, icon: <ScheduleOutlined />, copy: t.quick.matches },
  ];
  return (
    <nav aria-label={t.quickTitle}>
      <Row gutter={[16, 16]}>
        {links.map((l) => (
          <Col xs={24} sm={12} lg={6} key={l.to}>
            <Link to={l.to} className="qifu-service-card qifu-quick-card">
              <span className="qifu-service-icon" aria-hidden="true">
                {l.icon}
              </span>
              <span className="qifu-service-body">
                <span className="qifu-service-title">{l.copy.title}</span>
                <span className="qifu-service-text">{l.copy.text}</span>
              </span>
            </Link>
          </Col>
        ))}
      </Row>
    </nav>
  );
}

/** 正在申报: programs whose window is open today. */
function OpenPrograms() {
  const m = useT();
  const t = m.policies.home;
  const open = useApi<Page<ProgramSummary>>(policyApi.programs, { openNow: 'true', pageSize: 8 });
  return (
    <Card title={t.openTitle} extra={<Link to={policyPages.calendar}>{t.openMore}</Link>}>
      {open.error ? <LoadError error={open.error} onRetry={open.reload} /> : null}
      {!open.data && !open.error ? <Skeleton active /> : null}
      {open.data && open.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t.openEmpty}</Typography.Text>
      ) : null}
      {open.data && open.data.items.length > 0 ? (
        <ul className="qifu-open-list">
          {open.data.items.map((p) => (
            <li key={p.id}>
              <Link to={policyPages.program(p.id)}>{p.title}</Link>
              <Flex gap={4} wrap className="qifu-open-meta">
                <ModeTag mode={p.mode} />
                <WindowTag state={p.windowState} />
              </Flex>
              <Typography.Text type="secondary" className="qifu-small">
                {windowText(m, p.windowStart, p.windowEnd)}
              </Typography.Text>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
