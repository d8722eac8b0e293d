import { Alert, Checkbox, Flex, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { SIZE_CLASS_NAMES, SIZE_CLASSES } from '../../../../../shared/enterprises';
import type { AmountFormula, CategorySource, Quantity } from '../../../../../shared/policy-rules';
import { useT } from '../../../../app/prefs';
import { AddRowButton, AmountRows, Field, fixed, NumberField, QuantityField } from './amount-fields';
import { useRuleEditor } from './context';
import { AMOUNT_MODES, type AmountMode, amountMode, defaultAmount, fixedOf, REWARD_YEAR } from './defaults';
import { describeFormula } from './describe';
import { QuantityInput, UnitNumber, unitOf, YearRefInput } from './fields';

/** The formula in words, or null while a hand-edited formula is incomplete. */
function safeDescribe(f: AmountFormula, names: Parameters<typeof describeFormula>[1]): string | null {
  try {
    return describeFormula(f, names);
  } catch {
    return null;
  }
}

/**
 * 支持金额: the amount formula, with a form for the common kinds (fixed, rate × figure with floor and cap, per unit,
 * tiers by a figure, amounts by category, monthly) and the formula as data for the rest. The formula is always
 * shown in the words applicants will read.
 */
export function AmountEditor({
  value,
  onChange,
  errors,
  thisYear,
}: {
  value: AmountFormula | undefined;
  onChange(f: AmountFormula | undefined): void;
  errors: string[];
  thisYear: number;
}) {
  const m = useT();
  const t = m.policies.rules;
  const { names } = useRuleEditor();
  const mode = amountMode(value);
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t.amountIntro}</Typography.Text>
      <Radio.Group
        aria-label={t.amountTitle}
        value={mode}
        optionType="button"
        className="qifu-amount-modes"
        options={AMOUNT_MODES.map((k) => ({ value: k, label: t.amountKinds[k] }))}
        onChange={(e) => onChange(defaultAmount(e.target.value as AmountMode, value))}
      />
      {errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={
            <ul className="qifu-plain-list">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {value && mode !== 'advanced' ? (
        <SimpleAmount value={value} onChange={onChange} thisYear={thisYear} />
      ) : null}
      {value && mode === 'advanced' ? <AdvancedAmount value={value} onChange={onChange} /> : null}
      {value ? (
        <Alert type="info" title={t.describe} description={safeDescribe(value, names) ?? t.advancedInvalid} />
      ) : null}
    </Flex>
  );
}

function SimpleAmount({
  value: f,
  onChange,
  thisYear,
}: {
  value: AmountFormula;
  onChange(f: AmountFormula): void;
  thisYear: number;
}) {
  const m = useT();
  const t = m.policies.rules;
  const { catalogue } = useRuleEditor();
  const opt = <K extends string>(obj: Record<string, unknown>, key: K, v: number | undefined) => {
    const { [key]: _, ...rest } = obj;
    return (v === undefined ? rest : { ...rest, [key]: v }) as unknown as AmountFormula;
  };
  switch (f.kind) {
    case 'fixed':
      return <NumberField label={t.amountFixed} value={f.amount} onChange={(v) => onChange(fixed(v ?? 0))} />;
    case 'rate':
      return (
        <Flex gap={8} wrap align="end">
          <Field label={t.percent}>
            <InputNumber
              aria-label={t.percent}
              min={0.01}
              max={100}
              value={f.percent}
              suffix="%"
              onChange={(v) => typeof v === 'number' && onChange({ ...f, percent: v })}
            />
          </Field>
          <QuantityField
            label={t.base}
            value={f.base}
            thisYear={thisYear}
            allow={['yearly', 'increment', 'profile', 'measure']}
            onChange={(base) => onChange({ ...f, base })}
          />
          <NumberField
            label={t.floor}
            optional
            value={f.floor}
            onChange={(v) => onChange(opt(f, 'floor', v))}
          />
          <NumberField label={t.cap} optional value={f.cap} onChange={(v) => onChange(opt(f, 'cap', v))} />
        </Flex>
      );
    case 'perUnit': {
      const unit = unitOf(f.quantity, catalogue.measures);
      return (
        <Flex gap={8} wrap align="end">
          <QuantityField
            label={t.base}
            value={f.quantity}
            thisYear={thisYear}
            onChange={(quantity) => onChange({ ...f, quantity })}
          />
          <NumberField
            label={t.unitSize}
            unit={unit}
            value={f.unitSize}
            onChange={(v) => v && onChange({ ...f, unitSize: v })}
          />
          <NumberField
            label={t.amountPerUnit}
            value={f.amountPerUnit}
            onChange={(v) => v && onChange({ ...f, amountPerUnit: v })}
          />
          <NumberField label={t.cap} optional value={f.cap} onChange={(v) => onChange(opt(f, 'cap', v))} />
          <Checkbox
            checked={!!f.prorate}
            onChange={(e) => {
              const { prorate: _, ...rest } = f;
              onChange(e.target.checked ? { ...rest, prorate: true } : rest);
            }}
          >
            {t.prorate}
          </Checkbox>
        </Flex>
      );
    }
    case 'tiers': {
      const unit = unitOf(f.quantity, catalogue.measures);
      return (
        <Flex vertical gap={8}>
          <QuantityField
            label={t.base}
            value={f.quantity}
            thisYear={thisYear}
            onChange={(quantity) => onChange({ ...f, quantity })}
          />
          <AmountRows
            rows={f.tiers}
            onChange={(tiers) => onChange({ ...f, tiers })}
            keyField={(row, setRow) => (
              <Field label={t.tierAtLeast}>
                <UnitNumber
                  label={t.tierAtLeast}
                  unit={unit}
                  value={row.atLeast}
                  onChange={(v) => setRow({ ...row, atLeast: v ?? 0 })}
                />
              </Field>
            )}
          />
          <AddRowButton
            onClick={() => {
              const last = f.tiers[f.tiers.length - 1];
              onChange({
                ...f,
                tiers: [
                  ...f.tiers,
                  { atLeast: (last?.atLeast ?? 0) * 2 || 1, amount: fixed(fixedOf(last?.amount)) },
                ],
              });
            }}
          >
            {t.addTier}
          </AddRowButton>
        </Flex>
      );
    }
    case 'byCategory':
      return <CategoryAmount value={f} onChange={onChange} thisYear={thisYear} />;
    case 'monthly':
      return (
        <Flex gap={8} wrap align="end">
          <NumberField
            label={t.perMonth}
            value={fixedOf(f.perMonth)}
            onChange={(v) => onChange({ ...f, perMonth: fixed(v ?? 0) })}
          />
          <Field label={t.monthCount}>
            <Flex gap={6} wrap align="center">
              <Radio.Group
                value={typeof f.months === 'number' ? 'fixed' : 'measure'}
                onChange={(e) =>
                  onChange({
                    ...f,
                    months:
                      e.target.value === 'fixed'
                        ? 12
                        : ({
                            of: 'measure',
                            measure:
                              catalogue.measures.find((x) => x.unit === 'month')?.code ?? 'lease_months',
                          } as Quantity),
                  })
                }
                options={[
                  { value: 'fixed', label: t.monthsFixed },
                  { value: 'measure', label: t.monthsFromMeasure },
                ]}
              />
              {typeof f.months === 'number' ? (
                <InputNumber
                  aria-label={t.monthsFixed}
                  min={1}
                  max={600}
                  value={f.months}
                  suffix={t.months}
                  onChange={(v) => typeof v === 'number' && onChange({ ...f, months: v })}
                />
              ) : (
                <QuantityInput
                  value={f.months}
                  thisYear={thisYear}
                  allow={['measure']}
                  onChange={(months) => onChange({ ...f, months })}
                />
              )}
            </Flex>
          </Field>
          <Field label={t.maxMonths}>
            <InputNumber
              aria-label={t.maxMonths}
              min={1}
              max={600}
              value={f.maxMonths ?? null}
              onChange={(v) => onChange(opt(f, 'maxMonths', typeof v === 'number' ? v : undefined))}
            />
          </Field>
        </Flex>
      );
    default:
      return null;
  }
}

function CategoryAmount({
  value: f,
  onChange,
  thisYear,
}: {
  value: Extract<AmountFormula, { kind: 'byCategory' }>;
  onChange(f: AmountFormula): void;
  thisYear: number;
}) {
  const m = useT();
  const t = m.policies.rules;
  const { catalogue } = useRuleEditor();
  const source = f.category;
  const valueOptions =
    source.of === 'sizeClass'
      ? SIZE_CLASSES.map((s) => ({ value: s as string, label: SIZE_CLASS_NAMES[s] }))
      : source.of === 'streetCode'
        ? (catalogue.streets ?? []).map((s) => ({ value: s.code, label: s.name }))
        : (['first', 'renewal', 'none'] as const).map((v) => ({ value: v, label: t.recognitionValues[v] }));
  const changeSource = (of: CategorySource['of']) => {
    const category: CategorySource =
      of === 'recognition'
        ? { of, qualification: catalogue.qualifications[0]?.code ?? 'high_tech', year: REWARD_YEAR }
        : { of };
    onChange({
      ...f,
      category,
      cases: [{ value: of === 'recognition' ? 'first' : (valueOptions[0]?.value ?? ''), amount: fixed(0) }],
    });
  };
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="end">
        <Field label={t.category}>
          <Select<CategorySource['of']>
            aria-label={t.category}
            value={source.of}
            className="qifu-metric-select"
            options={(['sizeClass', 'streetCode', 'recognition'] as const).map((k) => ({
              value: k,
              label: t.categories[k],
            }))}
            onChange={changeSource}
          />
        </Field>
        {source.of === 'recognition' ? (
          <>
            <Field label={t.qualification}>
              <Select
                aria-label={t.qualification}
                value={source.qualification}
                className="qifu-wide-select"
                options={catalogue.qualifications.map((q) => ({ value: q.code, label: q.name }))}
                onChange={(qualification) => onChange({ ...f, category: { ...source, qualification } })}
              />
            </Field>
            <Field label={t.year}>
              <YearRefInput
                label={t.year}
                value={source.year}
                thisYear={thisYear}
                onChange={(year) => onChange({ ...f, category: { ...source, year } })}
              />
            </Field>
          </>
        ) : null}
      </Flex>
      <AmountRows
        rows={f.cases}
        onChange={(cases) => onChange({ ...f, cases })}
        keyField={(c, setCase) => (
          <Field label={t.categoryValue}>
            <Select
              aria-label={t.categoryValue}
              value={c.value}
              className="qifu-metric-select"
              options={valueOptions}
              onChange={(v) => setCase({ ...c, value: v })}
            />
          </Field>
        )}
      />
      <Flex gap={8} wrap align="end">
        <AddRowButton
          onClick={() => {
            const unused = valueOptions.find((o) => !f.cases.some((c) => c.value === o.value));
            onChange({
              ...f,
              cases: [...f.cases, { value: unused?.value ?? valueOptions[0]?.value ?? '', amount: fixed(0) }],
            });
          }}
        >
          {t.addCase}
        </AddRowButton>
        <NumberField
          label={t.otherwise}
          optional
          value={f.otherwise ? fixedOf(f.otherwise) : undefined}
          onChange={(v) => {
            const { otherwise: _, ...rest } = f;
            onChange(v === undefined ? rest : { ...rest, otherwise: fixed(v) });
          }}
        />
      </Flex>
    </Flex>
  );
}

/** Formulas without a form (就高不重复, 合计, 倍数, 合计封顶 …), edited as their data. */
function AdvancedAmount({ value, onChange }: { value: AmountFormula; onChange(f: AmountFormula): void }) {
  const m = useT();
  const t = m.policies.rules;
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [invalid, setInvalid] = useState(false);
  // A change from outside (switching modes, loading) replaces the text; typing does not round-trip.
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value)) return current;
      } catch {
        // the officer's half-typed text: keep it
        return current;
      }
      return JSON.stringify(value, null, 2);
    });
  }, [value]);
  return (
    <Flex vertical gap={6}>
      <Typography.Text type="secondary">{t.advancedHint}</Typography.Text>
      <Input.TextArea
        aria-label={t.amountKinds.advanced}
        className="qifu-code-area"
        autoSize={{ minRows: 6, maxRows: 24 }}
        value={text}
        status={invalid ? 'error' : undefined}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed = JSON.parse(e.target.value) as AmountFormula;
            if (!parsed || typeof parsed !== 'object' || !('kind' in parsed))
              throw new Error('not a formula');
            setInvalid(false);
            onChange(parsed);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid ? <Typography.Text type="danger">{t.advancedInvalid}</Typography.Text> : null}
    </Flex>
  );
}
