import { PlusOutlined } from '@ant-design/icons';
import { Card, Checkbox, DatePicker, Flex, Select, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import {
  VISIT_FORMS,
  type VisitCoverage,
  type VisitForm,
  type VisitList,
} from '../../../../shared/visits-api';
import { hasAnyRole } from '../../../app/access';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { CoverageView } from './CoverageView';
import { visitApi, visitPages } from './paths';
import { VisitTable } from './VisitTable';

interface EnterpriseOption {
  id: string;
  name: string;
  street: string | null;
  lastVisitedOn: string | null;
}

/** /workbench/visits — 走访记录: the liaison's own visits; the leader's district-wide list and 走访覆盖. */
export function VisitsPage() {
  const m = useT();
  const t = m.visits;
  const { user } = useSession();
  const isLeader = hasAnyRole(user, ['leader']);
  const isLiaison = hasAnyRole(user, ['liaison']);
  const [params, setParams] = useSearchParams();
  const tab = isLeader && params.get('tab') === 'coverage' ? 'coverage' : 'list';
  const setTab = (key: string) =>
    setParams(
      (p) => {
        if (key === 'coverage') p.set('tab', 'coverage');
        else p.delete('tab');
        return p;
      },
      { replace: true },
    );

  return (
    <div>
      <PageHeader
        title={t.title}
        intro={isLeader ? t.leaderIntro : t.intro}
        extra={
          isLiaison ? (
            <LinkButton type="primary" icon={<PlusOutlined />} to={visitPages.create()}>
              {t.create}
            </LinkButton>
          ) : null
        }
      />
      {isLeader ? (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'list', label: t.tabs.list, children: <VisitListCard leader /> },
            { key: 'coverage', label: t.tabs.coverage, children: <CoverageTab /> },
          ]}
        />
      ) : (
        <VisitListCard leader={false} />
      )}
    </div>
  );
}

function CoverageTab() {
  const res = useApi<VisitCoverage>(visitApi.coverage);
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  return <CoverageView coverage={res.data} loading={res.loading} />;
}

function VisitListCard({ leader }: { leader: boolean }) {
  const m = useT();
  const t = m.visits;
  const [params, setParams] = useSearchParams();
  const paging = usePaging();
  const enterpriseId = params.get('enterprise') ?? undefined;
  const liaisonId = params.get('liaison') ?? undefined;
  const form = (params.get('form') as VisitForm | null) ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const open = params.get('open') === 'true';
  const set = (key: string, value: string | undefined) => {
    paging.reset();
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );
  };
  const list = useApi<VisitList>(visitApi.list, {
    enterpriseId,
    liaisonId,
    form,
    from,
    to,
    openProblems: open ? 'true' : undefined,
    ...paging.query,
  });
  // The liaison picks among his enterprises; the leader among the liaisons (the coverage lists them all).
  const enterprises = useApi<{ items: EnterpriseOption[] }>(leader ? null : visitApi.enterprises);
  const coverage = useApi<VisitCoverage>(leader ? visitApi.coverage : null);
  const range: [Dayjs, Dayjs] | null = from && to ? [dayjs(from), dayjs(to)] : null;

  return (
    <Card>
      <Flex gap={8} wrap className="qifu-filters">
        {leader ? (
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="qifu-filter-select"
            placeholder={t.filters.allLiaisons}
            aria-label={t.filters.liaison}
            value={liaisonId}
            onChange={(v) => set('liaison', v)}
            options={(coverage.data?.liaisons ?? []).map((l) => ({ value: l.id, label: l.name }))}
          />
        ) : (
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="qifu-filter-select"
            placeholder={t.filters.allEnterprises}
            aria-label={t.filters.enterprise}
            value={enterpriseId}
            onChange={(v) => set('enterprise', v)}
            options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
        )}
        <Select<VisitForm>
          allowClear
          className="qifu-filter-select"
          placeholder={t.filters.allForms}
          aria-label={t.filters.form}
          value={form}
          onChange={(v) => set('form', v)}
          options={VISIT_FORMS.map((f) => ({ value: f, label: t.forms[f] }))}
        />
        <DatePicker.RangePicker
          aria-label={t.filters.dates}
          value={range}
          onChange={(v) => {
            paging.reset();
            setParams(
              (p) => {
                if (v?.[0] && v[1]) {
                  p.set('from', v[0].format('YYYY-MM-DD'));
                  p.set('to', v[1].format('YYYY-MM-DD'));
                } else {
                  p.delete('from');
                  p.delete('to');
                }
                return p;
              },
              { replace: true },
            );
          }}
        />
        <Checkbox checked={open} onChange={(e) => set('open', e.target.checked ? 'true' : undefined)}>
          {t.filters.openProblems}
        </Checkbox>
      </Flex>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <div className="qifu-top-gap">
        <VisitTable
          rows={list.data?.items ?? []}
          loading={list.loading}
          pagination={paging.table(list.data?.total)}
          showLiaison={leader}
        />
      </div>
    </Card>
  );
}
