import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import type { ProgramMatch } from '../../../../shared/policies';
import type { GapItem } from '../../../../shared/policy-rules';
import { useT } from '../../../app/prefs';
import { policyPages } from '../paths';
import { ConditionTree } from './ConditionTree';
import { EligibilityTag, ModeTag, WindowTag } from './tags';

/** What one program means for one enterprise (or the self-test's answers): status, amount, reasons, gaps. */
export function MatchCard({
  match,
  factName,
  actions,
  expanded: initiallyExpanded = false,
}: {
  match: ProgramMatch;
  factName(key: string): string;
  actions?: ReactNode;
  expanded?: boolean;
}) {
  const m = useT();
  const t = m.policies.match;
  const [expanded, setExpanded] = useState(initiallyExpanded);
  const detailsId = useId();
  const p = match.program;
  const exact = match.amount && match.amount.max !== null && match.amount.min === match.amount.max;
  return (
    <Card
      className={`qifu-match-card is-${match.status}`}
      title={
        <Link to={policyPages.program(p.id)} className="qifu-match-title">
          {p.title}
        </Link>
      }
      extra={<EligibilityTag status={match.status} />}
    >
      <Flex vertical gap={10}>
        <Flex gap={6} wrap align="center">
          <ModeTag mode={p.mode} />
          <WindowTag state={p.windowState} />
          {p.department ? <Tag>{p.department.name}</Tag> : null}
          <Typography.Text type="secondary" className="qifu-small">
            {t.score(Math.round(match.score * 100))}
          </Typography.Text>
        </Flex>
        {match.status !== 'ineligible' ? (
          <div className="qifu-match-amount">
            {match.amountText ? (
              <>
                <Typography.Text type="secondary">{t.estimated}</Typography.Text>{' '}
                <strong className="qifu-amount">{match.amountText}</strong>
                {exact ? null : (
                  <Typography.Text type="secondary" className="qifu-small">
                    {' '}
                    {t.estimatedRange}
                  </Typography.Text>
                )}
              </>
            ) : (
              <Typography.Text type="secondary">{t.noAmount}</Typography.Text>
            )}
          </div>
        ) : null}
        {match.gaps.length > 0 ? <Gaps gaps={match.gaps} factName={factName} /> : null}
        {match.status === 'undetermined' && match.missingFacts.length > 0 && match.gaps.length === 0 ? (
          <div>{m.common.labelled(t.missing, match.missingFacts.map(factName).join(m.common.listJoin))}</div>
        ) : null}
        <Flex gap={8} wrap align="center" justify="space-between">
          <Button
            type="link"
            className="qifu-link-button"
            aria-expanded={expanded}
            aria-controls={detailsId}
            icon={expanded ? <UpOutlined /> : <DownOutlined />}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? t.hideConditions : t.showConditions}
          </Button>
          {actions ? (
            <Flex gap={8} wrap>
              {actions}
            </Flex>
          ) : null}
        </Flex>
        <div id={detailsId} hidden={!expanded}>
          {expanded ? <MatchDetails match={match} /> : null}
        </div>
      </Flex>
    </Card>
  );
}

/** The reasons: every condition, what the reviewer checks by hand, how the amount was reckoned. */
export function MatchDetails({ match }: { match: ProgramMatch }) {
  const m = useT();
  const t = m.policies.match;
  return (
    <Flex vertical gap={12} className="qifu-match-details">
      <div>
        <Typography.Title level={5}>{t.conditions}</Typography.Title>
        <ConditionTree outcome={match.conditions} />
      </div>
      {match.manualConditions.length > 0 ? (
        <div>
          <Typography.Title level={5}>{t.manual}</Typography.Title>
          <ul className="qifu-plain-list">
            {match.manualConditions.map((c) => (
              <li key={c.id}>
                {c.label}
                {c.hint ? <Typography.Text type="secondary">{m.common.paren(c.hint)}</Typography.Text> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {match.amountExplanation ? (
        <div>
          <Typography.Title level={5}>{t.explanation}</Typography.Title>
          <Typography.Paragraph className="qifu-explanation">{match.amountExplanation}</Typography.Paragraph>
          <Typography.Text type="secondary" className="qifu-small">
            {t.rewardYear(match.rewardYear)}
          </Typography.Text>
        </div>
      ) : null}
    </Flex>
  );
}

/** 差距分析: what the enterprise lacks, alternatives of an "any" spelled out. */
export function Gaps({ gaps, factName }: { gaps: GapItem[]; factName(key: string): string }) {
  const m = useT();
  const t = m.policies.match;
  return (
    <div className="qifu-gaps">
      <Typography.Text strong>{t.gaps}</Typography.Text>
      <ul className="qifu-plain-list">
        {gaps.map((g, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a gap may repeat a condition id across alternatives
          <GapLine key={`${g.conditionId}-${i}`} gap={g} factName={factName} />
        ))}
      </ul>
    </div>
  );
}

function GapLine({ gap, factName }: { gap: GapItem; factName(key: string): string }) {
  const m = useT();
  const t = m.policies.match;
  return (
    <li>
      <span>{gap.message}</span>
      {gap.fixable ? null : (
        <Tag className="qifu-inline-tag" color="default">
          {t.notFixable}
        </Tag>
      )}
      {gap.missingFacts &&
      gap.missingFacts.length > 0 &&
      !gap.message.includes(factName(gap.missingFacts[0]!)) ? (
        <Typography.Text type="secondary">
          {m.common.paren(gap.missingFacts.map(factName).join(m.common.listJoin))}
        </Typography.Text>
      ) : null}
      {gap.anyOf && gap.anyOf.length > 0 ? (
        <div className="qifu-gap-options">
          <Typography.Text type="secondary">{t.anyOf}</Typography.Text>
          <ol>
            {gap.anyOf.map((option, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: alternatives are listed in order
              <li key={i}>{option.map((o) => o.message).join(m.common.listJoin)}</li>
            ))}
          </ol>
        </div>
      ) : null}
    </li>
  );
}
