import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { EnterpriseProfile, EnterpriseQualification } from '../../../../shared/enterprises';
import { api } from '../../../app/api';
import { DangerConfirm } from '../../../app/DangerConfirm';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { ProfileEditModal } from './ProfileEditModal';
import { ProvenanceTag } from './ProvenanceTag';
import { useQualificationKinds } from './reference';
import { SectionBar } from './SectionBar';
import { type ProfileEditorProps, type ProfileSectionProps, useProfileEditor } from './saver';

/** 资质: recognised qualifications with their dates; expired ones stay listed, marked as such. */
export function QualificationsSection({ profile, onChange, reload }: ProfileSectionProps) {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<EnterpriseQualification | 'new' | null>(null);

  const remove = async (q: EnterpriseQualification) => {
    try {
      onChange(
        await api.delete<EnterpriseProfile>(
          `/enterprises/${encodeURIComponent(profile.id)}/qualifications/${encodeURIComponent(q.id)}`,
        ),
      );
      message.success(m.enterprise.qualificationDeleted(q.kindName));
    } catch (e) {
      message.error(describe(e));
    }
  };

  return (
    <Flex vertical gap={12}>
      <SectionBar
        intro={m.enterprise.qualificationsIntro}
        action={
          profile.permissions.edit ? (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {m.enterprise.addQualification}
            </Button>
          ) : null
        }
      />
      <Table<EnterpriseQualification>
        rowKey="id"
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={profile.qualifications}
        locale={{ emptyText: m.enterprise.noQualifications }}
        columns={[
          { title: m.enterprise.qualificationKind, dataIndex: 'kindName' },
          { title: m.enterprise.recognizedOn, dataIndex: 'recognizedOn' },
          {
            title: m.enterprise.expiresOn,
            dataIndex: 'expiresOn',
            render: (v: string | null) => v ?? m.enterprise.noExpiry,
          },
          {
            title: m.enterprise.certificateNo,
            dataIndex: 'certificateNo',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: m.enterprise.qualificationStatus,
            dataIndex: 'current',
            render: (c: boolean) => (
              <Tag color={c ? 'green' : 'default'}>{c ? m.enterprise.valid : m.enterprise.expired}</Tag>
            ),
          },
          {
            title: m.enterprise.source,
            key: 'source',
            render: (_, q) => <ProvenanceTag provenance={q.provenance} />,
          },
          ...(profile.permissions.edit
            ? [
                {
                  title: m.common.actions,
                  key: 'actions',
                  render: (_: unknown, q: EnterpriseQualification) => (
                    <Space size={4}>
                      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(q)}>
                        {m.common.edit}
                      </Button>
                      <DangerConfirm
                        question={m.enterprise.confirmDeleteQualification(q.kindName)}
                        label={m.common.delete}
                        icon={<DeleteOutlined />}
                        onConfirm={() => remove(q)}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <QualificationModal
          profile={profile}
          qualification={editing === 'new' ? null : editing}
          onChange={onChange}
          reload={reload}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}

interface QualificationForm {
  kind: string;
  recognizedOn: Dayjs | null;
  expiresOn: Dayjs | null;
  certificateNo: string | null;
}

function QualificationModal({
  profile,
  qualification,
  ...wiring
}: ProfileEditorProps & { qualification: EnterpriseQualification | null }) {
  const m = useT();
  const kinds = useQualificationKinds();
  const [form] = Form.useForm<QualificationForm>();
  const editor = useProfileEditor(wiring);
  const base = `/enterprises/${encodeURIComponent(profile.id)}/qualifications`;

  const submit = (v: QualificationForm) => {
    const body = {
      version: profile.version,
      kind: v.kind,
      recognizedOn: v.recognizedOn?.format('YYYY-MM-DD') ?? '',
      expiresOn: v.expiresOn?.format('YYYY-MM-DD') ?? null,
      certificateNo: v.certificateNo?.trim() || null,
    };
    return editor.save(form, () =>
      qualification
        ? api.put<EnterpriseProfile>(`${base}/${encodeURIComponent(qualification.id)}`, body)
        : api.post<EnterpriseProfile>(base, body),
    );
  };

  return (
    <ProfileEditModal
      editor={editor}
      form={form}
      title={qualification ? m.enterprise.editQualification : m.enterprise.addQualification}
    >
      <Form<QualificationForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: qualification?.kind,
          recognizedOn: qualification ? dayjs(qualification.recognizedOn) : null,
          expiresOn: qualification?.expiresOn ? dayjs(qualification.expiresOn) : null,
          certificateNo: qualification?.certificateNo ?? null,
        }}
      >
        <Form.Item
          name="kind"
          label={m.enterprise.qualificationKind}
          rules={[{ required: true, message: m.enterprise.kindRequired }]}
        >
          <Select
            loading={kinds.loading}
            options={(kinds.data?.items ?? [])
              .filter((k) => k.active)
              .map((k) => ({ value: k.code, label: k.name }))}
          />
        </Form.Item>
        <Form.Item
          name="recognizedOn"
          label={m.enterprise.recognizedOn}
          rules={[{ required: true, message: m.enterprise.recognizedOnRequired }]}
        >
          <DatePicker className="qifu-full-width" disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={m.enterprise.expiresOn}
          dependencies={['recognizedOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, value: Dayjs | null) => {
                const from = getFieldValue('recognizedOn') as Dayjs | null;
                return value && from && value.isBefore(from, 'day')
                  ? Promise.reject(new Error(m.enterprise.expiryBeforeRecognition))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker className="qifu-full-width" />
        </Form.Item>
        <Form.Item name="certificateNo" label={m.enterprise.certificateNo}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </ProfileEditModal>
  );
}
