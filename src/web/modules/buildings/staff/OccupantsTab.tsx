import { ExportOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Page } from '../../../app/api';
import { api } from '../../../app/api';
import { FormModal } from '../../../app/FormModal';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { formatArea } from '../format';
import { buildingApi, buildingPages } from '../paths';
import type { BuildingDetail, Occupant, OccupantInput } from '../types';
import { EditableListTab, type EditorProps, RecordModal } from './EditableListTab';

interface Values {
  enterpriseId?: string | null;
  enterpriseName: string;
  spaceId?: string | null;
  floor?: number | null;
  unit?: string;
  area?: number | null;
  movedInOn?: Dayjs | null;
  verified: boolean;
}

/** 入驻企业: who is in the building, linked to the enterprise library when the enterprise is in it. */
export function OccupantsTab({ building, onChanged }: { building: BuildingDetail; onChanged(): void }) {
  const m = useT();
  const t = m.buildings.occupants;
  const [movingOut, setMovingOut] = useState<Occupant | null>(null);
  const [showPast, setShowPast] = useState(false);
  const rows = building.occupants.filter((o) => showPast || !o.movedOutOn);
  return (
    <EditableListTab<Occupant>
      rows={rows}
      pageSize={20}
      texts={t}
      toolbar={
        <Checkbox checked={showPast} onChange={(e) => setShowPast(e.target.checked)}>
          {t.showPast}
        </Checkbox>
      }
      columns={[
        {
          title: t.name,
          dataIndex: 'enterpriseName',
          render: (v: string, o) =>
            o.enterpriseId ? (
              <Link to={buildingPages.staffEnterprise(o.enterpriseId)}>
                <LinkOutlined aria-label={t.linked} /> {v}
              </Link>
            ) : (
              v
            ),
        },
        {
          title: t.floor,
          key: 'where',
          render: (_, o) =>
            [o.floor !== null ? m.buildings.fmt.floor(o.floor) : null, o.unit].filter(Boolean).join(' ') ||
            m.buildings.fmt.none,
        },
        {
          title: t.area,
          dataIndex: 'area',
          render: (v: number | null) => (v !== null ? formatArea(v) : m.buildings.fmt.none),
        },
        {
          title: t.movedInOn,
          dataIndex: 'movedInOn',
          render: (v: string | null) => v ?? m.buildings.fmt.none,
        },
        {
          title: t.movedOutOn,
          dataIndex: 'movedOutOn',
          render: (v: string | null) => (v ? <Tag>{v}</Tag> : m.buildings.fmt.none),
        },
      ]}
      canEdit={(o) => !o.movedOutOn}
      rowActions={(o) => (
        <Button type="link" size="small" icon={<ExportOutlined />} onClick={() => setMovingOut(o)}>
          {t.moveOut}
        </Button>
      )}
      editor={(p) => <OccupantModal building={building} {...p} />}
      onChanged={onChanged}
    >
      {movingOut ? (
        <MoveOutModal
          occupant={movingOut}
          onClose={() => setMovingOut(null)}
          onSaved={() => {
            setMovingOut(null);
            onChanged();
          }}
        />
      ) : null}
    </EditableListTab>
  );
}

/** Search the enterprise library by name (GET /enterprises?q=), as the editor types. */
function EnterprisePicker({
  value,
  initialLabel,
  onChange,
  onPick,
}: {
  value?: string | null;
  initialLabel: string | null;
  onChange?(v: string | null): void;
  onPick(name: string | null): void;
}) {
  const m = useT();
  const t = m.buildings.occupants;
  const [q, setQ] = useState('');
  const found = useApi<Page<{ id: string; name: string; uscc: string }>>(
    q.trim().length >= 2 ? buildingApi.enterprises : null,
    {
      q: q.trim(),
      pageSize: 10,
    },
  );
  const options = (found.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  if (value && initialLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: initialLabel });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      placeholder={t.enterprisePlaceholder}
      loading={found.loading}
      options={options}
      notFoundContent={null}
      onChange={(v, opt) => {
        onChange?.(v ?? null);
        const label = Array.isArray(opt) ? undefined : (opt?.label as string | undefined);
        onPick(v ? (label ?? null) : null);
      }}
    />
  );
}

function OccupantModal({ building, ...dialog }: EditorProps<Occupant> & { building: BuildingDetail }) {
  const m = useT();
  const t = m.buildings.occupants;
  const [form] = Form.useForm<Values>();
  const occupant = dialog.record;
  return (
    <RecordModal
      form={form}
      texts={t}
      create={buildingApi.occupants(building.id)}
      update={(o) => buildingApi.occupant(o.id)}
      toBody={(v): OccupantInput => ({
        enterpriseId: v.enterpriseId ?? null,
        enterpriseName: v.enterpriseName.trim(),
        spaceId: v.spaceId ?? null,
        floor: v.floor ?? null,
        unit: v.unit?.trim() || null,
        area: v.area ?? null,
        movedInOn: v.movedInOn ? v.movedInOn.format('YYYY-MM-DD') : null,
        verified: v.verified,
      })}
      initialValues={
        occupant
          ? {
              enterpriseId: occupant.enterpriseId,
              enterpriseName: occupant.enterpriseName,
              spaceId: occupant.spaceId,
              floor: occupant.floor,
              unit: occupant.unit ?? '',
              area: occupant.area,
              movedInOn: occupant.movedInOn ? dayjs(occupant.movedInOn) : null,
              verified: true,
            }
          : { verified: true }
      }
      {...dialog}
    >
      <Form.Item name="enterpriseId" label={t.enterprise} extra={t.enterpriseHint}>
        <EnterprisePicker
          initialLabel={occupant?.enterpriseName ?? null}
          onPick={(name) => {
            if (name) form.setFieldValue('enterpriseName', name);
          }}
        />
      </Form.Item>
      <Form.Item
        name="enterpriseName"
        label={t.name}
        rules={[{ required: true, whitespace: true, message: m.buildings.editor.required(t.name) }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="spaceId" label={m.buildings.viewing.space}>
            <Select<string>
              allowClear
              options={building.spaces.map((s) => ({
                value: s.id,
                label: `${m.buildings.fmt.floor(s.floor)} ${s.unit}`,
              }))}
              onChange={(id) => {
                const s = building.spaces.find((x) => x.id === id);
                if (s) form.setFieldsValue({ floor: s.floor, unit: s.unit, area: s.area });
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="floor" label={t.floor}>
            <InputNumber<number> className="qifu-full-width" precision={0} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="unit" label={t.unit}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="area" label={t.area}>
            <InputNumber<number> className="qifu-full-width" min={1} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="movedInOn" label={t.movedInOn}>
            <DatePicker className="qifu-full-width" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="verified" valuePropName="checked">
        <Checkbox>{m.buildings.editor.verified}</Checkbox>
      </Form.Item>
    </RecordModal>
  );
}

function MoveOutModal({
  occupant,
  onClose,
  onSaved,
}: {
  occupant: Occupant;
  onClose(): void;
  onSaved(): void;
}) {
  const m = useT();
  const t = m.buildings.occupants;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ movedOutOn: Dayjs }>();
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: { movedOutOn: Dayjs }) => {
    await api.post(buildingApi.occupantMoveOut(occupant.id), {
      movedOutOn: v.movedOutOn.format('YYYY-MM-DD'),
    });
    message.success(t.movedOut);
    onSaved();
  });
  return (
    <FormModal
      title={t.moveOutTitle(occupant.enterpriseName)}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={onClose}
      okText={t.moveOut}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ movedOutOn: dayjs() }}>
        <Form.Item
          name="movedOutOn"
          label={t.movedOutOn}
          rules={[{ required: true, message: m.buildings.editor.required(t.movedOutOn) }]}
        >
          <DatePicker className="qifu-full-width" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
