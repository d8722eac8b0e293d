import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Department } from '../../../../shared/accounts';
import type { IndustryTree } from '../../../../shared/enterprises';
import { formatShanghai } from '../../../../shared/format';
import type {
  DocumentSummary,
  Program,
  ProgramInput,
  ProgramMode,
  PushSummary,
  RuleVersion,
} from '../../../../shared/policies';
import type { AmountEstimate, RuleSet } from '../../../../shared/policy-rules';
import { api, isApiError, type Page } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { todayInShanghai } from '../../../app/dates';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { BudgetBar } from '../components/BudgetBar';
import { ModeTag, ProgramStatusTag, WindowTag } from '../components/tags';
import { type FactCatalogueData, useCatalogue } from '../components/useFactNames';
import { formatAmountEstimate, wanFromYuan, yuanFromWan } from '../money';
import { policyApi, policyPages } from '../paths';
import { AmountEditor } from './rules/AmountEditor';
import { RuleEditorContext } from './rules/context';
import { emptyRuleSet } from './rules/defaults';
import { NodeEditor } from './rules/RuleEditor';
import { RulesPreview } from './rules/RulesPreview';
import { childrenOf, isLeaf, locateRuleError, type RuleErrorTarget } from './rules/rule-tree';
import { useRuleEditorState } from './rules/useRuleEditorState';
import { StaleAlert } from './StaleAlert';

const MODES: ProgramMode[] = ['no_application', 'quick_application', 'standard_application'];

interface ProgramValues {
  documentId: string;
  title: string;
  summary?: string;
  beneficiaries: string;
  mode: ProgramMode;
  departmentId: string;
  budgetWan?: number | null;
  windowStart?: Dayjs | null;
  windowEnd?: Dayjs | null;
  materials?: { name: string; required: boolean; note?: string }[];
  changeNote?: string;
}

function toValues(p: Program): ProgramValues {
  return {
    documentId: p.document.id,
    title: p.title,
    summary: p.summary ?? '',
    beneficiaries: p.beneficiaries,
    mode: p.mode,
    departmentId: p.department?.id ?? '',
    budgetWan: p.budget.total === null ? null : wanFromYuan(p.budget.total),
    windowStart: p.windowStart ? dayjs(p.windowStart) : null,
    windowEnd: p.windowEnd ? dayjs(p.windowEnd) : null,
    materials: p.materials.map((x) => ({ name: x.name, required: x.required, note: x.note ?? '' })),
    changeNote: '',
  };
}

/** /workbench/policies/programs/:id (or new) — a benefit program: its facts, its rules and amount, live preview. */
export function ProgramEditorPage() {
  const m = useT();
  const id = useParams().id ?? 'new';
  const isNew = id === 'new';
  const program = useApi<Program>(isNew ? null : policyApi.program(id));
  const catalogue = useCatalogue();
  const industries = useApi<IndustryTree>('/reference/industries');
  if (!isNew && program.error) {
    if (isApiError(program.error) && program.error.status === 404)
      return (
        <NotFound back={{ to: `${policyPages.staffPolicies}?tab=programs`, label: m.policies.staff.back }} />
      );
    return <LoadError error={program.error} onRetry={program.reload} />;
  }
  if ((!isNew && !program.data) || !catalogue) return <Skeleton active paragraph={{ rows: 16 }} />;
  return (
    <ProgramEditor
      key={program.data ? `${program.data.id}-${program.data.revision}` : 'new'}
      initial={program.data ?? null}
      reload={program.reload}
      catalogue={catalogue}
      industries={industries.data}
    />
  );
}

function ProgramEditor({
  initial,
  reload,
  catalogue,
  industries,
}: {
  initial: Program | null;
  reload(): void;
  catalogue: FactCatalogueData;
  industries: IndustryTree | undefined;
}) {
  const m = useT();
  const t = m.policies.programEditor;
  const s = m.policies.staff;
  const r = m.policies.rules;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgramValues>();
  const [program, setProgram] = useState<Program | null>(initial);
  const [rules, setRules] = useState<RuleSet>(
    () => (initial?.rules as RuleSet | undefined) ?? emptyRuleSet(),
  );
  const [ruleErrors, setRuleErrors] = useState<RuleErrorTarget[]>([]);
  const [push, setPush] = useState<PushSummary | null>(null);
  const [stale, setStale] = useState(false);
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const docs = useApi<Page<DocumentSummary>>(policyApi.documents, { pageSize: 100 });
  const departments = useApi<{ items: Department[] }>('/departments');

  useEffect(() => {
    if (initial) form.setFieldsValue(toValues(initial));
  }, [initial, form]);

  const placeRuleErrors = (fields: { field: string; message: string }[]) =>
    setRuleErrors(
      fields
        .filter((f) => f.field.startsWith('rules'))
        .map((f) => locateRuleError(rules, f.field, f.message)),
    );

  const editor = useRuleEditorState({ rules, setRules, catalogue, industries, errors: ruleErrors });
  const amountErrors = ruleErrors.filter((e) => e.section === 'amount').map((e) => e.message);
  const setErrors = ruleErrors.filter((e) => e.section === 'rules').map((e) => e.message);
  const unplacedConditionErrors = ruleErrors
    .filter((e) => e.section === 'conditions' && !e.nodeId)
    .map((e) => e.message);

  const body = (v: ProgramValues): ProgramInput => ({
    documentId: v.documentId,
    title: v.title.trim(),
    summary: v.summary?.trim() || null,
    beneficiaries: v.beneficiaries.trim(),
    mode: v.mode,
    departmentId: v.departmentId,
    budget: typeof v.budgetWan === 'number' ? yuanFromWan(v.budgetWan) : null,
    windowStart: v.windowStart ? v.windowStart.format('YYYY-MM-DD') : null,
    windowEnd: v.windowEnd ? v.windowEnd.format('YYYY-MM-DD') : null,
    materials: (v.materials ?? [])
      .filter((x) => x.name?.trim())
      .map((x) => ({ name: x.name.trim(), required: x.required !== false, note: x.note?.trim() || null })),
    rules,
  });

  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: ProgramValues) => {
    setStale(false);
    setRuleErrors([]);
    try {
      if (!program) {
        const created = await api.post<Program>(policyApi.programs, body(v));
        message.success(s.created);
        navigate(policyPages.staffProgram(created.id), { replace: true });
        return;
      }
      const res = await api.put<{ program: Program; push: PushSummary | null }>(
        policyApi.program(program.id),
        {
          ...body(v),
          revision: program.revision,
          changeNote: v.changeNote?.trim() || null,
        },
      );
      setProgram(res.program);
      setPush(res.push);
      form.setFieldsValue({ changeNote: '' });
      message.success(s.saved);
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_VERSION') {
        setStale(true);
        return;
      }
      // Rule errors go on their nodes (the alert above the tree says so), not into the form's failure line.
      if (isApiError(e) && e.code === 'INVALID_RULES') {
        placeRuleErrors(e.fields);
        message.error(r.errorsTitle);
        return;
      }
      throw e;
    }
  });

  const publish = async () => {
    if (!program) return;
    try {
      const res = await api.post<{ program: Program; push: PushSummary | null }>(
        policyApi.programPublish(program.id),
        {
          revision: program.revision,
        },
      );
      setProgram(res.program);
      setPush(res.push);
      message.success(s.published);
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
      else {
        if (isApiError(e)) placeRuleErrors(e.fields);
        message.error(isApiError(e) ? e.message : m.errors.unknown);
      }
    }
  };

  const withdraw = async () => {
    if (!program) return;
    try {
      setProgram(
        await api.post<Program>(policyApi.programWithdraw(program.id), { revision: program.revision }),
      );
      message.success(t.withdrawn);
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
      else message.error(isApiError(e) ? e.message : m.errors.unknown);
    }
  };

  const documentOptions = useMemo(() => {
    const opts = new Map<string, string>();
    if (initial) opts.set(initial.document.id, initial.document.title);
    for (const d of docs.data?.items ?? [])
      opts.set(d.id, `${d.title}${d.docNumber ? m.common.paren(d.docNumber) : ''}`);
    return [...opts].map(([value, label]) => ({ value, label }));
  }, [docs.data, initial, m]);

  return (
    <div>
      <PageHeader
        title={program ? t.editTitle(program.title) : t.newTitle}
        intro={
          program ? (
            <Flex gap={6} wrap component="span" align="center">
              <ProgramStatusTag status={program.status} />
              <ModeTag mode={program.mode} />
              <WindowTag state={program.windowState} />
              <span>{m.policies.rulesVersion(program.rulesVersion)}</span>
            </Flex>
          ) : undefined
        }
        extra={
          <Flex gap={8} wrap>
            <LinkButton to={`${policyPages.staffPolicies}?tab=programs`}>{s.back}</LinkButton>
            {program && program.status !== 'draft' ? (
              <LinkButton to={policyPages.program(program.id)}>{m.policies.viewPublic}</LinkButton>
            ) : null}
          </Flex>
        }
      />
      {stale ? <StaleAlert onReload={reload} /> : null}
      {push ? (
        <Alert
          type="success"
          showIcon
          closable
          className="qifu-block"
          title={t.pushResult(push.eligible, push.notifiedEnterprises, push.candidates)}
          onClose={() => setPush(null)}
        />
      ) : null}
      <Form<ProgramValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={submitting}
        initialValues={{ mode: 'standard_application', materials: [] }}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          <FormFailure failure={failure} />
          <Card title={t.basics}>
            {program?.status === 'published' ? (
              <Typography.Paragraph type="warning">{t.publishedEditNote}</Typography.Paragraph>
            ) : null}
            <Row gutter={16}>
              <Col xs={24} lg={12}>
                <Form.Item
                  name="title"
                  label={t.title}
                  rules={[{ required: true, whitespace: true, message: s.required(t.title) }]}
                >
                  <Input maxLength={120} />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Form.Item
                  name="documentId"
                  label={t.document}
                  rules={[{ required: true, message: s.requiredSelect(t.document) }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={docs.loading}
                    options={documentOptions}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="summary" label={t.summary}>
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
            <Form.Item
              name="beneficiaries"
              label={t.beneficiaries}
              extra={t.beneficiariesHint}
              rules={[{ required: true, whitespace: true, message: s.required(t.beneficiaries) }]}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="mode" label={t.mode}>
              <Radio.Group>
                <Flex vertical gap={4}>
                  {MODES.map((mo) => (
                    <Radio value={mo} key={mo}>
                      <strong>{m.policies.modes[mo]}</strong>
                      <Typography.Text type="secondary" className="qifu-small">
                        {' '}
                        {m.policies.modeHints[mo]}
                      </Typography.Text>
                    </Radio>
                  ))}
                </Flex>
              </Radio.Group>
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12} xl={6}>
                <Form.Item
                  name="departmentId"
                  label={t.department}
                  rules={[{ required: true, message: s.requiredSelect(t.department) }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={departments.loading}
                    options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12} xl={6}>
                <Form.Item name="budgetWan" label={t.budget}>
                  <InputNumber min={0} max={1e7} suffix={m.policies.wan} className="qifu-number-input" />
                </Form.Item>
              </Col>
              <Col xs={12} xl={6}>
                <Form.Item name="windowStart" label={t.windowStart} extra={t.windowHint}>
                  <DatePicker />
                </Form.Item>
              </Col>
              <Col xs={12} xl={6}>
                <Form.Item name="windowEnd" label={t.windowEnd}>
                  <DatePicker />
                </Form.Item>
              </Col>
            </Row>
            {program ? (
              <Form.Item label={m.policies.program.budget}>
                <BudgetBar budget={program.budget} />
              </Form.Item>
            ) : null}
            <Form.Item label={t.materials}>
              <Form.List name="materials">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={8}>
                    {fields.map((field) => (
                      <Flex gap={8} wrap align="start" key={field.key} className="qifu-material-row">
                        <Form.Item
                          name={[field.name, 'name']}
                          rules={[{ required: true, whitespace: true, message: s.required(t.materialName) }]}
                          className="qifu-field-medium"
                        >
                          <Input placeholder={t.materialName} aria-label={t.materialName} maxLength={60} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'required']} valuePropName="checked">
                          <Checkbox>{t.materialRequired}</Checkbox>
                        </Form.Item>
                        <Form.Item name={[field.name, 'note']} className="qifu-grow">
                          <Input placeholder={t.materialNote} aria-label={t.materialNote} maxLength={200} />
                        </Form.Item>
                        <Button
                          type="text"
                          danger
                          icon={<MinusCircleOutlined />}
                          aria-label={r.remove}
                          onClick={() => remove(field.name)}
                        />
                      </Flex>
                    ))}
                    <Button
                      icon={<PlusOutlined />}
                      className="qifu-add-button"
                      onClick={() => add({ name: '', required: true, note: '' })}
                    >
                      {t.addMaterial}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Form.Item>
          </Card>

          <RuleEditorContext.Provider value={editor}>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={16}>
                <Flex vertical gap={16}>
                  <Card title={r.title}>
                    <Typography.Paragraph type="secondary">{r.intro}</Typography.Paragraph>
                    {setErrors.length + unplacedConditionErrors.length > 0 ? (
                      <Alert
                        type="error"
                        showIcon
                        role="alert"
                        className="qifu-block"
                        title={r.errorsTitle}
                        description={[...setErrors, ...unplacedConditionErrors].join('；')}
                      />
                    ) : null}
                    {ruleErrors.some((e) => e.nodeId) ? (
                      <Alert
                        type="error"
                        showIcon
                        className="qifu-block"
                        title={r.errorsTitle}
                        description={r.errorsBeside}
                      />
                    ) : null}
                    <Flex gap={8} align="center" wrap className="qifu-block">
                      <label htmlFor="reward-year" className="qifu-field-label">
                        {r.rewardYear}
                      </label>
                      <InputNumber
                        id="reward-year"
                        min={1990}
                        max={2100}
                        value={rules.rewardYear ?? null}
                        placeholder={String(thisYear - 1)}
                        onChange={(v) => {
                          const { rewardYear: _, ...rest } = rules;
                          setRules(typeof v === 'number' ? { ...rest, rewardYear: v } : rest);
                        }}
                      />
                      <Typography.Text type="secondary" className="qifu-small">
                        {r.rewardYearHint}
                      </Typography.Text>
                    </Flex>
                    <NodeEditor node={rules.conditions} isRoot thisYear={thisYear} />
                  </Card>
                  <Card title={r.amountTitle}>
                    <AmountEditor
                      value={rules.amount}
                      errors={amountErrors}
                      thisYear={thisYear}
                      onChange={(amount) => {
                        const { amount: _, ...rest } = rules;
                        setRules(amount ? { ...rest, amount } : rest);
                      }}
                    />
                  </Card>
                </Flex>
              </Col>
              <Col xs={24} xl={8}>
                <div className="qifu-sticky">
                  <RulesPreview rules={rules} onErrors={placeRuleErrors} />
                </div>
              </Col>
            </Row>
          </RuleEditorContext.Provider>

          <Card>
            {program ? (
              <Form.Item name="changeNote" label={t.changeNote}>
                <Input maxLength={200} />
              </Form.Item>
            ) : null}
            <Flex gap={8} wrap>
              <Button type="primary" htmlType="submit" loading={submitting}>
                {m.common.save}
              </Button>
              {program?.status === 'draft' ? (
                <Popconfirm
                  title={s.publishConfirm}
                  okText={s.publish}
                  cancelText={m.common.cancel}
                  onConfirm={publish}
                >
                  <Button>{s.publish}</Button>
                </Popconfirm>
              ) : null}
              {program?.status === 'published' ? (
                <Popconfirm
                  title={t.withdrawConfirm}
                  okText={t.withdraw}
                  cancelText={m.common.cancel}
                  okButtonProps={{ danger: true }}
                  onConfirm={withdraw}
                >
                  <Button danger>{t.withdraw}</Button>
                </Popconfirm>
              ) : null}
            </Flex>
          </Card>
        </Flex>
      </Form>
      {program ? <History program={program} /> : null}
    </div>
  );
}

interface PushRecord {
  id: string;
  enterprise: { id: string; name: string };
  rulesVersion: number;
  facts: Record<string, unknown>;
  amount: AmountEstimate | null;
  notified: boolean;
  createdAt: string;
}

/** 版本与推送: the rule versions, and which enterprises 政策找企业 found under which version. */
function History({ program }: { program: Program }) {
  const m = useT();
  const t = m.policies.programEditor;
  const versions = useApi<{ items: RuleVersion[] }>(policyApi.programRuleVersions(program.id), {
    v: program.rulesVersion,
  });
  const [page, setPage] = useState(1);
  const pushes = useApi<Page<PushRecord>>(policyApi.programPushRecords(program.id), {
    page,
    pageSize: 10,
    v: program.rulesVersion,
  });
  return (
    <Row gutter={[16, 16]} className="qifu-top-gap">
      <Col xs={24} xl={10}>
        <Card title={t.ruleVersions}>
          {versions.error ? <LoadError error={versions.error} onRetry={versions.reload} /> : null}
          <Collapse
            items={(versions.data?.items ?? []).map((v) => ({
              key: String(v.version),
              label: (
                <Flex gap={6} wrap align="center">
                  <strong>{m.policies.version(v.version)}</strong>
                  {v.version === program.rulesVersion ? (
                    <Tag color="green">{m.policies.document.current}</Tag>
                  ) : null}
                  <Typography.Text type="secondary" className="qifu-small">
                    {formatShanghai(v.publishedAt ?? v.createdAt)}
                    {v.createdByName ? ` · ${v.createdByName}` : ''}
                  </Typography.Text>
                </Flex>
              ),
              children: (
                <>
                  {v.changeNote ? <Typography.Paragraph>{v.changeNote}</Typography.Paragraph> : null}
                  <ol className="qifu-condition-list">
                    {leafLabels(v.rules).map((l) => (
                      <li key={l}>{l}</li>
                    ))}
                  </ol>
                </>
              ),
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t.pushRecords}>
          {pushes.error ? <LoadError error={pushes.error} onRetry={pushes.reload} /> : null}
          <Table<PushRecord>
            size="small"
            rowKey="id"
            loading={pushes.loading}
            dataSource={pushes.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t.noPush }}
            pagination={{
              current: page,
              pageSize: 10,
              total: pushes.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              {
                title: t.pushEnterprise,
                key: 'enterprise',
                render: (_, p) => (
                  <LinkButton
                    type="link"
                    className="qifu-link-button"
                    to={`/workbench/enterprises/${encodeURIComponent(p.enterprise.id)}`}
                  >
                    {p.enterprise.name}
                  </LinkButton>
                ),
              },
              {
                title: t.pushVersion,
                dataIndex: 'rulesVersion',
                render: (v: number) => m.policies.version(v),
              },
              {
                title: t.pushAmount,
                dataIndex: 'amount',
                render: (a: AmountEstimate | null) => (a ? formatAmountEstimate(a) : '—'),
              },
              {
                title: t.pushNotified,
                dataIndex: 'notified',
                render: (v: boolean) => (v ? m.policies.yes : m.policies.no),
              },
              { title: t.pushAt, dataIndex: 'createdAt', render: (v: string) => formatShanghai(v) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

function leafLabels(rules: RuleSet): string[] {
  const out: string[] = [];
  const walk = (n: RuleSet['conditions']) => {
    if (isLeaf(n)) out.push(n.label);
    else for (const c of childrenOf(n)) walk(c);
  };
  walk(rules.conditions);
  return out;
}
