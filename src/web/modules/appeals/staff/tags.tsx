import { Flex, Tag, Typography } from 'antd';
import type { AppealState, SupervisionLevel } from '../../../../shared/appeals';
import { formatShanghai } from '../../../../shared/format';
import { useT } from '../../../app/prefs';
import { workingHours } from './helpers';
import type { SlaView } from './types';

const STATE_COLORS: Record<AppealState, string> = {
  submitted: 'blue',
  accepted: 'geekblue',
  rejected: 'default',
  needs_info: 'orange',
  dispatched: 'cyan',
  signed: 'processing',
  replied: 'green',
  rated: 'green',
  closed: 'default',
  returned: 'volcano',
  merged: 'default',
};

export function AppealStateTag({ state }: { state: AppealState }) {
  const m = useT();
  return <Tag color={STATE_COLORS[state]}>{m.appealsStaff.states[state] ?? state}</Tag>;
}

const SLA_COLORS = { on_time: 'green', due_soon: 'gold', overdue: 'red' } as const;

/** 正常 / 临期 / 超期 with the working hours left (or late), and the deadline below when asked. */
export function SlaTag({
  sla,
  withDeadline = false,
}: {
  sla: SlaView | null | undefined;
  withDeadline?: boolean;
}) {
  const m = useT();
  const t = m.appealsStaff;
  if (!sla) return <span>—</span>;
  const hours = workingHours(sla.remainingMinutes);
  const late = sla.status === 'overdue';
  return (
    <Flex vertical gap={2}>
      <span>
        <Tag color={SLA_COLORS[sla.status]}>{t.sla[sla.status]}</Tag>
        <Typography.Text
          type={late ? 'danger' : sla.status === 'due_soon' ? 'warning' : undefined}
          className="qifu-small"
        >
          {late ? t.slaLate(hours) : t.slaLeft(hours)}
        </Typography.Text>
      </span>
      {withDeadline ? (
        <Typography.Text type="secondary" className="qifu-small">
          {t.slaDeadline(formatShanghai(sla.deadline))}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

export function SupervisionTag({ level }: { level: SupervisionLevel | undefined }) {
  const m = useT();
  if (!level || level === 'none') return null;
  return (
    <Tag color={level === 'supervised' ? 'magenta' : 'purple'}>{m.appealsStaff.supervisionLevels[level]}</Tag>
  );
}
