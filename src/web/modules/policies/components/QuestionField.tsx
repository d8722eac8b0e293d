import { DatePicker, Flex, Form, InputNumber, Radio, Select } from 'antd';
import type { FactQuestion } from '../../../../shared/policy-rules';
import { useT } from '../../../app/prefs';
import { industryOptions, useIndustries, useStreets } from '../../enterprises/profile/reference';

/**
 * One question of the self-test or the claim form, with the input its answer needs: a number with its unit, money
 * in 万元, a date, yes/no, a qualification with its dates, an industry, a street or a size class. Form values are
 * kept in the form's own shape (万元, dayjs); `toFactValue` (answers.ts) turns them into the API's (元, YYYY-MM-DD).
 */
export function QuestionField({
  question,
  name,
  required,
  label,
}: {
  question: FactQuestion;
  name: (string | number)[];
  required: boolean;
  label?: string;
}) {
  const m = useT();
  const t = m.policies.selfTest;
  const rules = required ? [{ required: true, message: t.required }] : [];
  const text = label ?? question.question;
  switch (question.answer) {
    case 'money':
      return (
        <Form.Item name={name} label={text} rules={rules}>
          <InputNumber min={0} max={1e8} step={1} suffix={t.unitSuffix.yuan} className="qifu-number-input" />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item name={name} label={text} rules={rules}>
          <InputNumber
            min={0}
            max={1e12}
            suffix={question.unit ? t.unitSuffix[question.unit] : undefined}
            className="qifu-number-input"
          />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item name={name} label={text} rules={rules}>
          <DatePicker className="qifu-date-input" />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item name={name} label={text} rules={rules}>
          <Radio.Group
            options={[
              { value: true, label: m.policies.yes },
              { value: false, label: m.policies.no },
            ]}
          />
        </Form.Item>
      );
    case 'sizeClass':
      return (
        <Form.Item name={name} label={text} rules={rules}>
          <Radio.Group
            options={(['large', 'medium', 'small', 'micro'] as const).map((s) => ({
              value: s,
              label: m.enterprise.sizes[s],
            }))}
          />
        </Form.Item>
      );
    case 'industry':
      return <IndustryField name={name} label={text} rules={rules} />;
    case 'street':
      return <StreetField name={name} label={text} rules={rules} />;
    case 'qualification':
      return (
        <fieldset className="qifu-fieldset">
          <legend>{text}</legend>
          <Form.Item name={[...name, 'recognized']} rules={rules} label={m.policies.facts.recognized}>
            <Radio.Group
              options={[
                { value: true, label: t.recognized },
                { value: false, label: t.notRecognized },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={[[...name, 'recognized']]}>
            {({ getFieldValue }) =>
              getFieldValue([...name, 'recognized']) === true ? (
                <Flex gap={16} wrap>
                  <Form.Item name={[...name, 'recognizedOn']} label={t.recognizedOn}>
                    <DatePicker className="qifu-date-input" />
                  </Form.Item>
                  <Form.Item name={[...name, 'firstRecognizedOn']} label={t.firstRecognizedOn}>
                    <DatePicker className="qifu-date-input" />
                  </Form.Item>
                </Flex>
              ) : null
            }
          </Form.Item>
        </fieldset>
      );
  }
}

type Rules = { required: boolean; message: string }[];

function IndustryField({ name, label, rules }: { name: (string | number)[]; label: string; rules: Rules }) {
  const m = useT();
  const industries = useIndustries();
  return (
    <Form.Item name={name} label={label} rules={rules}>
      <Select<string>
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={m.policies.selfTest.chooseIndustry}
        loading={industries.loading}
        options={industryOptions(industries.data)}
        className="qifu-wide-select"
      />
    </Form.Item>
  );
}

function StreetField({ name, label, rules }: { name: (string | number)[]; label: string; rules: Rules }) {
  const m = useT();
  const streets = useStreets();
  return (
    <Form.Item name={name} label={label} rules={rules}>
      <Select<string>
        placeholder={m.policies.selfTest.chooseStreet}
        loading={streets.loading}
        options={(streets.data?.items ?? []).map((s) => ({ value: s.code, label: s.name }))}
        className="qifu-wide-select"
      />
    </Form.Item>
  );
}
