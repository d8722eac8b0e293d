import { Alert, Card, Col, Flex, Row, Spin, Statistic, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { RulesPreview as Preview } from '../../../../../shared/policies';
import type { RuleSet } from '../../../../../shared/policy-rules';
import { api, isApiError } from '../../../../app/api';
import { useDescribeError } from '../../../../app/errors';
import { useT } from '../../../../app/prefs';
import { useFactNames } from '../../components/useFactNames';
import { formatYuan } from '../../money';
import { policyApi } from '../../paths';
import { countLeaves } from './rule-tree';

/** Wait this long after the last edit before asking the server (typing a number is several edits). */
const DEBOUNCE_MS = 600;

/**
 * 实时测算: how many enterprises of the district these rules would find eligible, undetermined and ineligible,
 * asked of the server a moment after each edit. Invalid rules come back as node errors for the editor to show.
 */
export function RulesPreview({
  rules,
  onErrors,
}: {
  rules: RuleSet;
  onErrors(fields: { field: string; message: string }[]): void;
}) {
  const m = useT();
  const t = m.policies.rules;
  const describe = useDescribeError();
  const names = useFactNames();
  const [result, setResult] = useState<Preview | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'invalid' | 'failed' | 'empty'>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const seq = useRef(0);
  const key = JSON.stringify(rules);
  const onErrorsRef = useRef(onErrors);
  onErrorsRef.current = onErrors;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the rules' content
  useEffect(() => {
    const mine = ++seq.current;
    // Nothing to measure yet (a new program): no request, and no error to show for an empty tree.
    if (countLeaves(rules.conditions) === 0) {
      setState('empty');
      setResult(null);
      onErrorsRef.current([]);
      return;
    }
    setState('loading');
    const timer = window.setTimeout(async () => {
      try {
        const r = await api.post<Preview>(policyApi.preview, { rules });
        if (mine !== seq.current) return;
        setResult(r);
        setState('idle');
        onErrorsRef.current([]);
      } catch (e) {
        if (mine !== seq.current) return;
        if (isApiError(e) && e.code === 'INVALID_RULES') {
          setState('invalid');
          onErrorsRef.current(e.fields);
        } else if (isApiError(e) && e.status === 400 && e.fields.some((f) => f.field.startsWith('rules'))) {
          setState('invalid');
          onErrorsRef.current(e.fields);
        } else {
          setState('failed');
          setFailure(describe(e));
        }
      }
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [key]);

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <span>{t.preview}</span>
          {state === 'loading' ? <Spin size="small" aria-label={t.previewLoading} /> : null}
        </Flex>
      }
      className="qifu-preview-card"
    >
      <div aria-live="polite">
        <Typography.Paragraph type="secondary" className="qifu-small">
          {t.previewIntro}
        </Typography.Paragraph>
        {state === 'empty' ? (
          <Typography.Paragraph type="secondary">{t.previewEmpty}</Typography.Paragraph>
        ) : null}
        {state === 'invalid' ? (
          <Alert type="warning" showIcon className="qifu-block" title={t.previewInvalid} />
        ) : null}
        {state === 'failed' ? (
          <Alert type="error" showIcon className="qifu-block" title={t.previewFailed} description={failure} />
        ) : null}
        {result ? (
          <div className={state === 'idle' ? undefined : 'qifu-stale'}>
            <Row gutter={[12, 12]}>
              <Col span={12}>
                <Statistic title={t.previewTotal} value={result.total} />
              </Col>
              <Col span={12}>
                <Statistic title={t.previewEligible} value={result.eligible} className="qifu-stat-eligible" />
              </Col>
              <Col span={12}>
                <Statistic
                  title={t.previewUndetermined}
                  value={result.undetermined}
                  className="qifu-stat-undetermined"
                />
              </Col>
              <Col span={12}>
                <Statistic title={t.previewIneligible} value={result.ineligible} />
              </Col>
              <Col span={24}>
                <Statistic title={t.previewAmount} value={formatYuan(result.eligibleAmountMin)} />
              </Col>
            </Row>
            {result.topMissingFacts.length > 0 ? (
              <div className="qifu-top-gap">
                <Typography.Text strong>{t.previewMissing}</Typography.Text>
                <ul className="qifu-plain-list">
                  {result.topMissingFacts.map((f) => (
                    <li key={f.fact}>{t.previewMissingItem(f.name || names.name(f.fact), f.enterprises)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <Typography.Text type="secondary" className="qifu-small">
              {m.policies.asOf(result.asOf)} · {t.previewElapsed(Math.round(result.elapsedMs))}
            </Typography.Text>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
