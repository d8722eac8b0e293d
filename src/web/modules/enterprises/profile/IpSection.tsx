import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import type { EnterpriseProfile, IpKind } from '../../../../shared/enterprises';
import { api } from '../../../app/api';
import { useT } from '../../../app/prefs';
import { ProfileEditModal } from './ProfileEditModal';
import { ProvenanceTag } from './ProvenanceTag';
import { SectionBar } from './SectionBar';
import { type ProfileEditorProps, type ProfileSectionProps, useProfileEditor } from './saver';

const KINDS: IpKind[] = ['invention', 'utility_model', 'design', 'software_copyright', 'trademark'];

/** 知识产权: counts by kind; an empty count is unknown, not zero. */
export function IpSection({ profile, onChange, reload }: ProfileSectionProps) {
  const m = useT();
  const [editing, setEditing] = useState(false);
  const rows = KINDS.map((kind) => ({ kind, count: profile.ip[kind] }));
  return (
    <Flex vertical gap={12}>
      <SectionBar
        intro={m.enterprise.ipIntro}
        action={
          profile.permissions.edit ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {m.enterprise.editIp}
            </Button>
          ) : null
        }
      />
      <Table
        rowKey="kind"
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { title: m.enterprise.ipKind, dataIndex: 'kind', render: (k: IpKind) => m.enterprise.ipKinds[k] },
          {
            title: m.enterprise.ipCount,
            dataIndex: 'count',
            align: 'right',
            render: (c: number | null) =>
              c === null ? (
                <Typography.Text type="secondary">{m.enterprise.unknown}</Typography.Text>
              ) : (
                <span className="qifu-number">{c}</span>
              ),
          },
          {
            title: m.enterprise.source,
            key: 'source',
            render: (_: unknown, r: { kind: IpKind; count: number | null }) =>
              r.count === null ? '—' : <ProvenanceTag provenance={profile.provenance[`ip.${r.kind}`]} />,
          },
        ]}
      />
      {editing ? (
        <IpModal profile={profile} onChange={onChange} reload={reload} onClose={() => setEditing(false)} />
      ) : null}
    </Flex>
  );
}

function IpModal({ profile, ...wiring }: ProfileEditorProps) {
  const m = useT();
  const [form] = Form.useForm<Record<IpKind, number | null>>();
  const editor = useProfileEditor(wiring);
  const submit = (v: Record<IpKind, number | null>) => {
    const body: Record<string, unknown> = { version: profile.version };
    for (const k of KINDS) body[k] = v[k] ?? null;
    return editor.save(form, () =>
      api.put<EnterpriseProfile>(`/enterprises/${encodeURIComponent(profile.id)}/ip`, body),
    );
  };
  return (
    <ProfileEditModal editor={editor} form={form} title={m.enterprise.editIp}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={profile.ip}>
        {KINDS.map((k) => (
          <Form.Item key={k} name={k} label={m.enterprise.ipKinds[k]}>
            <InputNumber
              min={0}
              precision={0}
              className="qifu-full-width"
              placeholder={m.enterprise.unknown}
            />
          </Form.Item>
        ))}
      </Form>
    </ProfileEditModal>
  );
}
