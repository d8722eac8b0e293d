import {
  Space as AntSpace,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  DECORATIONS,
  type Decoration,
  monthlyRent,
  RENT_UNITS,
  type RentUnit,
  SPACE_STATUSES,
  type SpaceStatus,
} from '../../../../shared/buildings';
import { useT } from '../../../app/prefs';
import { RentBoth } from '../components/Rent';
import { SpaceStatusTag } from '../components/tags';
import { formatArea, formatRent, rentIn } from '../format';
import { buildingApi } from '../paths';
import type { BuildingDetail, Space, SpaceInput } from '../types';
import { EditableListTab, type EditorProps, RecordModal } from './EditableListTab';

interface Values {
  floor: number;
  unit: string;
  area: number;
  rentAmount?: number | null;
  rentUnit: RentUnit;
  status: SpaceStatus;
  decoration?: Decoration | null;
  availableFrom?: Dayjs | null;
  description?: string;
  verified: boolean;
}

/** 房源: every space of the building (leased too), with the rent entered in the unit the landlord quoted. */
export function SpacesTab({ building, onChanged }: { building: BuildingDetail; onChanged(): void }) {
  const m = useT();
  const t = m.buildings.spaces;
  return (
    <EditableListTab<Space>
      rows={building.spaces}
      pageSize={20}
      texts={t}
      columns={[
        {
          title: t.floor,
          dataIndex: 'floor',
          sorter: (a, b) => a.floor - b.floor,
          render: (v: number) => m.buildings.fmt.floor(v),
        },
        { title: t.unit, dataIndex: 'unit' },
        {
          title: t.area,
          dataIndex: 'area',
          sorter: (a, b) => a.area - b.area,
          render: (v: number) => formatArea(v),
        },
        {
          title: t.rentAmount,
          key: 'rent',
          render: (_, s) =>
            s.rentAmount !== null && s.rentUnit
              ? `${formatRent(s.rentAmount, s.rentUnit)} ${m.buildings.rentUnits[s.rentUnit]}`
              : m.buildings.fmt.none,
        },
        {
          title: t.rentMonthly,
          key: 'monthly',
          render: (_, s) => <RentBoth min={s.rentMonthly} max={s.rentMonthly} />,
        },
        {
          title: t.status,
          dataIndex: 'status',
          filters: SPACE_STATUSES.map((st) => ({ text: m.buildings.spaceStatuses[st], value: st })),
          onFilter: (v, s) => s.status === v,
          render: (v: SpaceStatus) => <SpaceStatusTag status={v} />,
        },
        {
          title: t.decoration,
          dataIndex: 'decoration',
          render: (v: string | null) =>
            v ? (m.buildings.decorations[v as Decoration] ?? v) : m.buildings.fmt.none,
        },
        {
          title: t.availableFrom,
          dataIndex: 'availableFrom',
          render: (v: string | null) => v ?? m.buildings.fmt.none,
        },
      ]}
      remove={{
        path: (s) => buildingApi.space(s.id),
        question: (s) => t.deleteConfirm(`${m.buildings.fmt.floor(s.floor)} ${s.unit}`),
        done: t.deleted,
      }}
      editor={(p) => <SpaceModal buildingId={building.id} {...p} />}
      onChanged={onChanged}
    />
  );
}

function SpaceModal({ buildingId, ...dialog }: EditorProps<Space> & { buildingId: string }) {
  const m = useT();
  const t = m.buildings.spaces;
  const [form] = Form.useForm<Values>();
  const amount = Form.useWatch('rentAmount', form);
  const unit = Form.useWatch('rentUnit', form);
  const space = dialog.record;
  const converted =
    typeof amount === 'number' && amount > 0 && unit
      ? (() => {
          const monthly = monthlyRent(amount, unit);
          const other: RentUnit = unit === 'yuan_per_sqm_day' ? 'yuan_per_sqm_month' : 'yuan_per_sqm_day';
          return `${formatRent(rentIn(monthly, other), other)} ${m.buildings.rentUnits[other]}`;
        })()
      : null;
  return (
    <RecordModal
      form={form}
      texts={t}
      create={buildingApi.spaces(buildingId)}
      update={(s) => buildingApi.space(s.id)}
      toBody={(v): SpaceInput => ({
        floor: v.floor,
        unit: v.unit.trim(),
        area: v.area,
        rentAmount: v.rentAmount ?? null,
        rentUnit: v.rentAmount !== null && v.rentAmount !== undefined ? v.rentUnit : null,
        status: v.status,
        decoration: v.decoration ?? null,
        availableFrom: v.availableFrom ? v.availableFrom.format('YYYY-MM-DD') : null,
        description: v.description?.trim() ?? '',
        verified: v.verified,
      })}
      initialValues={
        space
          ? {
              floor: space.floor,
              unit: space.unit,
              area: space.area,
              rentAmount: space.rentAmount,
              rentUnit: space.rentUnit ?? 'yuan_per_sqm_day',
              status: space.status,
              decoration: (space.decoration as Decoration | null) ?? null,
              availableFrom: space.availableFrom ? dayjs(space.availableFrom) : null,
              description: space.description,
              verified: true,
            }
          : { rentUnit: 'yuan_per_sqm_day', status: 'vacant', verified: true }
      }
      {...dialog}
    >
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item
            name="floor"
            label={t.floor}
            extra={t.floorHint}
            rules={[{ required: true, message: m.buildings.editor.required(t.floor) }]}
          >
            <InputNumber<number> className="qifu-full-width" precision={0} min={-20} max={200} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item
            name="unit"
            label={t.unit}
            rules={[{ required: true, whitespace: true, message: m.buildings.editor.required(t.unit) }]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="area"
            label={t.area}
            rules={[{ required: true, message: m.buildings.editor.required(t.area) }]}
          >
            <InputNumber<number> className="qifu-full-width" min={1} max={2_000_000} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t.rentAmount} extra={converted ? m.buildings.fmt.approx(converted) : undefined}>
            <AntSpace.Compact className="qifu-full-width">
              <Form.Item name="rentAmount" noStyle>
                <InputNumber<number>
                  className="qifu-full-width"
                  min={0}
                  step={0.1}
                  aria-label={t.rentAmount}
                />
              </Form.Item>
              <Form.Item name="rentUnit" noStyle>
                <Select<RentUnit>
                  aria-label={t.rentUnit}
                  className="qifu-bld-unit-select"
                  options={RENT_UNITS.map((u) => ({ value: u, label: m.buildings.rentUnits[u] }))}
                />
              </Form.Item>
            </AntSpace.Compact>
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="status" label={t.status}>
            <Select<string>
              options={SPACE_STATUSES.map((s) => ({ value: s, label: m.buildings.spaceStatuses[s] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="decoration" label={t.decoration}>
            <Select<string>
              allowClear
              options={DECORATIONS.map((d) => ({ value: d, label: m.buildings.decorations[d] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="availableFrom" label={t.availableFrom}>
            <DatePicker className="qifu-full-width" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label={t.description}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="verified" valuePropName="checked" noStyle>
        <Checkbox>{m.buildings.editor.verified}</Checkbox>
      </Form.Item>
      <Typography.Paragraph />
    </RecordModal>
  );
}
