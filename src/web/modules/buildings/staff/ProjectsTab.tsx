import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../app/api';
import { FormModal } from '../../../app/FormModal';
import { useT } from '../../../app/prefs';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { ProjectStatusTag } from '../components/tags';
import { formatArea } from '../format';
import { buildingApi } from '../paths';
import type { BuildingDetail, Project, ProjectInput, ProjectStatus } from '../types';

const STATUSES: ProjectStatus[] = ['negotiating', 'signed', 'settled', 'dropped'];

interface Values {
  name: string;
  industry?: string;
  investor?: string;
  investmentWan?: number | null;
  areaNeeded?: number | null;
  status: ProjectStatus;
  signedOn?: Dayjs | null;
  description?: string;
  verified: boolean;
}

/** 招商项目 of the building: all stages for the editor (the public page shows signed and settled ones). */
export function ProjectsTab({ building, onChanged }: { building: BuildingDetail; onChanged(): void }) {
  const m = useT();
  const t = m.buildings.projects;
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex justify="end">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t.add}
        </Button>
      </Flex>
      <Table<Project>
        rowKey="id"
        size="middle"
        dataSource={building.projects}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.name, dataIndex: 'name' },
          {
            title: t.industry,
            dataIndex: 'industry',
            render: (v: string | null) => v ?? m.buildings.fmt.none,
          },
          {
            title: t.investor,
            dataIndex: 'investor',
            render: (v: string | null) => v ?? m.buildings.fmt.none,
          },
          {
            title: t.investmentWan,
            dataIndex: 'investmentWan',
            render: (v: number | null) => (v !== null ? formatArea(v) : m.buildings.fmt.none),
          },
          {
            title: t.areaNeeded,
            dataIndex: 'areaNeeded',
            render: (v: number | null) => (v !== null ? formatArea(v) : m.buildings.fmt.none),
          },
          {
            title: t.status,
            dataIndex: 'status',
            render: (v: ProjectStatus) => <ProjectStatusTag status={v} />,
          },
          {
            title: t.signedOn,
            dataIndex: 'signedOn',
            render: (v: string | null) => v ?? m.buildings.fmt.none,
          },
          {
            title: m.common.actions,
            key: 'actions',
            render: (_, p) => (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)}>
                {m.common.edit}
              </Button>
            ),
          },
        ]}
      />
      {editing ? (
        <ProjectModal
          buildingId={building.id}
          project={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
    </Flex>
  );
}

function ProjectModal({
  buildingId,
  project,
  onClose,
  onSaved,
}: {
  buildingId: string;
  project: Project | null;
  onClose(): void;
  onSaved(): void;
}) {
  const m = useT();
  const t = m.buildings.projects;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: Values) => {
    const body: ProjectInput = {
      name: v.name.trim(),
      industry: v.industry?.trim() || null,
      investor: v.investor?.trim() || null,
      investmentWan: v.investmentWan ?? null,
      areaNeeded: v.areaNeeded ?? null,
      status: v.status,
      signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : null,
      description: v.description?.trim() ?? '',
      verified: v.verified,
    };
    if (project) await api.patch(buildingApi.project(project.id), body);
    else await api.post(buildingApi.projects(buildingId), body);
    message.success(m.buildings.editor.saved);
    onSaved();
  });
  return (
    <FormModal
      title={project ? t.edit : t.add}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={onClose}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={submitting}
        initialValues={
          project
            ? {
                name: project.name,
                industry: project.industry ?? '',
                investor: project.investor ?? '',
                investmentWan: project.investmentWan,
                areaNeeded: project.areaNeeded,
                status: project.status,
                signedOn: project.signedOn ? dayjs(project.signedOn) : null,
                description: project.description,
                verified: true,
              }
            : { status: 'negotiating', verified: true }
        }
      >
        <Form.Item
          name="name"
          label={t.name}
          rules={[{ required: true, whitespace: true, message: m.buildings.editor.required(t.name) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="industry" label={t.industry}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="investor" label={t.investor}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="investmentWan" label={t.investmentWan}>
              <InputNumber<number> className="qifu-full-width" min={0} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="areaNeeded" label={t.areaNeeded}>
              <InputNumber<number> className="qifu-full-width" min={1} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="status" label={t.status}>
              <Select<string>
                options={STATUSES.map((s) => ({ value: s, label: m.buildings.projectStatuses[s] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="signedOn" label={t.signedOn}>
              <DatePicker className="qifu-full-width" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t.description}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="verified" valuePropName="checked">
          <Checkbox>{m.buildings.editor.verified}</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
