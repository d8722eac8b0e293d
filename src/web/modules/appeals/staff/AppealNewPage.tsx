import { App, Button, Card, Flex, Form, Input, Radio, Segmented, Select, Switch } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { APPEAL_TYPES, type AppealType } from '../../../../shared/appeals';
import { APPEAL_CONTENT_MAX, APPEAL_TITLE_MAX, type SubmitAppealInput } from '../../../../shared/appeals-api';
import type { EnterpriseSummary } from '../../../../shared/enterprises';
import type { FileInfo } from '../../../../shared/files';
import { hasAnyRole } from '../../../app/access';
import type { Page } from '../../../app/api';
import { FormFailure, LinkButton, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { AppealUploads } from '../components/AppealFiles';
import { topicOptions, useTopics } from './data';
import { newIdempotencyKey } from './helpers';
import { appealApi, appealPages } from './paths';
import { submitAppeal } from './submit';

type Mode = 'liaison' | 'phone';

interface Values {
  enterpriseId?: string;
  contactName?: string;
  contactPhone?: string;
  type: AppealType;
  topicCode?: string;
  title: string;
  content: string;
  isPublic: boolean;
}

/** /workbench/appeals/new — 代企业提交 (liaison, one of his enterprises) or 电话登记 (dispatcher, a call). */
export function AppealNewPage() {
  const m = useT();
  const t = m.appealsStaff.newAppeal;
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const canLiaison = hasAnyRole(user, ['liaison']);
  const canPhone = hasAnyRole(user, ['dispatcher']);
  const asked = params.get('mode');
  const [mode, setMode] = useState<Mode>(
    asked === 'phone' && canPhone
      ? 'phone'
      : asked === 'liaison' && canLiaison
        ? 'liaison'
        : canLiaison
          ? 'liaison'
          : 'phone',
  );
  // One key per filled-in form: a double click or a retry after a lost answer cannot make two appeals.
  const [idempotencyKey] = useState(() => newIdempotencyKey());
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<FileInfo[]>([]);
  const topics = useTopics();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: Values) => {
    const body: SubmitAppealInput = {
      type: v.type,
      title: v.title.trim(),
      content: v.content.trim(),
      isPublic: v.isPublic,
      attachments: files.map((f) => f.id),
      ...(v.topicCode ? { topicCode: v.topicCode } : {}),
      ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
      ...(v.contactName?.trim() ? { contactName: v.contactName.trim() } : {}),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
      ...(mode === 'phone' ? { channel: 'phone' as const } : {}),
    };
    const created = await submitAppeal(body, idempotencyKey);
    message.success(t.submitted(created.code));
    navigate(appealPages.detail(created.id));
  });
  // A call starts with who is calling; the liaison starts with the enterprise.
  const contactFields = (
    <Flex gap={16} wrap>
      <Form.Item
        name="contactName"
        label={mode === 'phone' ? t.callerName : t.contactName}
        className="qifu-as-grow"
        rules={mode === 'phone' ? [{ required: true, whitespace: true, message: t.callerNameRequired }] : []}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={mode === 'phone' ? t.callerPhone : t.contactPhone}
        className="qifu-as-grow"
        rules={mode === 'phone' ? [{ required: true, whitespace: true, message: t.callerPhoneRequired }] : []}
      >
        <Input maxLength={30} inputMode="tel" autoComplete="off" />
      </Form.Item>
    </Flex>
  );
  const title = canLiaison && canPhone ? t.titleBoth : mode === 'phone' ? t.titlePhone : t.titleLiaison;
  return (
    <div>
      <PageHeader
        title={title}
        intro={t.intro}
        extra={<LinkButton to={appealPages.queue}>{t.cancel}</LinkButton>}
      />
      <Card className="qifu-as-form">
        {canLiaison && canPhone ? (
          <Form.Item label={t.mode}>
            <Segmented<Mode>
              value={mode}
              onChange={setMode}
              options={[
                { value: 'liaison', label: t.modeLiaison },
                { value: 'phone', label: t.modePhone },
              ]}
            />
          </Form.Item>
        ) : null}
        <FormFailure failure={failure} />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ type: 'consult', isPublic: false }}
        >
          {mode === 'phone' ? contactFields : null}
          <Form.Item
            name="enterpriseId"
            label={mode === 'liaison' ? t.enterprise : t.enterpriseOptional}
            rules={mode === 'liaison' ? [{ required: true, message: t.enterpriseRequired }] : []}
          >
            <EnterpriseSelect mine={mode === 'liaison'} />
          </Form.Item>
          {mode === 'phone' ? null : contactFields}
          <Form.Item name="type" label={t.type} rules={[{ required: true, message: t.typeRequired }]}>
            <Radio.Group
              optionType="button"
              options={APPEAL_TYPES.map((x) => ({ value: x, label: m.appealsStaff.types[x] }))}
            />
          </Form.Item>
          <Form.Item name="topicCode" label={t.topic} extra={t.topicHint}>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={topics.loading}
              options={topicOptions(topics.data?.items ?? [])}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t.titleField}
            rules={[{ required: true, whitespace: true, message: t.titleRequired }]}
          >
            <Input maxLength={APPEAL_TITLE_MAX} showCount />
          </Form.Item>
          <Form.Item
            name="content"
            label={t.content}
            extra={t.contentHint}
            rules={[{ required: true, whitespace: true, message: t.contentRequired }]}
          >
            <Input.TextArea rows={8} maxLength={APPEAL_CONTENT_MAX} showCount />
          </Form.Item>
          <Form.Item name="isPublic" label={t.isPublic} extra={t.isPublicHint} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label={t.attachments}>
            <AppealUploads value={files} onChange={setFiles} disabled={submitting} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

/** Enterprises to pick from: the liaison's own (the server scopes him to them), or any for a phone call. */
function EnterpriseSelect({
  mine,
  id,
  value,
  onChange,
}: {
  /** Given by Form.Item, so that the label names this field. */
  id?: string;
  mine: boolean;
  value?: string;
  onChange?: (v: string | undefined) => void;
}) {
  const m = useT();
  const [q, setQ] = useState('');
  const list = useApi<Page<EnterpriseSummary>>(appealApi.enterprises, {
    q: q.trim() || undefined,
    liaison: mine ? 'me' : undefined,
    pageSize: 50,
  });
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={m.appealsStaff.newAppeal.enterpriseSearch}
      loading={list.loading}
      options={(list.data?.items ?? []).map((e) => ({
        value: e.id,
        label: `${e.name}${m.common.paren(e.uscc)}`,
      }))}
    />
  );
}
