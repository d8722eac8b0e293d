import { EditOutlined, RiseOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Slider,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Department } from '../../../../shared/accounts';
import { api } from '../../../app/api';
import { LoadError } from '../../../app/components';
import { FormModal } from '../../../app/FormModal';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { MeasureCard } from '../components/MeasureCard';
import { MeasureStatusTag } from '../components/tags';
import { filterGroups, measureCount, planDepartments } from '../format';
import { contentApi } from '../paths';
import {
  type ActionPlanEditorView,
  type ActionPlanSummary,
  MEASURE_STATUSES,
  type MeasureEditorView,
  type MeasureStatus,
} from '../types';
import { ConflictAlert, isConflict } from './EditorParts';

type Dialog = { kind: 'progress' | 'edit'; measureId: string } | null;

/** 行动方案: every measure by group, with 更新进展 (status, progress, a required note) and 编辑. */
export function PlanTab() {
  const m = useT();
  const t = m.content.planStaff;
  const p = m.content.plan;
  const plans = useApi<{ items: ActionPlanSummary[] }>(contentApi.manageActionPlans);
  const [chosen, setChosen] = useState<string | null>(null);
  const planId = chosen ?? plans.data?.items[0]?.id ?? null;
  const plan = useApi<ActionPlanEditorView>(planId ? contentApi.manageActionPlan(planId) : null);
  const [status, setStatus] = useState<MeasureStatus | undefined>();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [conflict, setConflict] = useState(false);

  if (plans.error) return <LoadError error={plans.error} onRetry={plans.reload} />;
  if (plans.data && plans.data.items.length === 0) return <Empty description={t.none} />;
  if (plan.error) return <LoadError error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const data = plan.data;
  const groups = filterGroups(data.groups, { status, departmentId });
  const all = data.groups.flatMap((g) => g.measures);
  const current = dialog ? all.find((ms) => ms.id === dialog.measureId) : undefined;

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" className="qifu-cnt-last">
        {t.intro}
      </Typography.Paragraph>
      {conflict ? <ConflictAlert onClose={() => setConflict(false)} /> : null}
      <Flex gap={12} wrap align="center">
        {plans.data && plans.data.items.length > 1 ? (
          <Select<string>
            className="qifu-wide-select"
            aria-label={p.choose}
            value={planId ?? undefined}
            onChange={setChosen}
            options={plans.data.items.map((x) => ({ value: x.id, label: x.title }))}
          />
        ) : (
          <Typography.Text strong>{data.title}</Typography.Text>
        )}
        <Flex gap={4} wrap>
          {MEASURE_STATUSES.map((s) => (
            <Tag key={s} bordered={false}>
              {m.content.measureStatuses[s]} {data.counts[s]}
            </Tag>
          ))}
        </Flex>
      </Flex>
      <Flex gap={12} wrap align="center">
        <Select<MeasureStatus>
          allowClear
          className="qifu-filter-select"
          placeholder={p.allStatuses}
          aria-label={p.filterStatus}
          value={status}
          onChange={setStatus}
          options={MEASURE_STATUSES.map((s) => ({ value: s, label: m.content.measureStatuses[s] }))}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="qifu-wide-select"
          placeholder={p.allDepartments}
          aria-label={p.filterDepartment}
          value={departmentId}
          onChange={setDepartmentId}
          options={planDepartments(data).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Typography.Text type="secondary" aria-live="polite">
          {p.shown(measureCount(groups), all.length)}
        </Typography.Text>
      </Flex>
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p.emptyFilter} />
      ) : null}
      {groups.map((g) => (
        <section key={g.id} className="qifu-cnt-group" aria-labelledby={`staff-group-${g.id}`}>
          <Flex gap={8} align="center" wrap className="qifu-cnt-group-head">
            <h2 id={`staff-group-${g.id}`} className="qifu-cnt-group-title">
              {g.title}
            </h2>
            <Tag>{p.groupCount(g.measures.length)}</Tag>
          </Flex>
          <Flex vertical gap={12}>
            {g.measures.map((ms) => (
              <MeasureCard
                key={ms.id}
                measure={ms}
                actions={
                  <>
                    <Button
                      type="primary"
                      icon={<RiseOutlined />}
                      onClick={() => setDialog({ kind: 'progress', measureId: ms.id })}
                      aria-label={`${t.update}：${ms.seq}. ${ms.title}`}
                    >
                      {t.update}
                    </Button>
                    <Button
                      icon={<EditOutlined />}
                      onClick={() => setDialog({ kind: 'edit', measureId: ms.id })}
                      aria-label={`${t.edit}：${ms.seq}. ${ms.title}`}
                    >
                      {t.edit}
                    </Button>
                  </>
                }
              />
            ))}
          </Flex>
        </section>
      ))}
      {dialog?.kind === 'progress' && current ? (
        <ProgressDialog
          measure={current}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            plan.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' && current ? (
        <MeasureDialog
          measure={current}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setConflict(false);
            plan.reload();
          }}
          onConflict={() => {
            setDialog(null);
            setConflict(true);
            plan.reload();
          }}
        />
      ) : null}
    </Flex>
  );
}

interface ProgressValues {
  status: MeasureStatus;
  progress: number;
  note: string;
}

/** 更新进展: the status the editor sets, the progress, and a note (required) that the public will read. */
function ProgressDialog({
  measure,
  onClose,
  onSaved,
}: {
  measure: MeasureEditorView;
  onClose(): void;
  onSaved(): void;
}) {
  const m = useT();
  const t = m.content.planStaff;
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressValues>();
  const chosen = Form.useWatch('status', form) ?? measure.storedStatus;
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: ProgressValues) => {
    await api.post(contentApi.measureProgress(measure.id), {
      status: v.status,
      progress: v.progress,
      note: v.note.trim(),
    });
    message.success(t.progressSaved);
    onSaved();
  });
  return (
    <FormModal
      title={t.updateTitle(measure.seq, measure.title)}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={onClose}
      width={600}
    >
      <Form<ProgressValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ status: measure.storedStatus, progress: measure.progress, note: '' }}
      >
        <Form.Item
          name="status"
          label={t.storedStatus}
          rules={[{ required: true }]}
          extra={chosen === 'done' ? t.doneIsFull : undefined}
        >
          <Select<MeasureStatus>
            options={MEASURE_STATUSES.map((s) => ({ value: s, label: m.content.measureStatuses[s] }))}
            // The server records a finished measure at 100 %: the form says so at once.
            onChange={(s) => {
              if (s === 'done') form.setFieldValue('progress', 100);
            }}
          />
        </Form.Item>
        {measure.status === 'delayed' ? (
          <Typography.Paragraph type="danger" className="qifu-small">
            <MeasureStatusTag status="delayed" /> {t.delayedNote}
          </Typography.Paragraph>
        ) : null}
        <Form.Item label={t.progress} required>
          <Flex gap={12} align="center">
            <Form.Item name="progress" noStyle rules={[{ required: true }]}>
              <Slider
                min={0}
                max={100}
                step={5}
                className="qifu-grow"
                aria-label={t.progress}
                disabled={chosen === 'done'}
              />
            </Form.Item>
            <Form.Item name="progress" noStyle>
              <InputNumber
                min={0}
                max={100}
                precision={0}
                suffix="%"
                aria-label={t.progress}
                disabled={chosen === 'done'}
              />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item
          name="note"
          label={t.note}
          rules={[
            { required: true, whitespace: true, message: t.noteRequired },
            { min: 2, message: t.noteRequired },
          ]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t.notePlaceholder} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface MeasureValues {
  title: string;
  content?: string;
  departmentId: string;
  deadline: Dayjs;
}

/** 编辑 a measure's wording, department and deadline (the version guards against a colleague's edit in between). */
function MeasureDialog({
  measure,
  onClose,
  onSaved,
  onConflict,
}: {
  measure: MeasureEditorView;
  onClose(): void;
  onSaved(): void;
  onConflict(): void;
}) {
  const m = useT();
  const t = m.content.planStaff;
  const { message } = App.useApp();
  const [form] = Form.useForm<MeasureValues>();
  const departments = useApi<{ items: Department[] }>(contentApi.departments);
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: MeasureValues) => {
    try {
      await api.patch(contentApi.measure(measure.id), {
        title: v.title.trim(),
        content: (v.content ?? '').trim(),
        departmentId: v.departmentId,
        deadline: v.deadline.format('YYYY-MM-DD'),
        version: measure.version,
      });
      message.success(t.saved);
      onSaved();
    } catch (e) {
      if (isConflict(e)) onConflict();
      else throw e;
    }
  });
  const options = new Map<string, string>([[measure.departmentId, measure.departmentName]]);
  for (const d of departments.data?.items ?? []) options.set(d.id, d.name);
  return (
    <FormModal
      title={t.editTitle(measure.seq)}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={onClose}
      width={640}
    >
      <Form<MeasureValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          title: measure.title,
          content: measure.content,
          departmentId: measure.departmentId,
          deadline: dayjs(measure.deadline),
        }}
      >
        <Form.Item
          name="title"
          label={t.title}
          rules={[{ required: true, whitespace: true, message: m.content.editor.required(t.title) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label={t.content}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="departmentId" label={t.department} rules={[{ required: true }]}>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.loading}
            options={[...options].map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="deadline" label={t.deadline} rules={[{ required: true }]}>
          <DatePicker className="qifu-cnt-picker" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
