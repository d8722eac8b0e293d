import { Flex, InputNumber, Select } from 'antd';
import {
  IP_KIND_LABELS,
  IP_KINDS,
  type IpKind,
  YEARLY_METRIC_LABELS,
  YEARLY_METRICS,
  type YearlyMetric,
} from '../../../../../shared/enterprises';
import {
  COMPARE_OPS,
  type CompareOp,
  PROFILE_NUMBER_FIELDS,
  type Quantity,
  type QuantityUnit,
  RULE_YEAR_MAX,
  RULE_YEAR_MIN,
  type YearRef,
} from '../../../../../shared/policy-rules';
import { useT } from '../../../../app/prefs';
import { wanFromYuan, yuanFromWan } from '../../money';
import { useRuleEditor } from './context';
import { defaultQuantity } from './defaults';
import { yearText } from './describe';

/** Year presets in the order a policy officer reaches for them; "上一完整年度" first. */
const PRESETS: { key: string; ref: YearRef }[] = [
  { key: 'evaluationPrev', ref: { ref: 'evaluation', offset: -1 } },
  { key: 'evaluationPrev2', ref: { ref: 'evaluation', offset: -2 } },
  { key: 'evaluationCurrent', ref: { ref: 'evaluation', offset: 0 } },
  { key: 'reward', ref: { ref: 'reward', offset: 0 } },
  { key: 'rewardPrev', ref: { ref: 'reward', offset: -1 } },
];

function refKey(r: YearRef): string {
  return r.ref === 'absolute' ? 'absolute' : `${r.ref}:${r.offset}`;
}

/** A year as the rules name it: relative to the evaluation date or the reward year, or a fixed year. */
export function YearRefInput({
  value,
  onChange,
  label,
  thisYear,
}: {
  value: YearRef;
  onChange(v: YearRef): void;
  label: string;
  thisYear: number;
}) {
  const m = useT();
  const t = m.policies.rules.yearRefs;
  const presetLabels: Record<string, string> = {
    evaluationPrev: t.evaluationPrev,
    evaluationPrev2: t.evaluationPrev2,
    evaluationCurrent: t.evaluationCurrent,
    reward: t.reward,
    rewardPrev: t.rewardPrev,
  };
  const options = PRESETS.map((p) => ({ value: refKey(p.ref), label: presetLabels[p.key]! }));
  const key = refKey(value);
  if (value.ref !== 'absolute' && !options.some((o) => o.value === key))
    options.push({ value: key, label: t.custom(yearText(value)) });
  options.push({ value: 'absolute', label: t.absolute });
  return (
    <Flex gap={6} wrap>
      <Select<string>
        aria-label={label}
        value={key}
        className="qifu-year-select"
        options={options}
        onChange={(k) => {
          if (k === 'absolute') onChange({ ref: 'absolute', year: thisYear - 1 });
          else {
            const [ref, offset] = k.split(':') as ['evaluation' | 'reward', string];
            onChange({ ref, offset: Number(offset) });
          }
        }}
      />
      {value.ref === 'absolute' ? (
        <InputNumber
          aria-label={m.policies.rules.absoluteYear}
          min={RULE_YEAR_MIN}
          max={RULE_YEAR_MAX}
          value={value.year}
          suffix={m.policies.rules.years}
          onChange={(y) => typeof y === 'number' && onChange({ ref: 'absolute', year: y })}
          className="qifu-year-input"
        />
      ) : null}
    </Flex>
  );
}

export function MetricSelect({
  value,
  onChange,
  label,
}: {
  value: YearlyMetric;
  onChange(v: YearlyMetric): void;
  label: string;
}) {
  return (
    <Select<YearlyMetric>
      aria-label={label}
      value={value}
      onChange={onChange}
      className="qifu-metric-select"
      options={YEARLY_METRICS.map((k) => ({ value: k, label: YEARLY_METRIC_LABELS[k] }))}
    />
  );
}

/** The unit a quantity is counted in (money is 元, shown as 万元). */
export function unitOf(q: Quantity, measures: readonly { code: string; unit: string }[]): QuantityUnit {
  switch (q.of) {
    case 'profile':
      return q.field === 'registeredCapital' ? 'yuan' : 'person';
    case 'yearly':
    case 'increment':
      return 'yuan';
    case 'growth':
      return 'percent';
    case 'ip':
      return 'piece';
    case 'measure':
      return (measures.find((x) => x.code === q.measure)?.unit as QuantityUnit | undefined) ?? 'count';
  }
}

/** Which number a condition or formula reads: a profile field, a yearly figure, an increment, a growth rate … */
export function QuantityInput({
  value,
  onChange,
  thisYear,
  allow,
}: {
  value: Quantity;
  onChange(q: Quantity): void;
  thisYear: number;
  allow?: readonly Quantity['of'][];
}) {
  const m = useT();
  const t = m.policies.rules;
  const { catalogue } = useRuleEditor();
  const kinds = (allow ?? (['profile', 'yearly', 'increment', 'growth', 'ip', 'measure'] as const)).filter(
    (k) => k !== 'measure' || catalogue.measures.length > 0,
  );
  return (
    <Flex gap={6} wrap align="center" className="qifu-quantity">
      <Select<Quantity['of']>
        aria-label={t.quantity}
        value={value.of}
        className="qifu-kind-select"
        options={kinds.map((k) => ({ value: k, label: t.quantityKinds[k] }))}
        onChange={(of) => onChange(defaultQuantity(of, catalogue))}
      />
      {value.of === 'profile' ? (
        <Select
          aria-label={t.profileField}
          value={value.field}
          className="qifu-metric-select"
          options={PROFILE_NUMBER_FIELDS.map((f) => ({ value: f, label: t.profileFields[f] }))}
          onChange={(field) => onChange({ of: 'profile', field })}
        />
      ) : null}
      {value.of === 'yearly' ? (
        <>
          <YearRefInput
            label={t.year}
            value={value.year}
            thisYear={thisYear}
            onChange={(year) => onChange({ ...value, year })}
          />
          <MetricSelect
            label={t.metric}
            value={value.metric}
            onChange={(metric) => onChange({ ...value, metric })}
          />
        </>
      ) : null}
      {value.of === 'increment' || value.of === 'growth' ? (
        <>
          <MetricSelect
            label={t.metric}
            value={value.metric}
            onChange={(metric) => onChange({ ...value, metric })}
          />
          <span className="qifu-small">{t.toYear}</span>
          <YearRefInput
            label={t.toYear}
            value={value.to}
            thisYear={thisYear}
            onChange={(to) => onChange({ ...value, to })}
          />
          <span className="qifu-small">{t.fromYear}</span>
          <YearRefInput
            label={t.fromYear}
            value={value.from}
            thisYear={thisYear}
            onChange={(from) => onChange({ ...value, from })}
          />
        </>
      ) : null}
      {value.of === 'ip' ? (
        <Select<IpKind[]>
          mode="multiple"
          aria-label={t.ipKinds}
          value={value.kinds}
          className="qifu-wide-select"
          options={IP_KINDS.map((k) => ({ value: k, label: IP_KIND_LABELS[k] }))}
          onChange={(kinds) => onChange({ of: 'ip', kinds })}
        />
      ) : null}
      {value.of === 'measure' ? (
        <Select
          aria-label={t.measure}
          value={value.measure}
          className="qifu-wide-select"
          options={catalogue.measures.map((x) => ({ value: x.code, label: x.name }))}
          onChange={(measure) => onChange({ of: 'measure', measure })}
        />
      ) : null}
    </Flex>
  );
}

export function OpSelect({ value, onChange }: { value: CompareOp; onChange(op: CompareOp): void }) {
  const m = useT();
  const t = m.policies.rules;
  return (
    <Select<CompareOp>
      aria-label={t.op}
      value={value}
      className="qifu-op-select"
      options={COMPARE_OPS.map((op) => ({ value: op, label: t.ops[op] }))}
      onChange={onChange}
    />
  );
}

/** A number in a quantity's unit: money typed in 万元 and stored in 元, the others as they are. */
export function UnitNumber({
  value,
  onChange,
  unit,
  label,
  min,
  optional = false,
}: {
  value: number | undefined;
  onChange(v: number | undefined): void;
  unit: QuantityUnit;
  label: string;
  min?: number;
  optional?: boolean;
}) {
  const m = useT();
  const money = unit === 'yuan';
  return (
    <InputNumber
      aria-label={label}
      value={value === undefined ? null : money ? wanFromYuan(value) : value}
      min={min}
      max={1e10}
      suffix={m.policies.selfTest.unitSuffix[unit]}
      className="qifu-number-input"
      onChange={(v) => {
        if (typeof v !== 'number') {
          if (optional) onChange(undefined);
          return;
        }
        onChange(money ? yuanFromWan(v) : v);
      }}
    />
  );
}
