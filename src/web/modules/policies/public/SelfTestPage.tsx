import { ExperimentOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Row,
  Skeleton,
  Statistic,
  Tabs,
  Typography,
} from 'antd';
import { type RefObject, useEffect, useRef, useState } from 'react';
import type { SelfTest } from '../../../../shared/policies';
import type { EligibilityStatus, EnterpriseFacts } from '../../../../shared/policy-rules';
import { api } from '../../../app/api';
import { FormFailure, LinkButton, PageHeader } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { toFactValue, toFormValue } from '../answers';
import { MatchCard } from '../components/MatchCard';
import { QuestionField } from '../components/QuestionField';
import { useFactNames } from '../components/useFactNames';
import { getFact, setFact } from '../facts';
import { policyApi, policyPages } from '../paths';

/** Questions per screen: few enough to read at a glance on a phone. */
const PER_SCREEN = 4;
const STATUSES: EligibilityStatus[] = ['eligible', 'undetermined', 'ineligible'];

interface Step {
  answers: EnterpriseFacts;
  skipped: string[];
}

/**
 * /services/self-test — 政策自测 without logging in. The server says which questions matter now (the facts that
 * would settle the most undetermined programs); the page asks a screen of them, posts the answers, and repeats
 * until nothing is left to ask or the visitor wants the results. Skipped questions stay unknown, never "no".
 */
export function SelfTestPage() {
  const m = useT();
  const t = m.policies.selfTest;
  const { user } = useSession();
  const describe = useDescribeError();
  const names = useFactNames();
  const [phase, setPhase] = useState<'intro' | 'asking' | 'results'>('intro');
  const [history, setHistory] = useState<Step[]>([{ answers: {}, skipped: [] }]);
  const [result, setResult] = useState<SelfTest | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = history[history.length - 1]!;
  const questions = (result?.questions ?? [])
    .filter((q) => !current.skipped.includes(q.fact))
    .slice(0, PER_SCREEN);

  const run = async (step: Step) => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await api.post<SelfTest>(policyApi.selfTest, {
        answers: step.answers,
        questionLimit: Math.min(20, PER_SCREEN + step.skipped.length),
      });
      setResult(r);
      const left = r.questions.filter((q) => !step.skipped.includes(q.fact));
      setPhase(left.length === 0 ? 'results' : 'asking');
    } catch (e) {
      setFailure(describe(e));
    } finally {
      setBusy(false);
    }
  };

  // Each new screen starts with its questions empty (or showing earlier answers after "back") and the heading
  // focused, so keyboard and screen-reader users start at the top of the new screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new screen of questions resets the form
  useEffect(() => {
    if (phase === 'intro') return;
    form.resetFields();
    const values: Record<string, unknown> = {};
    for (const q of questions) values[q.fact] = toFormValue(q, getFact(current.answers, q.fact));
    form.setFieldsValue({ a: values });
    headingRef.current?.focus();
  }, [phase, result, history.length]);

  const submitScreen = async (values: { a?: Record<string, unknown> }) => {
    let answers = current.answers;
    for (const q of questions) {
      const v = toFactValue(q, values.a?.[q.fact]);
      if (v !== undefined) answers = setFact(answers, q.fact, v);
    }
    const step = { answers, skipped: current.skipped };
    setHistory([...history, step]);
    await run(step);
  };

  const skipScreen = async () => {
    const step = { answers: current.answers, skipped: [...current.skipped, ...questions.map((q) => q.fact)] };
    setHistory([...history, step]);
    await run(step);
  };

  const back = async () => {
    if (history.length <= 1) return;
    const prev = history.slice(0, -1);
    setHistory(prev);
    await run(prev[prev.length - 1]!);
  };

  const restart = () => {
    setHistory([{ answers: {}, skipped: [] }]);
    setResult(null);
    setPhase('intro');
  };

  const answeredCount = countAnswers(current.answers);

  return (
    <div className="qifu-container qifu-page">
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          phase !== 'intro' ? (
            <Button icon={<ReloadOutlined />} onClick={restart}>
              {t.restart}
            </Button>
          ) : null
        }
      />
      {user?.kind === 'enterprise' && user.enterprise ? (
        <Alert
          type="info"
          showIcon
          className="qifu-block"
          title={t.loggedInHint}
          action={<LinkButton to={policyPages.matches}>{t.toMatches}</LinkButton>}
        />
      ) : null}
      <FormFailure failure={failure} />
      {phase === 'intro' ? (
        <Card>
          <Flex vertical gap={16} align="start">
            <Typography.Paragraph className="qifu-lead">{t.startHint}</Typography.Paragraph>
            <Button
              type="primary"
              size="large"
              icon={<ExperimentOutlined />}
              loading={busy}
              onClick={() => run(current)}
            >
              {t.start}
            </Button>
          </Flex>
        </Card>
      ) : null}
      {phase === 'asking' && result ? (
        <Row gutter={[24, 24]}>
          <Col xs={24} lg={16}>
            <Card>
              <h2 ref={headingRef} tabIndex={-1} className="qifu-step-title">
                {t.step(history.length)}
              </h2>
              <Typography.Paragraph type="secondary">{t.questionsIntro}</Typography.Paragraph>
              <Form
                form={form}
                layout="vertical"
                onFinish={submitScreen}
                disabled={busy}
                requiredMark={false}
              >
                {questions.map((q) => (
                  <div key={q.fact} className="qifu-question">
                    <QuestionField question={q} name={['a', q.fact]} required />
                    <Typography.Text type="secondary" className="qifu-small qifu-question-meta">
                      {q.settles > 0 ? t.settles(q.settles) : t.affects(q.programs.length)}
                    </Typography.Text>
                  </div>
                ))}
                <Flex gap={8} wrap className="qifu-top-gap">
                  <Button type="primary" htmlType="submit" loading={busy}>
                    {t.next}
                  </Button>
                  <Button onClick={skipScreen} disabled={busy}>
                    {t.skip}
                  </Button>
                  <Button onClick={() => setPhase('results')} disabled={busy}>
                    {t.finish}
                  </Button>
                  {history.length > 1 ? (
                    <Button type="link" onClick={back} disabled={busy}>
                      {t.back}
                    </Button>
                  ) : null}
                </Flex>
              </Form>
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Progress result={result} answered={answeredCount} />
          </Col>
        </Row>
      ) : null}
      {phase === 'results' && !result ? <Skeleton active /> : null}
      {phase === 'results' && result ? (
        <Results
          result={result}
          factName={names.name}
          headingRef={headingRef}
          onMore={
            result.questions.some((q) => !current.skipped.includes(q.fact)) ? () => setPhase('asking') : null
          }
        />
      ) : null}
    </div>
  );
}

function countAnswers(f: EnterpriseFacts): number {
  let n = 0;
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined) continue;
    if (k === 'yearly')
      n += Object.values(v as Record<string, object>).reduce((s, y) => s + Object.keys(y).length, 0);
    else if (typeof v === 'object' && v !== null) n += Object.keys(v).length;
    else n += 1;
  }
  return n;
}

function Progress({ result, answered }: { result: SelfTest; answered: number }) {
  const m = useT();
  const t = m.policies.selfTest;
  return (
    <Card title={t.progress} aria-live="polite">
      <Row gutter={[12, 12]}>
        {STATUSES.map((s) => (
          <Col span={8} key={s}>
            <Statistic title={m.policies.eligibility[s]} value={result.counts[s]} />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" className="qifu-top-gap qifu-small">
        {t.answered(answered)}
      </Typography.Paragraph>
    </Card>
  );
}

function Results({
  result,
  factName,
  headingRef,
  onMore,
}: {
  result: SelfTest;
  factName(key: string): string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onMore: (() => void) | null;
}) {
  const m = useT();
  const t = m.policies.selfTest;
  const { user } = useSession();
  useEffect(() => {
    headingRef.current?.focus();
  }, [headingRef]);
  if (result.items.length === 0) {
    return (
      <Card>
        <Empty description={t.noPrograms} />
      </Card>
    );
  }
  return (
    <Flex vertical gap={16}>
      <Card>
        <h2 ref={headingRef} tabIndex={-1} className="qifu-step-title">
          {t.resultsTitle}
        </h2>
        <Typography.Paragraph type="secondary">{t.resultsIntro}</Typography.Paragraph>
        <Row gutter={[12, 12]}>
          {STATUSES.map((s) => (
            <Col xs={8} key={s}>
              <Statistic title={m.policies.eligibility[s]} value={result.counts[s]} />
            </Col>
          ))}
        </Row>
        <Flex gap={8} wrap className="qifu-top-gap">
          {onMore ? (
            <Button type="primary" onClick={onMore}>
              {t.continue}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t.noQuestions}</Typography.Text>
          )}
          {!user ? <LinkButton to="/register">{m.home.ctaRegister}</LinkButton> : null}
        </Flex>
        {!user ? (
          <Typography.Paragraph type="secondary" className="qifu-top-gap qifu-small">
            {t.loginForMore}
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Tabs
        // Open on the best news there is: eligible programs, else the ones that need more answers.
        defaultActiveKey={STATUSES.find((s) => result.counts[s] > 0)}
        items={STATUSES.map((s) => ({
          key: s,
          label: m.policies.countLabel(m.policies.eligibility[s], result.counts[s]),
          children: (
            <Flex vertical gap={12}>
              {result.items
                .filter((i) => i.status === s)
                .map((i) => (
                  <MatchCard key={i.program.id} match={i} factName={factName} />
                ))}
              {result.counts[s] === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            </Flex>
          ),
        }))}
      />
    </Flex>
  );
}
