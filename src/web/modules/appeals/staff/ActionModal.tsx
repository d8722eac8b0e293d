import { App, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import type { AppealAction } from '../../../../shared/appeals';
import { api, isApiError, type Page } from '../../../app/api';
import { useDescribeError } from '../../../app/errors';
import { FormModal } from '../../../app/FormModal';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { AppealUploadsField, attachmentsFieldPath } from '../components/AppealFiles';
import { departmentOptions, topicOptions, useDepartments, useTopics } from './data';
import { actionBody, DANGER_ACTIONS, withAttachmentIds } from './helpers';
import { appealApi } from './paths';
import type { AppealDetail, AppealSummary } from './types';

/** Values a dispatch form may start with (from the appeal, or from a routing suggestion). */
export interface DispatchPrefill {
  leadDepartmentId?: string | undefined;
  topic?: string | undefined;
}

type Values = Record<string, unknown>;

/**
 * The dialog of one workflow action: its fields (from the action's input schema in src/shared/appeals.ts), the
 * version read with the page as `expectedVersion`. A 409 (someone acted in between) closes the dialog and lets the
 * page reload; a 403 or a field error stays in the dialog.
 */
export function ActionModal({
  action,
  appeal,
  prefill,
  onClose,
  onDone,
  onConflict,
}: {
  action: AppealAction;
  appeal: AppealDetail;
  prefill?: DispatchPrefill | undefined;
  onClose(): void;
  onDone(next: AppealDetail): void;
  onConflict(message: string): void;
}) {
  const m = useT();
  const t = m.appealsStaff.form;
  const label = m.appealsStaff.actions[action] ?? action;
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [form] = Form.useForm<Values>();
  const { onFinish, submitting, failure } = useFormSubmit(
    form,
    async (values: Values) => {
      try {
        const next = await api.post<AppealDetail>(
          appealApi.action(appeal.id, action),
          actionBody(withAttachmentIds(values), appeal.version),
        );
        message.success(t.done(label));
        onDone(next);
      } catch (e) {
        if (isApiError(e) && e.status === 409) onConflict(describe(e));
        else throw e;
      }
    },
    attachmentsFieldPath,
  );
  const lead = appeal.departments.find((d) => d.role === 'lead');
  const initialValues: Values =
    action === 'dispatch' || action === 'redispatch'
      ? {
          leadDepartmentId: prefill?.leadDepartmentId ?? lead?.id ?? appeal.leadDepartment?.id ?? undefined,
          assistingDepartmentIds: appeal.departments.filter((d) => d.role === 'assisting').map((d) => d.id),
          topic: prefill?.topic ?? appeal.topicCode ?? undefined,
        }
      : action === 'reply'
        ? { solved: true, public: appeal.isPublic }
        : {};
  return (
    <FormModal
      title={label}
      form={form}
      saving={submitting}
      failure={failure}
      okText={label}
      danger={DANGER_ACTIONS.includes(action)}
      width={action === 'dispatch' || action === 'redispatch' || action === 'reply' ? 640 : undefined}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        <ActionFields action={action} appeal={appeal} form={form} />
      </Form>
    </FormModal>
  );
}

function reasonField(name: string, label: string, required: string, rows = 4, hint?: string) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={hint}
      rules={[{ required: true, whitespace: true, message: required }]}
    >
      <Input.TextArea rows={rows} maxLength={2000} showCount autoFocus />
    </Form.Item>
  );
}

function noteField(label: string) {
  return (
    <Form.Item name="note" label={label}>
      <Input.TextArea rows={3} maxLength={2000} showCount />
    </Form.Item>
  );
}

function ActionFields({
  action,
  appeal,
  form,
}: {
  action: AppealAction;
  appeal: AppealDetail;
  form: ReturnType<typeof Form.useForm<Values>>[0];
}) {
  const m = useT();
  const t = m.appealsStaff.form;
  switch (action) {
    case 'accept':
      return <Typography.Paragraph>{t.confirmAccept}</Typography.Paragraph>;
    case 'sign':
      return <Typography.Paragraph>{t.confirmSign}</Typography.Paragraph>;
    case 'reject':
      return reasonField('reason', t.rejectReason, t.reasonRequired);
    case 'ask_info':
      return reasonField('reason', t.askInfoReason, t.reasonRequired);
    case 'supply_info':
      return (
        <>
          <Form.Item
            name="content"
            label={t.supplyContent}
            rules={[{ required: true, whitespace: true, message: t.reasonRequired }]}
          >
            <Input.TextArea rows={6} maxLength={5000} showCount autoFocus />
          </Form.Item>
          <Form.Item name="attachments" label={t.supplyAttachments}>
            <AppealUploadsField />
          </Form.Item>
        </>
      );
    case 'dispatch':
    case 'redispatch':
      return <DispatchFields form={form} />;
    case 'reply':
      return <ReplyFields form={form} />;
    case 'return':
      return reasonField('basis', t.returnBasis, t.reasonRequired, 4, t.returnBasisHint);
    case 'insist':
      return reasonField('reason', t.insistReason, t.reasonRequired);
    case 'request_extension':
      return (
        <>
          <Form.Item
            name="days"
            label={t.extensionDays}
            rules={[{ required: true, type: 'integer', min: 1, max: 30, message: t.extensionDaysRequired }]}
          >
            <InputNumber min={1} max={30} precision={0} suffix={t.daysSuffix} className="qifu-as-number" />
          </Form.Item>
          {reasonField('reason', t.extensionReason, t.reasonRequired)}
        </>
      );
    case 'urge':
    case 'supervise':
      return reasonField('note', t.supervisionNote, t.reasonRequired, 3);
    case 'merge_into':
      return (
        <>
          <Form.Item
            name="targetAppealId"
            label={t.mergeTarget}
            rules={[{ required: true, message: t.mergeRequired }]}
          >
            <MergeTargetSelect excludeId={appeal.id} />
          </Form.Item>
          {noteField(t.note)}
        </>
      );
    case 'reopen':
      return reasonField('reason', t.reopenReason, t.reasonRequired);
    default:
      // approve_extension, deny_extension, close: an optional note.
      return noteField(t.note);
  }
}

function DispatchFields({ form }: { form: ReturnType<typeof Form.useForm<Values>>[0] }) {
  const m = useT();
  const t = m.appealsStaff.form;
  const deps = useDepartments();
  const topics = useTopics();
  const lead = Form.useWatch('leadDepartmentId', form) as string | undefined;
  const options = departmentOptions(deps.data?.items ?? []);
  return (
    <>
      <Form.Item name="topic" label={t.topic}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={topics.loading}
          options={topicOptions(topics.data?.items ?? [])}
          onChange={(code) => {
            // Choosing a topic proposes its default lead department.
            const topic = topics.data?.items.find((x) => x.code === code);
            if (topic) form.setFieldValue('leadDepartmentId', topic.leadDepartment.id);
          }}
        />
      </Form.Item>
      <Form.Item
        name="leadDepartmentId"
        label={t.leadDepartment}
        rules={[{ required: true, message: t.leadRequired }]}
      >
        <Select<string> showSearch={{ optionFilterProp: 'label' }} loading={deps.loading} options={options} />
      </Form.Item>
      <Form.Item
        name="assistingDepartmentIds"
        label={t.assisting}
        extra={t.assistingHint}
        rules={[
          {
            validator: async (_, v: string[] | undefined) => {
              if (lead && v?.includes(lead)) throw new Error(t.leadNotAssisting);
            },
          },
        ]}
        dependencies={['leadDepartmentId']}
      >
        <Select<string[]>
          mode="multiple"
          allowClear
          maxCount={10}
          showSearch={{ optionFilterProp: 'label' }}
          loading={deps.loading}
          options={options.filter((o) => o.value !== lead)}
        />
      </Form.Item>
      {noteField(t.note)}
    </>
  );
}

function ReplyFields({ form }: { form: ReturnType<typeof Form.useForm<Values>>[0] }) {
  const m = useT();
  const t = m.appealsStaff.form;
  const solved = Form.useWatch('solved', form) as boolean | undefined;
  return (
    <>
      <Form.Item
        name="content"
        label={t.replyContent}
        rules={[{ required: true, whitespace: true, message: t.replyRequired }]}
      >
        <Input.TextArea rows={8} maxLength={5000} showCount autoFocus />
      </Form.Item>
      <Form.Item name="solved" label={t.solved} rules={[{ required: true, message: t.solved }]}>
        <Radio.Group
          options={[
            { value: true, label: t.solvedYes },
            { value: false, label: t.solvedNo },
          ]}
        />
      </Form.Item>
      {solved === false ? (
        <Form.Item
          name="unsolvedReason"
          label={t.unsolvedReason}
          rules={[{ required: true, whitespace: true, message: t.unsolvedRequired }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      ) : null}
      <Form.Item name="public" label={t.replyPublic} rules={[{ required: true, message: t.replyPublic }]}>
        <Radio.Group
          options={[
            { value: true, label: t.publicYes },
            { value: false, label: t.publicNo },
          ]}
        />
      </Form.Item>
    </>
  );
}

/** 并单: find the appeal to merge into by its code or title. */
function MergeTargetSelect({
  excludeId,
  id,
  value,
  onChange,
}: {
  /** Given by Form.Item, so that the label names this field. */
  id?: string;
  excludeId: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const m = useT();
  const [q, setQ] = useState('');
  const found = useApi<Page<AppealSummary>>(q.trim().length >= 2 ? appealApi.appeals : null, {
    view: 'all',
    q: q.trim(),
    pageSize: 10,
    sort: 'created',
  });
  const options = (found.data?.items ?? [])
    .filter((a) => a.id !== excludeId && a.state !== 'merged')
    .map((a) => ({ value: a.id, label: `${a.code} ${a.title}` }));
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={m.appealsStaff.form.mergeSearch}
      loading={found.loading && q.trim().length >= 2}
      options={options}
      notFoundContent={null}
    />
  );
}
