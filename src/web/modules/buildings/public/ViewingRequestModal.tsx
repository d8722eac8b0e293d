import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Result, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../app/api';
import { LinkButton } from '../../../app/components';
import { FormModal } from '../../../app/FormModal';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { formatArea } from '../format';
import { buildingApi, buildingPages } from '../paths';
import type { Space, ViewingRequestInput } from '../types';

interface Values {
  name: string;
  phone: string;
  company?: string;
  preferredDate?: Dayjs | null;
  areaNeeded?: number | null;
  spaceId?: string | null;
  message?: string;
}

/** Mainland mobile numbers, as the server's masking and SMS expect them. */
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * 预约看房: a visitor leaves a name and a phone (no account needed); a logged-in user's request is also linked to
 * the account, so it shows under 我的看房预约. After sending, the dialog says what happens next.
 */
export function ViewingRequestModal({
  building,
  spaces,
  spaceId,
  onClose,
}: {
  building: { id: string; name: string };
  spaces: Space[];
  spaceId?: string | null | undefined;
  onClose(): void;
}) {
  const m = useT();
  const t = m.buildings.viewing;
  const { user } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState(false);
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: Values) => {
    const body: ViewingRequestInput = {
      name: v.name.trim(),
      phone: v.phone.trim(),
      company: v.company?.trim() || null,
      preferredDate: v.preferredDate ? v.preferredDate.format('YYYY-MM-DD') : null,
      areaNeeded: v.areaNeeded ?? null,
      spaceId: v.spaceId || null,
      message: v.message?.trim() ?? '',
    };
    await api.post(buildingApi.viewingRequests(building.id), body);
    message.success(t.successTitle);
    setDone(true);
  });

  if (done) {
    return (
      <Modal open title={t.title(building.name)} onCancel={onClose} footer={null} destroyOnHidden>
        <Result
          status="success"
          title={t.successTitle}
          subTitle={
            <>
              <p>{t.successText}</p>
              {user ? <p>{t.successMine}</p> : null}
            </>
          }
          extra={[
            user ? (
              <LinkButton key="mine" to={buildingPages.myViewings}>
                {t.toMine}
              </LinkButton>
            ) : null,
            <Button key="close" type="primary" onClick={onClose}>
              {t.close}
            </Button>,
          ]}
        />
      </Modal>
    );
  }

  const vacant = spaces.filter((s) => s.status === 'vacant');
  return (
    <FormModal
      title={t.title(building.name)}
      form={form}
      saving={submitting}
      failure={failure}
      okText={t.submit}
      onCancel={onClose}
    >
      <p className="qifu-small">{t.intro}</p>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={submitting}
        initialValues={{
          name: user?.displayName ?? '',
          company: user?.enterprise?.name ?? '',
          spaceId: spaceId ?? '',
        }}
      >
        <Form.Item
          name="name"
          label={t.name}
          rules={[{ required: true, whitespace: true, message: t.required(t.name) }]}
        >
          <Input maxLength={30} placeholder={t.namePlaceholder} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t.phone}
          rules={[
            { required: true, message: t.required(t.phone) },
            { pattern: MOBILE, message: t.phoneInvalid },
          ]}
        >
          <Input maxLength={11} inputMode="tel" placeholder={t.phonePlaceholder} autoComplete="tel" />
        </Form.Item>
        <Form.Item name="company" label={t.company}>
          <Input maxLength={100} placeholder={t.companyPlaceholder} autoComplete="organization" />
        </Form.Item>
        <Form.Item name="preferredDate" label={t.preferredDate}>
          <DatePicker className="qifu-full-width" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        {vacant.length > 0 ? (
          <Form.Item name="spaceId" label={t.space}>
            <Select<string>
              options={[
                { value: '', label: t.spaceAny },
                ...vacant.map((s) => ({
                  value: s.id,
                  label: t.spaceOption(
                    m.buildings.fmt.floor(s.floor),
                    s.unit,
                    m.buildings.fmt.area(formatArea(s.area)),
                  ),
                })),
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="areaNeeded" label={t.areaNeeded}>
          <InputNumber<number> className="qifu-full-width" min={1} max={2_000_000} />
        </Form.Item>
        <Form.Item name="message" label={t.message}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t.messagePlaceholder} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
