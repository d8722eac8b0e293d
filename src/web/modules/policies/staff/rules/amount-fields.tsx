import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import type { ReactNode } from 'react';
import type { AmountFormula, Quantity, QuantityUnit } from '../../../../../shared/policy-rules';
import { useT } from '../../../../app/prefs';
import { fixedOf } from './defaults';
import { QuantityInput, UnitNumber } from './fields';

export const fixed = (amount: number): AmountFormula => ({ kind: 'fixed', amount });

/** A labelled slot in the amount form. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="qifu-rule-field">
      <span className="qifu-rule-field-label">{label}</span>
      {children}
    </div>
  );
}

/** A labelled non-negative number in the given unit (yuan unless said otherwise); the label doubles as its aria-label. */
export function NumberField({
  label,
  value,
  onChange,
  unit = 'yuan',
  min = 0,
  optional,
}: {
  label: string;
  value: number | undefined;
  onChange(v: number | undefined): void;
  unit?: QuantityUnit;
  min?: number;
  optional?: boolean;
}) {
  return (
    <Field label={label}>
      <UnitNumber label={label} unit={unit} min={min} optional={optional} value={value} onChange={onChange} />
    </Field>
  );
}

/** A labelled figure the amount is computed from. */
export function QuantityField({
  label,
  ...input
}: {
  label: string;
  value: Quantity;
  onChange(q: Quantity): void;
  thisYear: number;
  allow?: readonly Quantity['of'][];
}) {
  return (
    <Field label={label}>
      <QuantityInput {...input} />
    </Field>
  );
}

/** A row of a tiers/category table: its key field, a fixed amount, an optional label, and a remove button. */
export type AmountRow = { amount: AmountFormula; label?: string };

export function AmountRowFields<R extends AmountRow>({
  row,
  onChange,
  onRemove,
  canRemove,
  children,
}: {
  row: R;
  onChange(row: R): void;
  onRemove(): void;
  canRemove: boolean;
  /** The field that tells this row apart (a tier's threshold, a category's value). */
  children: ReactNode;
}) {
  const t = useT().policies.rules;
  return (
    <Flex gap={8} wrap align="end">
      {children}
      <NumberField
        label={t.tierAmount}
        value={fixedOf(row.amount)}
        onChange={(v) => onChange({ ...row, amount: fixed(v ?? 0) })}
      />
      <Field label={t.tierLabel}>
        <Input
          aria-label={t.tierLabel}
          value={row.label ?? ''}
          maxLength={100}
          onChange={(e) => {
            const { label: _, ...rest } = row;
            onChange((e.target.value ? { ...rest, label: e.target.value } : rest) as R);
          }}
        />
      </Field>
      <Button
        type="text"
        danger
        icon={<MinusCircleOutlined />}
        aria-label={t.remove}
        disabled={!canRemove}
        onClick={onRemove}
      />
    </Flex>
  );
}

/** The rows of a tiers/category table, edited in place by position, each with {@link AmountRowFields}. */
export function AmountRows<R extends AmountRow>({
  rows,
  onChange,
  keyField,
}: {
  rows: R[];
  onChange(rows: R[]): void;
  keyField(row: R, setRow: (row: R) => void): ReactNode;
}) {
  return (
    <ol className="qifu-amount-rows">
      {rows.map((row, i) => {
        const setRow = (r: R) => onChange(rows.map((x, j) => (j === i ? r : x)));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
          <li key={i}>
            <AmountRowFields
              row={row}
              onChange={setRow}
              canRemove={rows.length > 1}
              onRemove={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {keyField(row, setRow)}
            </AmountRowFields>
          </li>
        );
      })}
    </ol>
  );
}

export function AddRowButton({ onClick, children }: { onClick(): void; children: ReactNode }) {
  return (
    <Button icon={<PlusOutlined />} className="qifu-add-button" onClick={onClick}>
      {children}
    </Button>
  );
}
