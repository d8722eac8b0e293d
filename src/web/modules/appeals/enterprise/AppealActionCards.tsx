import { Alert, App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import type { AppealAction } from '../../../../shared/appeals';
import type { FileInfo } from '../../../../shared/files';
import { api } from '../../../app/api';
import { FormFailure } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import type { NamePath } from '../../../app/form-errors';
import { useT } from '../../../app/prefs';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { lastNote, refusalOf } from '../actions';
import { AppealUploadsField, attachmentsFieldPath } from '../components/AppealFiles';
import { APPEAL_CONTENT_MAX, RATINGS } from '../limits';
import { appealApi } from '../paths';
import type { AppealDetail } from '../types';

/** A refused action, shown above the page: the state changed under us (409) or the role may not (403). */
export interface ActionNotice {
  kind: 'conflict' | 'forbidden';
  message: string;
}

interface CardProps {
  appeal: AppealDetail;
  onDone(next: AppealDetail): void;
  onRefused(notice: ActionNotice): void;
}

const NOTE_MAX = 2000;

/**
 * Run one action with the version the page shows (expectedVersion): a lost race comes back as 409 and the page
 * reloads instead of acting on a stale view; field errors go beside the fields (useFormSubmit).
 */
function useAction<V extends object>(
  props: CardProps,
  action: AppealAction,
  form: Parameters<typeof useFormSubmit<V>>[0],
  toBody: (v: V) => Record<string, unknown>,
  success: string,
  mapField?: (field: string) => NamePath | null,
) {
  const { message } = App.useApp();
  const describe = useDescribeError();
  return useFormSubmit<V>(
    form,
    async (v) => {
      try {
        const next = await api.post<AppealDetail>(appealApi.action(props.appeal.id, action), {
          ...toBody(v),
          expectedVersion: props.appeal.version,
        });
        message.success(success);
        form.resetFields();
        props.onDone(next);
      } catch (e) {
        const kind = refusalOf(e);
        if (!kind) throw e;
        props.onRefused({ kind, message: describe(e) });
      }
    },
    mapField,
  );
}

interface SupplyValues {
  content: string;
  attachments?: FileInfo[];
}

/** 补充材料: the dispatcher asked for more; the answer (text and files) sends the appeal back to acceptance. */
export function SupplyInfoCard(props: CardProps) {
  const m = useT();
  const t = m.appeals.detail;
  const [form] = Form.useForm<SupplyValues>();
  // What the dispatcher asked for: the note of the latest 要求补充材料.
  const request = lastNote(props.appeal, 'ask_info');
  const { onFinish, submitting, failure } = useAction(
    props,
    'supply_info',
    form,
    (v) => ({ content: v.content.trim(), attachments: (v.attachments ?? []).map((f) => f.id) }),
    t.supplied,
    attachmentsFieldPath,
  );
  return (
    <Card title={t.supplyTitle} className="qifu-action-card">
      <Typography.Paragraph type="secondary">{t.supplyIntro}</Typography.Paragraph>
      {request ? (
        <Alert type="warning" showIcon className="qifu-block" title={t.supplyRequest} description={request} />
      ) : null}
      <FormFailure failure={failure} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={submitting}
        initialValues={{ attachments: [] }}
      >
        <Form.Item
          name="content"
          label={t.supplyContent}
          rules={[
            { required: true, whitespace: true, message: m.appeals.form.required(t.supplyContent) },
            { max: APPEAL_CONTENT_MAX, message: m.appeals.form.tooLong(APPEAL_CONTENT_MAX) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            count={{ show: true, max: APPEAL_CONTENT_MAX }}
          />
        </Form.Item>
        <Form.Item name="attachments" label={t.supplyAttachments} extra={t.supplyAttachmentsHelp}>
          <AppealUploadsField disabled={submitting} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t.supplySubmit}
        </Button>
      </Form>
    </Card>
  );
}

interface RateValues {
  rating: (typeof RATINGS)[number];
  solved: boolean;
  comment?: string;
}

/** 评价: 满意 / 基本满意 / 不满意, whether the problem is solved, and a comment. */
export function RateCard(props: CardProps) {
  const m = useT();
  const t = m.appeals.detail;
  const [form] = Form.useForm<RateValues>();
  const { onFinish, submitting, failure } = useAction(
    props,
    'rate',
    form,
    (v) => ({
      rating: v.rating,
      solved: v.solved,
      ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
    }),
    t.rated,
  );
  return (
    <Card title={t.rateTitle} className="qifu-action-card">
      <Typography.Paragraph type="secondary">{t.rateIntro}</Typography.Paragraph>
      <FormFailure failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={submitting}>
        <Form.Item
          name="rating"
          label={t.rating}
          rules={[{ required: true, message: m.appeals.form.required(t.rating) }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={RATINGS.map((r) => ({ value: r, label: m.appeals.ratings[r] }))}
          />
        </Form.Item>
        <Form.Item
          name="solved"
          label={t.solved}
          rules={[{ required: true, message: m.appeals.form.required(t.solved) }]}
        >
          <Radio.Group
            options={[
              { value: true, label: t.solvedYes },
              { value: false, label: t.solvedNo },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t.comment}
          rules={[{ max: NOTE_MAX, message: m.appeals.form.tooLong(NOTE_MAX) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t.commentPlaceholder}
            maxLength={NOTE_MAX}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t.rateSubmit}
        </Button>
      </Form>
    </Card>
  );
}

/** 申请重办: offered only while the server allows it (dissatisfied or unsolved, within the window). */
export function ReopenCard(props: CardProps) {
  const m = useT();
  const t = m.appeals.detail;
  const [form] = Form.useForm<{ reason: string }>();
  const { onFinish, submitting, failure } = useAction(
    props,
    'reopen',
    form,
    (v) => ({ reason: v.reason.trim() }),
    t.reopenDone,
  );
  return (
    <Card title={t.reopenTitle} className="qifu-action-card">
      <Typography.Paragraph type="secondary">{t.reopenIntro}</Typography.Paragraph>
      <FormFailure failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={submitting}>
        <Form.Item
          name="reason"
          label={t.reopenReason}
          rules={[
            { required: true, whitespace: true, message: m.appeals.form.required(t.reopenReason) },
            { max: NOTE_MAX, message: m.appeals.form.tooLong(NOTE_MAX) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t.reopenPlaceholder}
            maxLength={NOTE_MAX}
          />
        </Form.Item>
        <Button htmlType="submit" loading={submitting} danger>
          {t.reopenSubmit}
        </Button>
      </Form>
    </Card>
  );
}
