import { CheckCircleOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Tabs,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  BUILDING_GRADES,
  BUILDING_USES,
  type BuildingGrade,
  type BuildingUse,
  SUGGESTED_BUILDING_TAGS,
} from '../../../../shared/buildings';
import { api, isApiError } from '../../../app/api';
import { FormFailure, LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { StaleBadge } from '../components/tags';
import { buildingApi, buildingPages } from '../paths';
import type { BuildingDetail, BuildingInput, Street } from '../types';
import { OccupantsTab } from './OccupantsTab';
import { PhotosTab } from './PhotosTab';
import { ProjectsTab } from './ProjectsTab';
import { SpacesTab } from './SpacesTab';

const SOURCES = ['manual', 'import', 'survey', 'enterprise_report'] as const;
type Source = (typeof SOURCES)[number];
const TABS = ['basics', 'spaces', 'occupants', 'projects', 'photos'] as const;
type TabKey = (typeof TABS)[number];

interface Values {
  name: string;
  street: string;
  address: string;
  lat?: number | null;
  lng?: number | null;
  grade: BuildingGrade;
  use: BuildingUse;
  floorsAbove?: number | null;
  floorsBelow?: number | null;
  grossArea?: number | null;
  completedYear?: number | null;
  developer?: string;
  propertyManager?: string;
  contactName?: string;
  contactPhone?: string;
  description?: string;
  tags: string[];
  source: Source;
  sourceNote?: string;
  verified: boolean;
}

function toValues(b: BuildingDetail): Values {
  return {
    name: b.name,
    street: b.street.code,
    address: b.address,
    lat: b.lat,
    lng: b.lng,
    grade: b.grade as BuildingGrade,
    use: b.use as BuildingUse,
    floorsAbove: b.floorsAbove,
    floorsBelow: b.floorsBelow,
    grossArea: b.grossArea,
    completedYear: b.completedYear,
    developer: b.developer ?? '',
    propertyManager: b.propertyManager ?? '',
    contactName: b.contactName ?? '',
    contactPhone: b.contactPhone ?? '',
    description: b.description,
    tags: b.tags,
    source: (SOURCES as readonly string[]).includes(b.source) ? (b.source as Source) : 'manual',
    sourceNote: b.sourceNote ?? '',
    verified: false,
  };
}

function toInput(v: Values): BuildingInput {
  const text = (s: string | undefined) => s?.trim() || null;
  return {
    name: v.name.trim(),
    street: v.street,
    address: v.address.trim(),
    lat: v.lat ?? null,
    lng: v.lng ?? null,
    grade: v.grade,
    use: v.use,
    floorsAbove: v.floorsAbove ?? null,
    floorsBelow: v.floorsBelow ?? null,
    grossArea: v.grossArea ?? null,
    completedYear: v.completedYear ?? null,
    developer: text(v.developer),
    propertyManager: text(v.propertyManager),
    contactName: text(v.contactName),
    contactPhone: text(v.contactPhone),
    description: v.description?.trim() ?? '',
    tags: v.tags ?? [],
    source: v.source,
    sourceNote: text(v.sourceNote),
    verified: v.verified,
  };
}

/** /workbench/buildings/:id (or new) — edit a building, its spaces, occupants, projects and photos. */
export function BuildingEditorPage() {
  const m = useT();
  const id = useParams().id ?? 'new';
  const isNew = id === 'new';
  const detail = useApi<BuildingDetail>(isNew ? null : buildingApi.building(id));
  if (!isNew && detail.error) {
    if (isApiError(detail.error) && detail.error.status === 404) {
      return <NotFound back={{ to: buildingPages.staffList, label: m.buildings.staff.back }} />;
    }
    return <LoadError error={detail.error} onRetry={detail.reload} />;
  }
  if (!isNew && !detail.data) return <Skeleton active paragraph={{ rows: 14 }} />;
  return <Editor key={isNew ? 'new' : id} building={detail.data ?? null} reload={detail.reload} />;
}

function Editor({ building, reload }: { building: BuildingDetail | null; reload(): void }) {
  const m = useT();
  const t = m.buildings.editor;
  const s = m.buildings.staff;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [params, setParams] = useSearchParams();
  const tab = (TABS.find((k) => k === params.get('tab')) ?? 'basics') as TabKey;
  const [busy, setBusy] = useState(false);

  const action = async (url: string, done: string) => {
    setBusy(true);
    try {
      await api.post(url);
      message.success(done);
      reload();
    } catch (e) {
      message.error(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const b = building;
  return (
    <div>
      <PageHeader
        title={b ? t.editTitle(b.name) : t.newTitle}
        intro={
          b ? (
            <Flex gap={6} wrap align="center" component="span">
              <Tag color={b.status === 'active' ? 'green' : 'default'}>
                {s.statuses[b.status] ?? b.status}
              </Tag>
              <span>
                {b.lastVerifiedOn
                  ? m.buildings.fmt.verifiedOn(b.lastVerifiedOn)
                  : m.buildings.fmt.neverVerified}
              </span>
              <StaleBadge stale={b.stale} lastVerifiedOn={b.lastVerifiedOn} />
            </Flex>
          ) : undefined
        }
        extra={
          <Flex gap={8} wrap>
            <LinkButton to={buildingPages.staffList}>{s.back}</LinkButton>
            {b && b.status === 'active' ? (
              <>
                <LinkButton to={buildingPages.detail(b.id)}>{s.viewPublic}</LinkButton>
                <Button
                  icon={<CheckCircleOutlined />}
                  loading={busy}
                  onClick={() => void action(buildingApi.verify(b.id), t.verifiedDone)}
                >
                  {t.verify}
                </Button>
                <Popconfirm
                  title={t.archiveConfirm}
                  okText={t.archive}
                  cancelText={m.common.cancel}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => action(buildingApi.archive(b.id), t.archived)}
                >
                  <Button danger icon={<InboxOutlined />} loading={busy}>
                    {t.archive}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
          </Flex>
        }
      />
      {b && b.status !== 'active' ? (
        <Alert type="warning" showIcon title={t.archivedNote} className="qifu-form-alert" />
      ) : null}
      {b ? (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams({ tab: k }, { replace: true })}
            items={[
              { key: 'basics', label: t.tabs.basics, children: <BasicsForm building={b} onSaved={reload} /> },
              {
                key: 'spaces',
                label: t.tabCount(t.tabs.spaces, b.spaces.length),
                children: <SpacesTab building={b} onChanged={reload} />,
              },
              {
                key: 'occupants',
                label: t.tabCount(t.tabs.occupants, b.occupants.filter((o) => !o.movedOutOn).length),
                children: <OccupantsTab building={b} onChanged={reload} />,
              },
              {
                key: 'projects',
                label: t.tabCount(t.tabs.projects, b.projects.length),
                children: <ProjectsTab building={b} onChanged={reload} />,
              },
              {
                key: 'photos',
                label: t.tabCount(t.tabs.photos, b.photos.length),
                children: <PhotosTab building={b} onChanged={reload} />,
              },
            ]}
          />
        </Card>
      ) : (
        <Card>
          <Alert type="info" showIcon title={t.saveFirst} className="qifu-form-alert" />
          <BasicsForm
            building={null}
            onSaved={(created) =>
              created && navigate(buildingPages.staffBuilding(created.id), { replace: true })
            }
          />
        </Card>
      )}
    </div>
  );
}

function BasicsForm({
  building,
  onSaved,
}: {
  building: BuildingDetail | null;
  onSaved(saved?: BuildingDetail): void;
}) {
  const m = useT();
  const t = m.buildings.editor;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const streets = useApi<{ items: Street[] }>(buildingApi.streets);

  useEffect(() => {
    if (building) form.setFieldsValue(toValues(building));
  }, [building, form]);

  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: Values) => {
    if (!building) {
      const created = await api.post<BuildingDetail>(buildingApi.create, toInput(v));
      message.success(t.created);
      onSaved(created);
      return;
    }
    await api.patch<BuildingDetail>(buildingApi.building(building.id), toInput(v));
    message.success(t.saved);
    onSaved();
  });

  const req = (label: string) => [{ required: true, whitespace: true, message: t.required(label) }];
  return (
    <>
      <FormFailure failure={failure} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={submitting}
        scrollToFirstError
        initialValues={{ grade: 'a', use: 'office', tags: [], source: 'manual', verified: true }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t.name} rules={req(t.name)}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="street"
              label={t.street}
              rules={[{ required: true, message: t.required(t.street) }]}
            >
              <Select<string>
                loading={streets.loading}
                options={(streets.data?.items ?? []).map((s) => ({ value: s.code, label: s.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={t.address} extra={t.addressHint} rules={req(t.address)}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lat" label={t.lat} extra={t.coordinatesHint}>
              <InputNumber<number> className="qifu-full-width" min={-90} max={90} step={0.0001} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lng" label={t.lng}>
              <InputNumber<number> className="qifu-full-width" min={-180} max={180} step={0.0001} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="grade"
              label={t.grade}
              rules={[{ required: true, message: t.required(t.grade) }]}
            >
              <Select<string>
                options={BUILDING_GRADES.map((g) => ({ value: g, label: m.buildings.grades[g] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="use" label={t.use} rules={[{ required: true, message: t.required(t.use) }]}>
              <Select<string>
                options={BUILDING_USES.map((u) => ({ value: u, label: m.buildings.uses[u] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="floorsAbove" label={t.floorsAbove}>
              <InputNumber<number> className="qifu-full-width" min={1} max={200} precision={0} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="floorsBelow" label={t.floorsBelow}>
              <InputNumber<number> className="qifu-full-width" min={0} max={20} precision={0} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="grossArea" label={t.grossArea}>
              <InputNumber<number> className="qifu-full-width" min={1} max={2_000_000} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="completedYear" label={t.completedYear}>
              <InputNumber<number> className="qifu-full-width" min={1850} max={2100} precision={0} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="developer" label={t.developer}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="propertyManager" label={t.propertyManager}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label={t.contactName}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label={t.contactPhone} extra={t.contactHint}>
              <Input maxLength={40} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="tags" label={t.tags} extra={t.tagsHint}>
              <Select<string[]>
                mode="tags"
                maxCount={20}
                options={SUGGESTED_BUILDING_TAGS.map((tag) => ({ value: tag, label: tag }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t.description}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="source" label={t.source}>
              <Select<string> options={SOURCES.map((s) => ({ value: s, label: m.buildings.sources[s] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sourceNote" label={t.sourceNote}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="verified" valuePropName="checked">
          <Checkbox>{t.verified}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {m.common.save}
        </Button>
      </Form>
    </>
  );
}
