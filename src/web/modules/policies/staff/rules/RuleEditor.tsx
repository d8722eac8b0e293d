import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  BulbOutlined,
  DeleteOutlined,
  GroupOutlined,
  PlusOutlined,
  UngroupOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Dropdown,
  Flex,
  Input,
  InputNumber,
  Radio,
  Select,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useId } from 'react';
import { SIZE_CLASS_NAMES, SIZE_CLASSES } from '../../../../../shared/enterprises';
import {
  type ConditionNode,
  type DateTest,
  LEAF_KINDS,
  type LeafCondition,
  type LeafKind,
  MEMBERSHIP_FIELDS,
  type MembershipField,
} from '../../../../../shared/policy-rules';
import { useT } from '../../../../app/prefs';
import { useRuleEditor } from './context';
import { REWARD_YEAR } from './defaults';
import { MetricSelect, OpSelect, QuantityInput, UnitNumber, unitOf, YearRefInput } from './fields';
import { childrenOf, type GroupKind, groupKind } from './rule-tree';

const GROUP_KINDS: GroupKind[] = ['all', 'any', 'not'];

/** One node of the condition tree: a group with its children, or a condition with its fields and label. */
export function NodeEditor({
  node,
  isRoot = false,
  index = 0,
  siblings = 1,
  underNot = false,
  thisYear,
}: {
  node: ConditionNode;
  isRoot?: boolean;
  index?: number;
  siblings?: number;
  underNot?: boolean;
  thisYear: number;
}) {
  const kind = groupKind(node);
  if (kind) {
    return (
      <GroupEditor
        node={node}
        kind={kind}
        isRoot={isRoot}
        index={index}
        siblings={siblings}
        underNot={underNot}
        thisYear={thisYear}
      />
    );
  }
  return (
    <LeafEditor
      node={node as LeafCondition}
      index={index}
      siblings={siblings}
      underNot={underNot}
      thisYear={thisYear}
    />
  );
}

function NodeErrors({ id }: { id: string }) {
  const { errors } = useRuleEditor();
  const list = errors.get(id);
  if (!list?.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="qifu-rule-error"
      title={
        list.length === 1 ? (
          list[0]
        ) : (
          <ul className="qifu-plain-list">
            {list.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )
      }
    />
  );
}

function MoveButtons({ id, index, siblings }: { id: string; index: number; siblings: number }) {
  const m = useT();
  const t = m.policies.rules;
  const api = useRuleEditor();
  return (
    <>
      <Tooltip title={t.moveUp}>
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          aria-label={t.moveUp}
          disabled={index === 0}
          onClick={() => api.move(id, -1)}
        />
      </Tooltip>
      <Tooltip title={t.moveDown}>
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          aria-label={t.moveDown}
          disabled={index >= siblings - 1}
          onClick={() => api.move(id, 1)}
        />
      </Tooltip>
    </>
  );
}

function AddMenu({ groupId, underNot }: { groupId: string; underNot: boolean }) {
  const m = useT();
  const t = m.policies.rules;
  const api = useRuleEditor();
  const kinds = LEAF_KINDS.filter((k) => !(underNot && k === 'manual'));
  return (
    <Flex gap={6} wrap>
      <Dropdown
        trigger={['click']}
        menu={{
          items: kinds.map((k) => ({
            key: k,
            label: (
              <div className="qifu-kind-option">
                <strong>{t.kinds[k]}</strong>
                <div className="qifu-small">{t.kindHints[k]}</div>
              </div>
            ),
          })),
          onClick: ({ key }) => api.addLeaf(groupId, key as LeafKind),
        }}
      >
        <Button size="small" icon={<PlusOutlined />}>
          {t.addCondition}
        </Button>
      </Dropdown>
      <Dropdown
        trigger={['click']}
        menu={{
          items: GROUP_KINDS.map((k) => ({ key: k, label: t.group[k] })),
          onClick: ({ key }) => api.addGroup(groupId, key as GroupKind),
        }}
      >
        <Button size="small" icon={<GroupOutlined />}>
          {t.addGroup}
        </Button>
      </Dropdown>
    </Flex>
  );
}

function GroupEditor({
  node,
  kind,
  isRoot,
  index,
  siblings,
  underNot,
  thisYear,
}: {
  node: ConditionNode;
  kind: GroupKind;
  isRoot: boolean;
  index: number;
  siblings: number;
  underNot: boolean;
  thisYear: number;
}) {
  const m = useT();
  const t = m.policies.rules;
  const api = useRuleEditor();
  const kids = childrenOf(node);
  const labelId = useId();
  const childUnderNot = underNot || kind === 'not';
  return (
    <section
      className={`qifu-rule-group is-${kind}${api.errors.has(node.id) ? ' has-error' : ''}`}
      aria-labelledby={labelId}
    >
      <Flex gap={8} wrap align="center" className="qifu-rule-head">
        <span id={labelId} className="qifu-visually-hidden">
          {t.group[kind]}
        </span>
        <Select<GroupKind>
          aria-label={t.group[kind]}
          value={kind}
          className="qifu-group-select"
          options={GROUP_KINDS.map((k) => ({ value: k, label: t.group[k] }))}
          onChange={(k) => api.setKind(node.id, k)}
        />
        <Input
          aria-label={t.groupLabel}
          placeholder={t.groupLabel}
          value={node.label ?? ''}
          maxLength={200}
          className="qifu-group-label"
          onChange={(e) => api.setLabel(node.id, e.target.value)}
        />
        <Flex gap={2} className="qifu-rule-actions">
          {isRoot ? null : (
            <>
              <MoveButtons id={node.id} index={index} siblings={siblings} />
              {kids.length === 1 && kind !== 'not' ? (
                <Tooltip title={t.unwrap}>
                  <Button
                    size="small"
                    type="text"
                    icon={<UngroupOutlined />}
                    aria-label={t.unwrap}
                    onClick={() => api.unwrap(node.id)}
                  />
                </Tooltip>
              ) : null}
              <Tooltip title={t.remove}>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t.remove}
                  onClick={() => api.remove(node.id)}
                />
              </Tooltip>
            </>
          )}
        </Flex>
      </Flex>
      <NodeErrors id={node.id} />
      {kids.length === 0 ? (
        <Typography.Text type="secondary" className="qifu-rule-empty">
          {t.emptyGroup}
        </Typography.Text>
      ) : (
        <ol className="qifu-rule-children">
          {kids.map((c, i) => (
            <li key={c.id}>
              <NodeEditor
                node={c}
                index={i}
                siblings={kids.length}
                underNot={childUnderNot}
                thisYear={thisYear}
              />
            </li>
          ))}
        </ol>
      )}
      {kind === 'not' && kids.length > 0 ? null : <AddMenu groupId={node.id} underNot={childUnderNot} />}
    </section>
  );
}

function LeafEditor({
  node,
  index,
  siblings,
  underNot,
  thisYear,
}: {
  node: LeafCondition;
  index: number;
  siblings: number;
  underNot: boolean;
  thisYear: number;
}) {
  const m = useT();
  const t = m.policies.rules;
  const api = useRuleEditor();
  const labelId = useId();
  const auto = api.autoLabels.has(node.id);
  return (
    <div className={`qifu-rule-leaf${api.errors.has(node.id) ? ' has-error' : ''}`}>
      <Flex gap={8} wrap align="center" justify="space-between" className="qifu-rule-head">
        <Flex gap={6} align="center" wrap>
          <Tag color={node.kind === 'manual' ? 'processing' : 'blue'}>{t.kinds[node.kind]}</Tag>
          <Typography.Text type="secondary" className="qifu-small">
            {t.nodeId(node.id)}
          </Typography.Text>
        </Flex>
        <Flex gap={2} className="qifu-rule-actions">
          <MoveButtons id={node.id} index={index} siblings={siblings} />
          <Dropdown
            trigger={['click']}
            menu={{
              items: GROUP_KINDS.filter((k) => !(k === 'not' && node.kind === 'manual')).map((k) => ({
                key: k,
                label: t.group[k],
              })),
              onClick: ({ key }) => api.wrap(node.id, key as GroupKind),
            }}
          >
            <Tooltip title={t.wrap}>
              <Button size="small" type="text" icon={<GroupOutlined />} aria-label={t.wrap} />
            </Tooltip>
          </Dropdown>
          <Tooltip title={t.remove}>
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t.remove}
              onClick={() => api.remove(node.id)}
            />
          </Tooltip>
        </Flex>
      </Flex>
      <LeafBody node={node} thisYear={thisYear} />
      {node.kind === 'manual' && underNot ? (
        <Typography.Text type="danger">{t.manualNoNot}</Typography.Text>
      ) : null}
      <div className="qifu-rule-label">
        <label htmlFor={labelId} className="qifu-field-label">
          {t.label}
        </label>
        <Flex gap={6} align="start" wrap>
          <Input.TextArea
            id={labelId}
            className="qifu-rule-label-input"
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={node.label}
            maxLength={200}
            status={node.label.trim() ? undefined : 'error'}
            onChange={(e) => api.setLabel(node.id, e.target.value)}
          />
          {node.kind === 'manual' ? null : (
            <Tooltip title={t.suggestHint}>
              <Button
                icon={<BulbOutlined />}
                onClick={() => api.suggestLabel(node.id)}
                type={auto ? 'default' : 'dashed'}
              >
                {t.suggest}
              </Button>
            </Tooltip>
          )}
        </Flex>
        {!node.label.trim() ? <Typography.Text type="danger">{t.labelRequired}</Typography.Text> : null}
      </div>
      <NodeErrors id={node.id} />
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="qifu-rule-field">
      <span className="qifu-rule-field-label">{label}</span>
      {children}
    </div>
  );
}

/** The fields of one condition kind. */
function LeafBody({ node, thisYear }: { node: LeafCondition; thisYear: number }) {
  const m = useT();
  const t = m.policies.rules;
  const api = useRuleEditor();
  const set = (next: LeafCondition) => api.change(node.id, next);
  switch (node.kind) {
    case 'compare':
      return (
        <Flex gap={8} wrap align="end" className="qifu-rule-body">
          <Field label={t.quantity}>
            <QuantityInput
              value={node.quantity}
              thisYear={thisYear}
              onChange={(quantity) => set({ ...node, quantity })}
            />
          </Field>
          <Field label={t.op}>
            <OpSelect value={node.op} onChange={(op) => set({ ...node, op })} />
          </Field>
          <Field label={t.value}>
            <UnitNumber
              label={t.value}
              unit={unitOf(node.quantity, api.catalogue.measures)}
              value={node.value}
              onChange={(v) => set({ ...node, value: v ?? 0 })}
            />
          </Field>
        </Flex>
      );
    case 'membership':
      return <MembershipBody node={node} onChange={set} />;
    case 'date':
      return <DateBody node={node} onChange={set} thisYear={thisYear} />;
    case 'qualification':
      return (
        <Flex vertical gap={8} className="qifu-rule-body">
          <Flex gap={8} wrap align="end">
            <Field label={t.qualification}>
              <Select
                aria-label={t.qualification}
                value={node.qualification}
                className="qifu-wide-select"
                showSearch={{ optionFilterProp: 'label' }}
                options={api.catalogue.qualifications.map((q) => ({ value: q.code, label: q.name }))}
                onChange={(qualification) => set({ ...node, qualification })}
              />
            </Field>
            <Field label={t.minYearsHeld}>
              <InputNumber
                aria-label={t.minYearsHeld}
                min={1}
                max={50}
                value={node.minYearsHeld ?? null}
                onChange={(v) => {
                  const { minYearsHeld: _, ...rest } = node;
                  set(typeof v === 'number' ? { ...rest, minYearsHeld: v } : rest);
                }}
              />
            </Field>
          </Flex>
          <Flex gap={12} wrap align="center">
            <Checkbox
              checked={!!node.recognizedIn}
              onChange={(e) => {
                const { recognizedIn: _, recognition: __, ...rest } = node;
                set(e.target.checked ? { ...rest, recognizedIn: REWARD_YEAR } : rest);
              }}
            >
              {t.recognizedIn}
            </Checkbox>
            {node.recognizedIn ? (
              <>
                <YearRefInput
                  label={t.recognizedIn}
                  value={node.recognizedIn}
                  thisYear={thisYear}
                  onChange={(recognizedIn) => set({ ...node, recognizedIn })}
                />
                <Radio.Group
                  aria-label={t.recognition}
                  value={node.recognition ?? 'any'}
                  onChange={(e) => {
                    const { recognition: _, ...rest } = node;
                    set(e.target.value === 'any' ? rest : { ...rest, recognition: e.target.value });
                  }}
                  options={(['any', 'first', 'renewal'] as const).map((r) => ({
                    value: r,
                    label: t.recognitions[r],
                  }))}
                />
              </>
            ) : null}
            <Checkbox
              checked={!!node.validAtEvaluation}
              onChange={(e) => {
                const { validAtEvaluation: _, ...rest } = node;
                set(e.target.checked ? { ...rest, validAtEvaluation: true } : rest);
              }}
            >
              {t.validAtEvaluation}
            </Checkbox>
          </Flex>
        </Flex>
      );
    case 'firstCrossing':
      return (
        <Flex gap={8} wrap align="end" className="qifu-rule-body">
          <Field label={t.year}>
            <YearRefInput
              label={t.year}
              value={node.year}
              thisYear={thisYear}
              onChange={(year) => set({ ...node, year })}
            />
          </Field>
          <Field label={t.metric}>
            <MetricSelect
              label={t.metric}
              value={node.metric}
              onChange={(metric) => set({ ...node, metric })}
            />
          </Field>
          <Field label={t.threshold}>
            <UnitNumber
              label={t.threshold}
              unit="yuan"
              min={0}
              value={node.threshold}
              onChange={(v) => set({ ...node, threshold: v ?? 0 })}
            />
          </Field>
          <Field label={t.lookbackYears}>
            <InputNumber
              aria-label={t.lookbackYears}
              min={1}
              max={10}
              value={node.lookbackYears}
              suffix={t.years}
              onChange={(v) => typeof v === 'number' && set({ ...node, lookbackYears: v })}
            />
          </Field>
        </Flex>
      );
    case 'flag':
      return (
        <Flex gap={8} wrap align="end" className="qifu-rule-body">
          <Field label={t.flag}>
            <Select
              aria-label={t.flag}
              value={node.flag}
              className="qifu-wide-select"
              options={api.catalogue.flags.map((f) => ({ value: f.code, label: f.name }))}
              onChange={(flag) => set({ ...node, flag })}
            />
          </Field>
          <Field label={t.flagValue}>
            <Radio.Group
              value={node.value !== false}
              onChange={(e) => set({ ...node, value: e.target.value })}
              options={[
                { value: true, label: m.policies.yes },
                { value: false, label: m.policies.no },
              ]}
            />
          </Field>
        </Flex>
      );
    case 'manual':
      return (
        <div className="qifu-rule-body">
          <Field label={t.hint}>
            <Input
              aria-label={t.hint}
              value={node.hint ?? ''}
              maxLength={200}
              onChange={(e) => {
                const { hint: _, ...rest } = node;
                set(e.target.value ? { ...rest, hint: e.target.value } : rest);
              }}
            />
          </Field>
        </div>
      );
  }
}

function MembershipBody({
  node,
  onChange,
}: {
  node: Extract<LeafCondition, { kind: 'membership' }>;
  onChange(n: LeafCondition): void;
}) {
  const m = useT();
  const t = m.policies.rules;
  const api = useRuleEditor();
  const options =
    node.field === 'sizeClass'
      ? SIZE_CLASSES.map((s) => ({ value: s as string, label: SIZE_CLASS_NAMES[s] }))
      : node.field === 'streetCode'
        ? (api.catalogue.streets ?? []).map((s) => ({ value: s.code, label: s.name }))
        : (api.industries?.sections ?? []).map((s) => ({
            label: `${s.code} ${s.name}`,
            title: s.name,
            options: [
              { value: s.code, label: `${s.code} ${s.name}` },
              ...s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
            ],
          }));
  return (
    <Flex gap={8} wrap align="end" className="qifu-rule-body">
      <Field label={t.field}>
        <Select<MembershipField>
          aria-label={t.field}
          value={node.field}
          className="qifu-metric-select"
          options={MEMBERSHIP_FIELDS.map((f) => ({ value: f, label: t.membershipFields[f] }))}
          onChange={(field) =>
            onChange({ ...node, field, values: field === 'sizeClass' ? ['medium', 'small', 'micro'] : [] })
          }
        />
      </Field>
      <Field label={t.values}>
        <Select<string[]>
          mode="multiple"
          aria-label={t.values}
          value={node.values}
          className="qifu-values-select"
          optionFilterProp="label"
          options={options}
          onChange={(values) => onChange({ ...node, values })}
        />
      </Field>
      {node.field === 'industryCode' ? (
        <Typography.Text type="secondary" className="qifu-small">
          {t.industryHint}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function DateBody({
  node,
  onChange,
  thisYear,
}: {
  node: Extract<LeafCondition, { kind: 'date' }>;
  onChange(n: LeafCondition): void;
  thisYear: number;
}) {
  const m = useT();
  const t = m.policies.rules;
  const api = useRuleEditor();
  const test = node.test;
  const setTest = (next: DateTest) => onChange({ ...node, test: next });
  const subjectValue = node.subject.of === 'established' ? '' : node.subject.event;
  return (
    <Flex gap={8} wrap align="end" className="qifu-rule-body">
      <Field label={t.subject}>
        <Select<string>
          aria-label={t.subject}
          value={subjectValue}
          className="qifu-wide-select"
          options={[
            { value: '', label: t.established },
            ...api.catalogue.events.map((e) => ({ value: e.code, label: e.name })),
          ]}
          onChange={(v) =>
            onChange({ ...node, subject: v ? { of: 'event', event: v } : { of: 'established' } })
          }
        />
      </Field>
      <Field label={t.op}>
        <Select<DateTest['op']>
          aria-label={t.op}
          value={test.op}
          className="qifu-metric-select"
          options={(['ageAtLeast', 'ageLessThan', 'onOrBefore', 'onOrAfter', 'inYear'] as const).map(
            (op) => ({
              value: op,
              label: t.dateOps[op],
            }),
          )}
          onChange={(op) => {
            if (op === 'ageAtLeast' || op === 'ageLessThan') setTest({ op, years: 1 });
            else if (op === 'inYear') setTest({ op, year: REWARD_YEAR });
            else setTest({ op, date: `${thisYear}-01-01` });
          }}
        />
      </Field>
      {test.op === 'ageAtLeast' || test.op === 'ageLessThan' ? (
        <Flex gap={6} wrap>
          {(['years', 'months', 'days'] as const).map((part) => (
            <InputNumber
              key={part}
              aria-label={t[part]}
              min={0}
              max={200}
              value={test[part] ?? null}
              suffix={t[part]}
              className="qifu-duration-input"
              onChange={(v) => {
                const next = { ...test };
                if (typeof v === 'number' && v > 0) next[part] = v;
                else delete next[part];
                setTest(next);
              }}
            />
          ))}
        </Flex>
      ) : null}
      {test.op === 'onOrBefore' || test.op === 'onOrAfter' ? (
        <DatePicker
          aria-label={t.date}
          value={dayjs(test.date)}
          allowClear={false}
          onChange={(d) => d && setTest({ op: test.op, date: d.format('YYYY-MM-DD') })}
        />
      ) : null}
      {test.op === 'inYear' ? (
        <YearRefInput
          label={t.year}
          value={test.year}
          thisYear={thisYear}
          onChange={(year) => setTest({ op: 'inYear', year })}
        />
      ) : null}
    </Flex>
  );
}
