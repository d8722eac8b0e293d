import { Progress, Typography } from 'antd';
import type { Budget } from '../../../../shared/policies';
import { useT } from '../../../app/prefs';
import { budgetPercent, formatYuan } from '../money';

/** Budget used vs. total of a program (SPEC §2.3), or "no cap" when none is set. */
export function BudgetBar({
  budget,
  compact = false,
  withText = true,
}: {
  budget: Budget;
  compact?: boolean;
  /** False where the figures stand in their own columns already. */
  withText?: boolean;
}) {
  const m = useT();
  const pct = budgetPercent(budget);
  if (budget.total === null) {
    return (
      <Typography.Text type="secondary" className={compact ? 'qifu-small' : undefined}>
        {m.policies.noBudgetCap}
        {budget.used > 0 ? ` · ${m.policies.budgetLine(formatYuan(budget.used), '—')}` : ''}
      </Typography.Text>
    );
  }
  return (
    <div className="qifu-budget">
      <Progress
        percent={pct ?? 0}
        size={compact ? 'small' : 'default'}
        status={pct !== null && pct >= 100 ? 'exception' : 'normal'}
        aria-label={m.policies.budgetLine(formatYuan(budget.used), formatYuan(budget.total))}
      />
      {withText ? (
        <Typography.Text type="secondary" className="qifu-small">
          {m.policies.budgetLine(formatYuan(budget.used), formatYuan(budget.total))}
          {budget.remaining !== null ? ` · ${m.policies.budgetRemaining(formatYuan(budget.remaining))}` : ''}
        </Typography.Text>
      ) : null}
    </div>
  );
}
