import { FilterOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Grid, Input, InputNumber, Segmented, Select, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import {
  BUILDING_GRADES,
  BUILDING_USES,
  RENT_UNITS,
  type RentUnit,
  SUGGESTED_BUILDING_TAGS,
} from '../../../../shared/buildings';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import {
  BUILDING_SORTS,
  type BuildingFilters,
  clearFilters,
  hasFilters,
  switchRentUnit,
  TAX_FLAGS,
} from '../filters';
import { buildingApi } from '../paths';
import type { Street } from '../types';

/** A min–max pair of numbers, applied when the field is left or Enter is pressed (not at every keystroke). */
function RangeInput({
  label,
  minLabel,
  maxLabel,
  min,
  max,
  step,
  onChange,
}: {
  label: string;
  minLabel: string;
  maxLabel: string;
  min: number | undefined;
  max: number | undefined;
  step: number;
  onChange(min: number | undefined, max: number | undefined): void;
}) {
  const m = useT();
  const [lo, setLo] = useState<number | null>(min ?? null);
  const [hi, setHi] = useState<number | null>(max ?? null);
  useEffect(() => setLo(min ?? null), [min]);
  useEffect(() => setHi(max ?? null), [max]);
  const commit = () => {
    const a = lo ?? undefined;
    const b = hi ?? undefined;
    if (a !== min || b !== max) onChange(a, b);
  };
  return (
    <fieldset className="qifu-bld-range" aria-label={label}>
      <span className="qifu-bld-range-label">{label}</span>
      <InputNumber<number>
        min={0}
        step={step}
        value={lo}
        placeholder={minLabel}
        aria-label={minLabel}
        onChange={setLo}
        onBlur={commit}
        onPressEnter={commit}
      />
      <span aria-hidden="true">{m.buildings.search.to}</span>
      <InputNumber<number>
        min={0}
        step={step}
        value={hi}
        placeholder={maxLabel}
        aria-label={maxLabel}
        onChange={setHi}
        onBlur={commit}
        onPressEnter={commit}
      />
    </fieldset>
  );
}

/** The search box and every filter; on a phone the rarely used ones fold away behind 更多筛选. */
export function Filters({
  filters,
  onChange,
  staff = false,
  extra,
}: {
  filters: BuildingFilters;
  onChange(f: BuildingFilters): void;
  staff?: boolean;
  /** More controls for the first row (the workbench's status filter). */
  extra?: ReactNode;
}) {
  const m = useT();
  const b = m.buildings;
  const t = b.search;
  const screens = Grid.useBreakpoint();
  const [expanded, setExpanded] = useState(false);
  const streets = useApi<{ items: Street[] }>(buildingApi.streets);
  const showAll = screens.md || expanded;
  const set = (patch: Partial<BuildingFilters>) => onChange({ ...filters, ...patch });
  const tagOptions = [...new Set([...SUGGESTED_BUILDING_TAGS, ...filters.tags])];

  return (
    <Flex vertical gap={12}>
      <search aria-label={t.searchLabel}>
        <Input.Search
          key={filters.q}
          size="large"
          allowClear
          defaultValue={filters.q}
          placeholder={t.searchPlaceholder}
          aria-label={t.searchLabel}
          enterButton={m.common.search}
          onSearch={(v) =>
            set({ q: v.trim(), sort: !v.trim() && filters.sort === 'relevance' ? undefined : filters.sort })
          }
        />
      </search>
      <Flex gap={8} wrap className="qifu-filters" align="center">
        <Select<string[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          className="qifu-filter-select qifu-filter-wide"
          placeholder={t.street}
          aria-label={t.street}
          loading={streets.loading}
          value={filters.streets}
          onChange={(v) => set({ streets: v })}
          options={(streets.data?.items ?? []).map((s) => ({ value: s.code, label: s.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Select<string>
          allowClear
          className="qifu-filter-select"
          placeholder={t.grade}
          aria-label={t.grade}
          value={filters.grade}
          onChange={(v) => set({ grade: v as BuildingFilters['grade'] })}
          options={BUILDING_GRADES.map((g) => ({ value: g, label: b.grades[g] }))}
        />
        <Select<string>
          allowClear
          className="qifu-filter-select"
          placeholder={t.use}
          aria-label={t.use}
          value={filters.use}
          onChange={(v) => set({ use: v as BuildingFilters['use'] })}
          options={BUILDING_USES.map((u) => ({ value: u, label: b.uses[u] }))}
        />
        <Checkbox checked={filters.vacantNow} onChange={(e) => set({ vacantNow: e.target.checked })}>
          {t.vacantNow}
        </Checkbox>
        {staff ? (
          <Checkbox checked={filters.stale} onChange={(e) => set({ stale: e.target.checked })}>
            {m.buildings.staff.staleOnly}
          </Checkbox>
        ) : null}
        {extra}
        {screens.md ? null : (
          <Button icon={<FilterOutlined />} onClick={() => setExpanded((x) => !x)} aria-expanded={expanded}>
            {expanded ? t.fewerFilters : t.moreFilters}
          </Button>
        )}
      </Flex>
      {showAll ? (
        <Flex gap={12} wrap className="qifu-filters" align="center">
          <RangeInput
            label={t.area}
            minLabel={t.areaMin}
            maxLabel={t.areaMax}
            min={filters.areaMin}
            max={filters.areaMax}
            step={50}
            onChange={(areaMin, areaMax) => set({ areaMin, areaMax })}
          />
          <span className="qifu-bld-range">
            <RangeInput
              label={t.rent}
              minLabel={t.rentMin}
              maxLabel={t.rentMax}
              min={filters.rentMin}
              max={filters.rentMax}
              step={filters.rentUnit === 'yuan_per_sqm_day' ? 0.1 : 5}
              onChange={(rentMin, rentMax) => set({ rentMin, rentMax })}
            />
            <Segmented<RentUnit>
              size="small"
              aria-label={t.rentUnit}
              value={filters.rentUnit}
              onChange={(u) => onChange(switchRentUnit(filters, u))}
              options={RENT_UNITS.map((u) => ({ value: u, label: b.rentUnits[u] }))}
            />
          </span>
          <Select<string[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            className="qifu-filter-select qifu-filter-wide"
            placeholder={t.tags}
            aria-label={t.tags}
            value={filters.tags}
            onChange={(v) => set({ tags: v })}
            options={tagOptions.map((tag) => ({ value: tag, label: tag }))}
          />
          <Select<string>
            allowClear
            className="qifu-filter-select"
            placeholder={t.taxFlag}
            aria-label={t.taxFlag}
            value={filters.taxFlag}
            onChange={(v) => set({ taxFlag: v as BuildingFilters['taxFlag'] })}
            options={TAX_FLAGS.map((f) => ({ value: f, label: b.taxFlags[f] }))}
          />
          <Select<string>
            allowClear
            className="qifu-filter-select"
            placeholder={t.sort}
            aria-label={t.sort}
            value={filters.sort}
            onChange={(v) => set({ sort: v as BuildingFilters['sort'] })}
            options={BUILDING_SORTS.filter((s) => s !== 'relevance' || filters.q).map((s) => ({
              value: s,
              label: m.common.labelled(t.sort, b.sorts[s]),
            }))}
          />
          {hasFilters(filters) ? (
            <Button type="link" onClick={() => onChange(clearFilters(filters))}>
              {t.clearFilters}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      {showAll && (filters.rentMin !== undefined || filters.rentMax !== undefined) ? (
        <Typography.Text type="secondary" className="qifu-small">
          {t.rentHint}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
