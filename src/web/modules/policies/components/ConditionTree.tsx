import { AuditOutlined, CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ConditionOutcome, ConditionStatus } from '../../../../shared/policy-rules';
import { useT } from '../../../app/prefs';
import { CONDITION_COLORS } from './tags';

const ICONS: Record<ConditionStatus, ReactNode> = {
  met: <CheckCircleFilled className="qifu-cond-icon is-met" />,
  unmet: <CloseCircleFilled className="qifu-cond-icon is-unmet" />,
  unknown: <QuestionCircleFilled className="qifu-cond-icon is-unknown" />,
  manual: <AuditOutlined className="qifu-cond-icon is-manual" />,
};

function isGroupKind(kind: string): kind is 'all' | 'any' | 'not' {
  return kind === 'all' || kind === 'any' || kind === 'not';
}

/**
 * How each condition of a program came out for one enterprise: met / unmet / unknown / manual, with the reason in
 * words. The status is written, not only coloured, so it reads the same to everyone.
 */
export function ConditionTree({ outcome }: { outcome: ConditionOutcome }) {
  // The root is nearly always "all of these": its children are the list, without a heading of its own.
  const top = outcome.kind === 'all' ? (outcome.children ?? []) : [outcome];
  return (
    <ul className="qifu-cond-tree">
      {top.map((c) => (
        <ConditionItem key={c.id} node={c} />
      ))}
    </ul>
  );
}

function ConditionItem({ node }: { node: ConditionOutcome }) {
  const m = useT();
  const status = (
    <Tag color={CONDITION_COLORS[node.status]} className="qifu-cond-status">
      {m.policies.conditionStatuses[node.status]}
    </Tag>
  );
  if (isGroupKind(node.kind)) {
    const heading =
      node.label ||
      (node.kind === 'all'
        ? m.policies.match.groupAll
        : node.kind === 'any'
          ? m.policies.match.groupAny
          : m.policies.match.groupNot);
    return (
      <li className="qifu-cond-group">
        <div className="qifu-cond-line">
          {ICONS[node.status]}
          <span className="qifu-cond-label">{heading}</span>
          {status}
        </div>
        <ul className="qifu-cond-tree">
          {(node.children ?? []).map((c) => (
            <ConditionItem key={c.id} node={c} />
          ))}
        </ul>
      </li>
    );
  }
  return (
    <li className="qifu-cond-leaf">
      <div className="qifu-cond-line">
        {ICONS[node.status]}
        <span className="qifu-cond-label">{node.label}</span>
        {status}
      </div>
      {node.reason && node.reason !== node.label ? (
        <Typography.Text type="secondary" className="qifu-cond-reason">
          {node.reason}
        </Typography.Text>
      ) : null}
    </li>
  );
}
