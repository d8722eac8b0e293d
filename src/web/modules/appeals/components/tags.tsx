import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { AppealState, AppealType } from '../../../../shared/appeals';
import { formatShanghai } from '../../../../shared/format';
import { useT } from '../../../app/prefs';
import { SLA_COLORS, type SlaWords, slaTagText } from '../sla';
import type { SlaView } from '../types';

/** The small coloured labels of the appeal pages (the workbench may import them too). */

const STATE_COLORS: Record<AppealState, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  rejected: 'red',
  needs_info: 'orange',
  dispatched: 'geekblue',
  signed: 'purple',
  replied: 'gold',
  rated: 'green',
  closed: 'default',
  returned: 'volcano',
  merged: 'default',
};

export function AppealStateTag({ state }: { state: AppealState }) {
  const m = useT();
  return <Tag color={STATE_COLORS[state]}>{m.appeals.states[state]}</Tag>;
}

const TYPE_COLORS: Record<AppealType, string> = {
  consult: 'blue',
  help: 'cyan',
  complaint: 'volcano',
  report: 'red',
  suggestion: 'green',
};

export function AppealTypeTag({ type }: { type: AppealType }) {
  const m = useT();
  return (
    <Tag color={TYPE_COLORS[type]} variant="outlined">
      {m.appeals.types[type]}
    </Tag>
  );
}

/** The SLA words of the current locale, for the pure helpers of sla.ts. */
export function useSlaWords(): SlaWords {
  return useT().appeals.sla;
}

/** 正常 / 临期 / 超期 with the remaining working time; the deadline in Beijing time on hover and for readers. */
export function SlaTag({ view, label }: { view: SlaView; label?: string }) {
  const m = useT();
  const w = m.appeals.sla;
  const text = slaTagText(view, w, w.sep);
  const deadline = w.deadline(formatShanghai(view.deadline));
  return (
    <Tooltip title={deadline}>
      <Tag color={SLA_COLORS[view.status]} icon={<ClockCircleOutlined />}>
        {label ? `${label}${w.sep}` : ''}
        {text}
        <span className="qifu-visually-hidden">{m.common.paren(deadline)}</span>
      </Tag>
    </Tooltip>
  );
}
