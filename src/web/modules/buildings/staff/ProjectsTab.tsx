import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/prefs';
import { ProjectStatusTag } from '../components/tags';
import { formatArea } from '../format';
import { buildingApi } from '../paths';
import type { BuildingDetail, Project, ProjectInput, ProjectStatus } from '../types';
import { EditableListTab, type EditorProps, RecordModal } from './EditableListTab';

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
  return (
    <EditableListTab<Project>
      rows={building.projects}
      texts={t}
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
      ]}
      editor={(p) => <ProjectModal buildingId={building.id} {...p} />}
      onChanged={onChanged}
    />
  );
}

function ProjectModal({ buildingId, ...dialog }: EditorProps<Project> & { buildingId: string }) {
  const m = useT();
  const t = m.buildings.projects;
  const [form] = Form.useForm<Values>();
  const project = dialog.record;
  return (
    <RecordModal
      form={form}
      texts={t}
      create={buildingApi.projects(buildingId)}
      update={(p) => buildingApi.project(p.id)}
      toBody={(v): ProjectInput => ({
        name: v.name.trim(),
        industry: v.industry?.trim() || null,
        investor: v.investor?.trim() || null,
        investmentWan: v.investmentWan ?? null,
        areaNeeded: v.areaNeeded ?? null,
        status: v.status,
        signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : null,
        description: v.description?.trim() ?? '',
        verified: v.verified,
      })}
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
      {...dialog}
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
    </RecordModal>
  );
}
