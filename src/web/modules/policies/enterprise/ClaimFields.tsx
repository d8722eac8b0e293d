import { Alert, Flex, Form, Input, InputNumber, Typography } from 'antd';
import type { ClaimAnswers, ClaimDraft } from '../../../../shared/policies';
import type { FactQuestion } from '../../../../shared/policy-rules';
import { LinkButton } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { toFactValue } from '../answers';
import { QuestionField } from '../components/QuestionField';
import { claimAnswersFrom, isClaimAnswerable, profileTabOf } from '../facts';
import { policyPages } from '../paths';

/** The typed answers of a claim form as the API's `answers`. */
export function answersFromForm(
  questions: FactQuestion[],
  values: Record<string, unknown> | undefined,
): ClaimAnswers {
  const typed: Record<string, unknown> = {};
  for (const q of questions) {
    if (!isClaimAnswerable(q.fact)) continue;
    typed[q.fact] = toFactValue(q, values?.[q.fact]);
  }
  return claimAnswersFrom(typed);
}

/** 补充信息: what the profile cannot say (answered here) and what it should say (fixed in the profile). */
export function ClaimQuestions({
  questions,
  factName,
}: {
  questions: FactQuestion[];
  factName(key: string): string;
}) {
  const m = useT();
  const t = m.policies.apply;
  const here = questions.filter((q) => isClaimAnswerable(q.fact));
  const inProfile = questions.filter((q) => !isClaimAnswerable(q.fact));
  if (here.length === 0 && inProfile.length === 0) return null;
  return (
    <Flex vertical gap={12}>
      {here.length > 0 ? (
        <>
          <Typography.Text type="secondary">{t.questionsHint}</Typography.Text>
          {here.map((q) => (
            <QuestionField key={q.fact} question={q} name={['answers', q.fact]} required={false} />
          ))}
        </>
      ) : null}
      {inProfile.length > 0 ? (
        <Alert
          type="info"
          showIcon
          title={t.profileQuestions}
          description={
            <ul className="qifu-plain-list">
              {inProfile.map((q) => {
                const tab = profileTabOf(q.fact);
                return (
                  <li key={q.fact}>
                    {factName(q.fact)}
                    {tab ? (
                      <LinkButton type="link" size="small" to={policyPages.profileTab(tab)}>
                        {m.policies.matches.fillProfile}
                      </LinkButton>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          }
        />
      ) : null}
    </Flex>
  );
}

/** Contact person and phone, required on an application and a confirmation. */
export function ContactFields() {
  const m = useT();
  const t = m.policies.apply;
  return (
    <Flex gap={16} wrap>
      <Form.Item
        name="contactName"
        label={t.contactName}
        rules={[{ required: true, whitespace: true, message: t.contactNameRequired }]}
        className="qifu-field-medium"
      >
        <Input maxLength={30} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t.contactPhone}
        rules={[
          { required: true, message: t.contactPhoneRequired },
          { pattern: /^1[3-9]\d{9}$/, message: m.auth.phoneInvalid },
        ]}
        className="qifu-field-medium"
      >
        <Input maxLength={11} inputMode="numeric" autoComplete="tel" />
      </Form.Item>
    </Flex>
  );
}

export function StatementField({ label }: { label?: string }) {
  const m = useT();
  const t = m.policies.apply;
  return (
    <Form.Item name="statement" label={label ?? t.statement}>
      <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t.statementPlaceholder} />
    </Form.Item>
  );
}

export function RequestedAmountField() {
  const m = useT();
  const t = m.policies.apply;
  return (
    <Form.Item name="requestedAmount" label={t.requestedAmount} extra={t.requestedAmountHint}>
      <InputNumber min={0} max={1e7} suffix={m.policies.wan} className="qifu-number-input" />
    </Form.Item>
  );
}

/** The claim draft's materials with nothing uploaded yet listed as missing when required. */
export function missingMaterials(
  materials: ClaimDraft['materials'],
  chosen: { material: string }[],
): string[] {
  return materials
    .filter((mat) => mat.required && !chosen.some((c) => c.material === mat.name))
    .map((mat) => mat.name);
}
