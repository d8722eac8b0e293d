import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EnterpriseProfile } from '../../../../shared/enterprises';
import { validateUscc } from '../../../../shared/uscc';
import { api } from '../../../app/api';
import { useT } from '../../../app/prefs';
import { ProfileEditModal } from './ProfileEditModal';
import { type BasicValues, basicPatch, basicValuesOf } from './patch';
import { industryOptions, useIndustries, useStreets } from './reference';
import { type ProfileEditorProps, useProfileEditor } from './saver';

type BasicForm = Omit<BasicValues, 'establishedOn'> & { establishedOn: Dayjs | null };

function initial(p: EnterpriseProfile): BasicForm {
  const v = basicValuesOf(p);
  return { ...v, establishedOn: v.establishedOn ? dayjs(v.establishedOn) : null };
}

/** Edit the basic information; each field's problem is shown beside it. */
export function BasicInfoModal({ profile, ...wiring }: ProfileEditorProps) {
  const m = useT();
  const f = m.enterprise.fields;
  const [form] = Form.useForm<BasicForm>();
  const streets = useStreets();
  const industries = useIndustries();
  const editor = useProfileEditor(wiring);
  // Only staff may correct a USCC (the enterprise's identity); the API refuses it from enterprise users.
  const canEditUscc = profile.permissions.verify;

  const submit = (v: BasicForm) => {
    const values: BasicValues = {
      ...v,
      establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null,
    };
    const body = basicPatch(profile, values, canEditUscc);
    return editor.save(form, () =>
      api.patch<EnterpriseProfile>(`/enterprises/${encodeURIComponent(profile.id)}`, body),
    );
  };

  return (
    <ProfileEditModal editor={editor} form={form} width={760} title={m.enterprise.editBasic}>
      <Form<BasicForm>
        form={form}
        layout="vertical"
        initialValues={initial(profile)}
        onFinish={submit}
        className="qifu-form-grid"
      >
        <Form.Item
          name="name"
          label={f.name}
          rules={[{ required: true, whitespace: true, message: m.enterprise.nameRequired }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={f.uscc}
          extra={canEditUscc ? undefined : m.enterprise.usccStaffOnly}
          rules={[
            {
              validator: (_r, value: string) => {
                const r = validateUscc(value ?? '');
                return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
              },
            },
          ]}
        >
          <Input disabled={!canEditUscc} maxLength={18} className="qifu-code" />
        </Form.Item>
        <Form.Item name="legalRepresentative" label={f.legalRepresentative}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="registeredCapital" label={f.registeredCapital}>
          <InputNumber min={0} className="qifu-full-width" suffix={m.enterprise.wan} />
        </Form.Item>
        <Form.Item name="establishedOn" label={f.establishedOn}>
          <DatePicker className="qifu-full-width" disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item name="streetCode" label={f.streetCode}>
          <Select
            allowClear
            loading={streets.loading}
            options={(streets.data?.items ?? []).map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="industryCode" label={f.industryCode} extra={m.enterprise.industryHint}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={industries.loading}
            options={industryOptions(industries.data, profile.industry)}
          />
        </Form.Item>
        <Form.Item name="employees" label={f.employees}>
          <InputNumber min={0} precision={0} className="qifu-full-width" suffix={m.enterprise.people} />
        </Form.Item>
        <Form.Item
          name="insuredEmployees"
          label={f.insuredEmployees}
          dependencies={['employees']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, value: number | null) => {
                const employees = getFieldValue('employees') as number | null;
                return value != null && employees != null && value > employees
                  ? Promise.reject(new Error(m.enterprise.insuredTooMany))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <InputNumber min={0} precision={0} className="qifu-full-width" suffix={m.enterprise.people} />
        </Form.Item>
        <Form.Item name="registeredAddress" label={f.registeredAddress} className="qifu-span-2">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="building" label={f.building}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="unit" label={f.unit}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="tags" label={f.tags} extra={m.enterprise.tagsHint} className="qifu-span-2">
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
        </Form.Item>
      </Form>
    </ProfileEditModal>
  );
}
