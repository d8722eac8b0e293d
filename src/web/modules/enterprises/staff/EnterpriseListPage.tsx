import { Card, Checkbox, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { EnterpriseListQuery, EnterpriseSummary, SizeClassCode } from '../../../../shared/enterprises';
import { formatShanghai } from '../../../../shared/format';
import { ENTERPRISE_READER_ROLES } from '../../../../shared/roles';
import { hasAnyRole } from '../../../app/access';
import type { Page } from '../../../app/api';
import { LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { industryOptions, useIndustries, useQualificationKinds, useStreets } from '../profile/reference';

const SIZES: SizeClassCode[] = ['large', 'medium', 'small', 'micro'];

/** 企业库: search the district's enterprises (a liaison sees the ones assigned to him). */
export function EnterpriseListPage() {
  const m = useT();
  const { user } = useSession();
  const districtWide = hasAnyRole(user, ENTERPRISE_READER_ROLES);
  const [filters, setFilters] = useState<Omit<EnterpriseListQuery, 'page' | 'pageSize'>>({});
  const paging = usePaging();
  const list = useApi<Page<EnterpriseSummary>>('/enterprises', { ...filters, ...paging.query });
  const streets = useStreets();
  const industries = useIndustries();
  const kinds = useQualificationKinds();
  const kindName = new Map((kinds.data?.items ?? []).map((k) => [k.code, k.name]));

  const update = (patch: Partial<typeof filters>) => {
    paging.reset();
    setFilters((f) => ({ ...f, ...patch }));
  };

  return (
    <div>
      <PageHeader
        title={m.workbench.menu.enterprises}
        intro={districtWide ? m.enterprises.intro : m.enterprises.introLiaison}
      />
      <Card>
        <Flex gap={12} wrap className="qifu-filters">
          <Input.Search
            allowClear
            className="qifu-filter-search"
            placeholder={m.enterprises.searchPlaceholder}
            aria-label={m.enterprises.searchPlaceholder}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
          <Select<string>
            allowClear
            className="qifu-filter-select"
            placeholder={m.enterprises.street}
            aria-label={m.enterprises.street}
            options={(streets.data?.items ?? []).map((s) => ({ value: s.code, label: s.name }))}
            onChange={(v) => update({ street: v })}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="qifu-filter-select qifu-filter-wide"
            placeholder={m.enterprises.industry}
            aria-label={m.enterprises.industry}
            options={industryOptions(industries.data)}
            onChange={(v) => update({ industry: v })}
          />
          <Select<SizeClassCode>
            allowClear
            className="qifu-filter-select"
            placeholder={m.enterprises.size}
            aria-label={m.enterprises.size}
            options={SIZES.map((s) => ({ value: s, label: m.enterprise.sizes[s] }))}
            onChange={(v) => update({ sizeClass: v })}
          />
          <Select<string>
            allowClear
            className="qifu-filter-select"
            placeholder={m.enterprises.qualification}
            aria-label={m.enterprises.qualification}
            options={(kinds.data?.items ?? []).map((k) => ({ value: k.code, label: k.name }))}
            onChange={(v) => update({ qualification: v })}
          />
          {districtWide && hasAnyRole(user, ['liaison']) ? (
            <Checkbox onChange={(e) => update({ liaison: e.target.checked ? 'me' : undefined })}>
              {m.enterprises.onlyMine}
            </Checkbox>
          ) : null}
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<EnterpriseSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: districtWide ? m.enterprises.empty : m.enterprises.emptyLiaison }}
          pagination={paging.table(list.data?.total)}
          columns={[
            {
              title: m.enterprise.fields.name,
              dataIndex: 'name',
              fixed: 'left',
              render: (name: string, e) => (
                <Link to={`/workbench/enterprises/${encodeURIComponent(e.id)}`}>{name}</Link>
              ),
            },
            {
              title: m.enterprise.uscc,
              dataIndex: 'uscc',
              render: (v: string) => <span className="qifu-code">{v}</span>,
            },
            { title: m.enterprises.street, key: 'street', render: (_, e) => e.street?.name ?? '—' },
            {
              title: m.enterprises.industry,
              key: 'industry',
              render: (_, e) => (e.industry ? `${e.industry.code} ${e.industry.name}` : '—'),
            },
            {
              title: m.enterprises.size,
              dataIndex: 'sizeClass',
              render: (s: SizeClassCode | null) => (s ? m.enterprise.sizes[s] : '—'),
            },
            {
              title: m.enterprise.fields.employees,
              dataIndex: 'employees',
              align: 'right',
              render: (v: number | null) => v ?? '—',
            },
            {
              title: m.enterprises.qualification,
              dataIndex: 'qualifications',
              render: (codes: string[]) =>
                codes.length ? (
                  <Flex gap={4} wrap>
                    {codes.map((c) => (
                      <Tag key={c} color="gold">
                        {kindName.get(c) ?? c}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  '—'
                ),
            },
            { title: m.enterprise.liaison, key: 'liaison', render: (_, e) => e.liaison?.name ?? '—' },
            {
              title: m.enterprises.updatedAt,
              dataIndex: 'updatedAt',
              render: (v: string) => formatShanghai(v, false),
            },
          ]}
        />
      </Card>
    </div>
  );
}
