import { Tag } from 'antd';
import type {
  ClaimStatus,
  DocumentStatus,
  PolicyLevel,
  ProgramMode,
  ProgramStatus,
  WindowState,
} from '../../../../shared/policies';
import type { ConditionStatus, EligibilityStatus } from '../../../../shared/policy-rules';
import { useT } from '../../../app/prefs';
import type { Messages } from '../../../locales/zh-CN';

/** The small coloured labels of the policy pages, one place for their colours. */

const LEVEL_COLORS: Record<PolicyLevel, string> = {
  national: 'red',
  provincial: 'volcano',
  municipal: 'geekblue',
  district: 'blue',
};

export function LevelTag({ level }: { level: PolicyLevel }) {
  const m = useT();
  return <Tag color={LEVEL_COLORS[level]}>{m.policies.levels[level]}</Tag>;
}

const DOC_STATUS_COLORS: Record<DocumentStatus, string> = {
  draft: 'default',
  published: 'green',
  expired: 'orange',
  repealed: 'red',
};

export function DocumentStatusTag({ status }: { status: DocumentStatus }) {
  const m = useT();
  return <Tag color={DOC_STATUS_COLORS[status]}>{m.policies.documentStatuses[status]}</Tag>;
}

const MODE_COLORS: Record<ProgramMode, string> = {
  no_application: 'purple',
  quick_application: 'cyan',
  standard_application: 'blue',
};

export function ModeTag({ mode }: { mode: ProgramMode }) {
  const m = useT();
  return <Tag color={MODE_COLORS[mode]}>{m.policies.modes[mode]}</Tag>;
}

const WINDOW_COLORS: Record<WindowState, string> = {
  upcoming: 'gold',
  open: 'green',
  closed: 'default',
  always: 'blue',
};

export function WindowTag({ state }: { state: WindowState }) {
  const m = useT();
  return <Tag color={WINDOW_COLORS[state]}>{m.policies.windowStates[state]}</Tag>;
}

const PROGRAM_STATUS_COLORS: Record<ProgramStatus, string> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'red',
};

export function ProgramStatusTag({ status }: { status: ProgramStatus }) {
  const m = useT();
  return <Tag color={PROGRAM_STATUS_COLORS[status]}>{m.policies.programStatuses[status]}</Tag>;
}

/** Claim statuses in the order a filter lists them. */
export const CLAIM_STATUS_ORDER: ClaimStatus[] = [
  'candidate',
  'submitted',
  'returned',
  'approved',
  'paid',
  'rejected',
  'withdrawn',
];

const CLAIM_COLORS: Record<ClaimStatus, string> = {
  candidate: 'purple',
  submitted: 'processing',
  returned: 'warning',
  approved: 'cyan',
  rejected: 'error',
  paid: 'success',
  withdrawn: 'default',
};

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  const m = useT();
  return <Tag color={CLAIM_COLORS[status]}>{m.policies.claimStatuses[status]}</Tag>;
}

export const ELIGIBILITY_COLORS: Record<EligibilityStatus, string> = {
  eligible: 'success',
  undetermined: 'warning',
  ineligible: 'default',
};

export function EligibilityTag({ status }: { status: EligibilityStatus }) {
  const m = useT();
  return <Tag color={ELIGIBILITY_COLORS[status]}>{m.policies.eligibility[status]}</Tag>;
}

export const CONDITION_COLORS: Record<ConditionStatus, string> = {
  met: 'success',
  unmet: 'error',
  unknown: 'warning',
  manual: 'processing',
};

/** "2026-03-01 至 2026-04-30", "2026-03-01 起", "截至 …", "常年受理". */
export function windowText(m: Messages, start: string | null, end: string | null): string {
  if (start && end) return m.policies.windowRange(start, end);
  if (start) return m.policies.windowFrom(start);
  if (end) return m.policies.windowUntil(end);
  return m.policies.windowAlways;
}
