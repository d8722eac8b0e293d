import { AppstoreOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Grid, Pagination, Row, Segmented, Skeleton, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import type { Page } from '../../../app/api';
import { LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { BuildingCard } from '../components/BuildingCard';
import { Filters } from '../components/Filters';
import { HotBuildingsCard } from '../components/HotBuildings';
import {
  apiQuery,
  type BuildingFilters,
  clearFilters,
  filtersFromParams,
  filtersToQuery,
  hasFilters,
} from '../filters';
import { buildingApi } from '../paths';
import type { BuildingCard as CardData } from '../types';

const BuildingMapView = lazy(() => import('../components/BuildingMap'));

const PAGE_SIZE = 12;

/** /services/buildings — 楼宇资源: search buildings with vacant space, compare rents, see them on a map. */
export function BuildingSearchPage() {
  const m = useT();
  const t = m.buildings.search;
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const view = params.get('view') === 'map' ? 'map' : 'list';

  /**
   * Apply what the control changed against the LATEST address, not the one this render saw: a second filter set
   * before the page re-renders must not undo the first. `next` is the render-time filters with the change applied.
   */
  const apply = (next: BuildingFilters, keepPage = false) => {
    const base = filters;
    setParams((prev) => {
      const merged: Record<string, unknown> = { ...filtersFromParams(prev) };
      const keys = new Set([...Object.keys(base), ...Object.keys(next)]) as Set<keyof BuildingFilters>;
      for (const k of keys) {
        if (JSON.stringify(next[k]) !== JSON.stringify(base[k])) merged[k] = next[k];
      }
      const latest = merged as unknown as BuildingFilters;
      const q = new URLSearchParams(filtersToQuery(keepPage ? latest : { ...latest, page: 1 }));
      if (prev.get('view') === 'map') q.set('view', 'map');
      return q;
    });
  };
  const setView = (v: string) => {
    const q = new URLSearchParams(params);
    if (v === 'map') q.set('view', 'map');
    else q.delete('view');
    setParams(q, { replace: true });
  };

  return (
    <div className="qifu-container qifu-page">
      <PageHeader title={m.buildings.title} intro={t.intro} />
      <HotBuildingsCard />
      <Card className="qifu-top-gap">
        <Filters filters={filters} onChange={apply} />
      </Card>
      <Flex justify="space-between" align="center" wrap gap={8} className="qifu-top-gap">
        <Segmented<string>
          aria-label={t.viewLabel}
          value={view}
          onChange={setView}
          options={[
            { value: 'list', label: t.tabList, icon: <AppstoreOutlined /> },
            { value: 'map', label: t.tabMap, icon: <EnvironmentOutlined /> },
          ]}
        />
      </Flex>
      <div className="qifu-top-gap">
        {view === 'map' ? (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <FilteredMap filters={filters} />
          </Suspense>
        ) : (
          <Results filters={filters} onChange={apply} />
        )}
      </div>
    </div>
  );
}

/**
 * The map of every building with coordinates; when a search or filter is on, only the buildings the list would
 * show (its first 50) are drawn, so the two views never disagree.
 */
function FilteredMap({ filters }: { filters: BuildingFilters }) {
  const narrowed = hasFilters(filters) || !!filters.q;
  const result = useApi<Page<CardData>>(
    narrowed ? buildingApi.search : null,
    apiQuery({ ...filters, page: 1 }, 50, 'public'),
  );
  if (narrowed && result.error) return <LoadError error={result.error} onRetry={result.reload} />;
  if (narrowed && !result.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <BuildingMapView onlyIds={narrowed ? result.data?.items.map((b) => b.id) : undefined} />;
}

function Results({
  filters,
  onChange,
}: {
  filters: BuildingFilters;
  onChange(f: BuildingFilters, keepPage?: boolean): void;
}) {
  const m = useT();
  const t = m.buildings.search;
  const screens = Grid.useBreakpoint();
  const result = useApi<Page<CardData>>(buildingApi.search, apiQuery(filters, PAGE_SIZE, 'public'));
  const narrowed = hasFilters(filters) || !!filters.q;
  return (
    <section aria-live="polite" aria-busy={result.loading}>
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      {!result.data && result.loading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {result.data ? (
        <>
          <Typography.Paragraph type="secondary">
            {filters.q ? t.resultCountFor(filters.q, result.data.total) : t.resultCount(result.data.total)}
          </Typography.Paragraph>
          {result.data.items.length === 0 ? (
            <Card>
              <Empty
                className="qifu-bld-empty"
                description={
                  narrowed ? (
                    <>
                      <Typography.Text strong>{t.emptyTitle}</Typography.Text>
                      <ul>
                        {t.emptyHints.map((h) => (
                          <li key={h}>{h}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    t.emptyNone
                  )
                }
              >
                {narrowed ? (
                  <Button type="primary" onClick={() => onChange({ ...clearFilters(filters), q: '' })}>
                    {t.clearFilters}
                  </Button>
                ) : null}
              </Empty>
            </Card>
          ) : (
            <Row gutter={[16, 16]}>
              {result.data.items.map((b) => (
                <Col xs={24} sm={12} xl={8} key={b.id}>
                  <BuildingCard building={b} />
                </Col>
              ))}
            </Row>
          )}
          {result.data.total > PAGE_SIZE ? (
            <Pagination
              className="qifu-top-gap"
              simple={!screens.md}
              current={filters.page}
              pageSize={PAGE_SIZE}
              total={result.data.total}
              showSizeChanger={false}
              onChange={(p) => {
                onChange({ ...filters, page: p }, true);
                window.scrollTo({ top: 0 });
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
