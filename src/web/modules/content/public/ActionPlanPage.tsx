import { Button, Card, Col, Empty, Flex, Grid, Progress, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import { LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { MeasureCard } from '../components/MeasureCard';
import { MeasureStatusTag } from '../components/tags';
import { completionPercent, filterGroups, measureCount, planDepartments } from '../format';
import { contentApi } from '../paths';
import { type ActionPlan, type ActionPlanSummary, MEASURE_STATUSES, type MeasureStatus } from '../types';

/**
 * /services/action-plan — 行动方案: the plan's counts per status and overall completion, then its groups as sections
 * of measures, filtered by status and responsible department (kept in the address, so a filtered view can be shared).
 */
export function ActionPlanPage() {
  const m = useT();
  const t = m.content.plan;
  const [params, setParams] = useSearchParams();
  const plans = useApi<{ items: ActionPlanSummary[] }>(contentApi.actionPlans);
  const chosen = params.get('plan');
  const planId = plans.data
    ? (plans.data.items.find((p) => p.id === chosen)?.id ?? plans.data.items[0]?.id ?? null)
    : null;
  const plan = useApi<ActionPlan>(planId ? contentApi.actionPlan(planId) : null);

  /** Change some filters at once (the router's functional update sees this render's address, not the latest). */
  const set = (next: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v) out.set(k, v);
          else out.delete(k);
        }
        return out;
      },
      { replace: true },
    );

  const error = plans.error ?? plan.error;
  return (
    <div className="qifu-container qifu-page">
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          plans.data && plans.data.items.length > 1 ? (
            <Select<string>
              className="qifu-wide-select"
              aria-label={t.choose}
              value={planId ?? undefined}
              onChange={(v) => setParams(new URLSearchParams({ plan: v }))}
              options={plans.data.items.map((p) => ({ value: p.id, label: p.title }))}
            />
          ) : null
        }
      />
      {error ? <LoadError error={error} onRetry={plans.error ? plans.reload : plan.reload} /> : null}
      {plans.data && plans.data.items.length === 0 ? (
        <Card>
          <Empty description={t.none} />
        </Card>
      ) : null}
      {!error && planId && !plan.data ? <Skeleton active paragraph={{ rows: 12 }} /> : null}
      {plan.data ? <PlanView plan={plan.data} params={params} set={set} /> : null}
    </div>
  );
}

function PlanView({
  plan,
  params,
  set,
}: {
  plan: ActionPlan;
  params: URLSearchParams;
  set(next: Record<string, string | undefined>): void;
}) {
  const m = useT();
  const t = m.content.plan;
  const screens = Grid.useBreakpoint();
  const status = MEASURE_STATUSES.find((s) => s === params.get('status'));
  const departments = planDepartments(plan);
  const departmentId = departments.find((d) => d.id === params.get('department'))?.id;
  const groups = filterGroups(plan.groups, { status, departmentId });
  const total = measureCount(plan.groups);
  const shown = measureCount(groups);
  const percent = completionPercent(plan.counts);
  const filtered = status !== undefined || departmentId !== undefined;

  return (
    <>
      <Card className="qifu-cnt-plan-head">
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} md={16}>
            <Typography.Title level={3} className="qifu-cnt-plan-title">
              {plan.title}
            </Typography.Title>
            <Flex gap={8} wrap className="qifu-small">
              <Tag>{t.year(plan.year)}</Tag>
              <Typography.Text type="secondary">{t.measureTotal(total)}</Typography.Text>
              <Typography.Text type="secondary">
                {m.common.labelled(t.updatedAt, formatShanghai(plan.updatedAt, false))}
              </Typography.Text>
            </Flex>
            {plan.summary ? (
              <Typography.Paragraph className="qifu-top-gap">{plan.summary}</Typography.Paragraph>
            ) : null}
          </Col>
          <Col xs={24} md={8}>
            <Flex vertical align={screens.md ? 'center' : 'stretch'} gap={4}>
              <Typography.Text strong>{t.completion}</Typography.Text>
              {screens.md ? (
                <Progress type="circle" percent={percent} size={112} aria-label={t.completion} />
              ) : (
                <Progress percent={percent} aria-label={t.completion} />
              )}
              <Typography.Text type="secondary" className="qifu-small">
                {t.completionText(plan.counts.done, total)}
              </Typography.Text>
            </Flex>
          </Col>
        </Row>
        <nav aria-label={t.counts} className="qifu-top-gap">
          <ul className="qifu-cnt-counts">
            {MEASURE_STATUSES.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className={`qifu-cnt-count is-${s}`}
                  aria-pressed={status === s}
                  onClick={() => set({ status: status === s ? undefined : s })}
                >
                  <span className="qifu-cnt-count-value">{plan.counts[s]}</span>
                  <MeasureStatusTag status={s} />
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <Typography.Text type="secondary" className="qifu-small">
          {t.delayedHint}
        </Typography.Text>
      </Card>

      <Card className="qifu-top-gap" size="small">
        <Flex gap={12} wrap align="center">
          <Select<MeasureStatus>
            allowClear
            className="qifu-filter-select"
            placeholder={t.allStatuses}
            aria-label={t.filterStatus}
            value={status}
            onChange={(v) => set({ status: v })}
            options={MEASURE_STATUSES.map((s) => ({ value: s, label: m.content.measureStatuses[s] }))}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="qifu-wide-select"
            placeholder={t.allDepartments}
            aria-label={t.filterDepartment}
            value={departmentId}
            onChange={(v) => set({ department: v })}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
          <Typography.Text type="secondary" aria-live="polite">
            {t.shown(shown, total)}
          </Typography.Text>
          {filtered ? (
            <Button type="link" onClick={() => set({ status: undefined, department: undefined })}>
              {t.clearFilters}
            </Button>
          ) : null}
        </Flex>
      </Card>

      {groups.length === 0 ? (
        <Card className="qifu-top-gap">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.emptyFilter} />
        </Card>
      ) : (
        groups.map((g) => (
          <section key={g.id} className="qifu-cnt-group" aria-labelledby={`group-${g.id}`}>
            <Flex gap={8} align="center" wrap className="qifu-cnt-group-head">
              <h2 id={`group-${g.id}`} className="qifu-cnt-group-title">
                {g.title}
              </h2>
              <Tag>{t.groupCount(g.measures.length)}</Tag>
            </Flex>
            <Flex vertical gap={12}>
              {g.measures.map((ms) => (
                <MeasureCard key={ms.id} measure={ms} />
              ))}
            </Flex>
          </section>
        ))
      )}
    </>
  );
}
