import { CalendarOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Row, Select, Table } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Page } from '../../../app/api';
import { buildUrl } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { StatTile } from '../../../app/StatTile';
import { useApi } from '../../../app/useApi';
import { Filters } from '../components/Filters';
import { RentBoth } from '../components/Rent';
import { GradeTag, StaleBadge } from '../components/tags';
import {
  apiQuery,
  BUILDING_STATUS_FILTERS,
  type BuildingFilters,
  filtersFromParams,
  filtersToQuery,
} from '../filters';
import { formatPercent } from '../format';
import { buildingApi, buildingPages } from '../paths';
import type { BuildingCard, ViewingRequest } from '../types';

const PAGE_SIZE = 20;

/** /workbench/buildings — 楼宇管理: every building (archived too) with the search filters, 待核实, import and export. */
export function BuildingAdminPage() {
  const m = useT();
  const t = m.buildings.staff;
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const apply = (next: BuildingFilters, keepPage = false) =>
    setParams(new URLSearchParams(filtersToQuery(keepPage ? next : { ...next, page: 1 })));
  const query = apiQuery(filters, PAGE_SIZE, 'manage');
  const list = useApi<Page<BuildingCard>>(buildingApi.manage, query);
  const stale = useApi<Page<BuildingCard>>(buildingApi.manage, { stale: '1', status: 'active', pageSize: 1 });
  const vacant = useApi<Page<BuildingCard>>(buildingApi.manage, {
    vacantNow: '1',
    status: 'active',
    pageSize: 1,
  });
  const pending = useApi<Page<ViewingRequest>>(buildingApi.viewingQueue, { status: 'pending', pageSize: 1 });
  const { page: _page, ...exportQuery } = filtersToQuery(filters);

  return (
    <div>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          <Flex gap={8} wrap>
            <LinkButton icon={<CalendarOutlined />} to={buildingPages.staffViewings}>
              {t.viewings}
            </LinkButton>
            <LinkButton icon={<UploadOutlined />} to={buildingPages.staffImport}>
              {t.import}
            </LinkButton>
            <Button icon={<DownloadOutlined />} href={buildUrl('/buildings/export', exportQuery)} download>
              {t.export}
            </Button>
            <LinkButton type="primary" icon={<PlusOutlined />} to={buildingPages.staffNew}>
              {t.newBuilding}
            </LinkButton>
          </Flex>
        }
      />
      <Card className="qifu-bld-stats">
        <Row gutter={[16, 16]}>
          <StatTile
            to={buildingPages.staffList}
            title={t.statTotal}
            value={list.error ? '—' : list.data?.total}
          />
          <StatTile
            to={`${buildingPages.staffList}?stale=1&status=active`}
            title={t.statStale}
            value={stale.error ? '—' : stale.data?.total}
          />
          <StatTile
            to={`${buildingPages.staffList}?vacantNow=1&status=active`}
            title={t.statVacant}
            value={vacant.error ? '—' : vacant.data?.total}
          />
          <StatTile
            to={buildingPages.staffViewings}
            title={t.statPending}
            value={pending.error ? '—' : pending.data?.total}
          />
        </Row>
      </Card>
      <Card className="qifu-top-gap">
        <Flex vertical gap={12}>
          <Filters
            filters={filters}
            onChange={apply}
            staff
            extra={
              <Select<string>
                allowClear
                className="qifu-filter-select"
                placeholder={t.statusAll}
                aria-label={t.status}
                value={filters.status}
                onChange={(v) => apply({ ...filters, status: v as BuildingFilters['status'] })}
                options={BUILDING_STATUS_FILTERS.map((s) => ({ value: s, label: t.statuses[s] }))}
              />
            }
          />
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<BuildingCard>
          className="qifu-top-gap"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t.empty }}
          pagination={{
            current: filters.page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: m.common.total,
            onChange: (p) => apply({ ...filters, page: p }, true),
          }}
          columns={[
            {
              title: t.name,
              dataIndex: 'name',
              render: (v: string, b) => <Link to={buildingPages.staffBuilding(b.id)}>{v}</Link>,
            },
            { title: t.street, key: 'street', render: (_, b) => b.street.name },
            { title: t.grade, dataIndex: 'grade', render: (v: string) => <GradeTag grade={v} /> },
            {
              title: t.use,
              dataIndex: 'use',
              render: (v: string) => m.buildings.uses[v as keyof typeof m.buildings.uses] ?? v,
            },
            {
              title: t.spaces,
              key: 'spaces',
              render: (_, b) => t.spacesValue(b.vacantCount, b.spaceCount),
            },
            {
              title: t.vacancyRate,
              dataIndex: 'vacancyRate',
              render: (v: number) => m.buildings.fmt.percent(formatPercent(v) ?? '0'),
            },
            {
              title: t.rent,
              key: 'rent',
              render: (_, b) => <RentBoth min={b.rentMonthly?.min} max={b.rentMonthly?.max} />,
            },
            {
              title: t.lastVerified,
              key: 'verified',
              render: (_, b) => (
                <Flex gap={4} align="center" wrap>
                  <span>{b.lastVerifiedOn ?? m.buildings.fmt.neverVerified}</span>
                  <StaleBadge stale={b.stale} lastVerifiedOn={b.lastVerifiedOn} />
                </Flex>
              ),
            },
            { title: t.status, dataIndex: 'status', render: (v: string) => t.statuses[v] ?? v },
          ]}
        />
      </Card>
    </div>
  );
}
