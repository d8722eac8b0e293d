import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Calendar,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Row,
  Segmented,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ApiError, api } from '../../app/api';
import { LoadError, PageHeader } from '../../app/components';
import { type DayEntry, foldRuns, todayInShanghai } from '../../app/dates';
import { useDescribeError } from '../../app/errors';
import { applyApiError } from '../../app/form-errors';
import { useT } from '../../app/prefs';
import { useApi } from '../../app/useApi';
import { expandHolidayRanges, placeCalendarProblems, yearFormField } from './calendar-form';

export interface CalendarYear {
  year: number;
  source: string;
  holidays: DayEntry[];
  makeupWorkdays: DayEntry[];
}

/** 工作日历: the official holidays and 调休 make-up working days per year, and the yearly entry of a new year. */
export function CalendarPage() {
  const m = useT();
  const list = useApi<{ items: CalendarYear[] }>('/calendar/years');
  const [adding, setAdding] = useState(false);
  const years = useMemo(() => [...(list.data?.items ?? [])].sort((a, b) => a.year - b.year), [list.data]);

  return (
    <div>
      <PageHeader
        title={m.calendar.title}
        intro={m.calendar.intro}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            disabled={!list.data}
          >
            {m.calendar.addYear}
          </Button>
        }
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Skeleton active />
      ) : years.length === 0 ? (
        <Empty description={m.calendar.empty} />
      ) : (
        <YearView years={years} />
      )}
      {adding ? (
        <AddYearModal
          suggestedYear={(years[years.length - 1]?.year ?? Number(todayInShanghai().slice(0, 4))) + 1}
          onClose={(saved) => {
            setAdding(false);
            if (saved) list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function YearView({ years }: { years: CalendarYear[] }) {
  const m = useT();
  const screens = Grid.useBreakpoint();
  const today = todayInShanghai();
  const thisYear = Number(today.slice(0, 4));
  const initialYear = years.some((y) => y.year === thisYear) ? thisYear : years[years.length - 1]!.year;
  const [value, setValue] = useState<Dayjs>(() =>
    initialYear === thisYear ? dayjs(today) : dayjs(`${initialYear}-01-01`),
  );
  const year = years.find((y) => y.year === value.year()) ?? years[years.length - 1]!;
  const days = useMemo(() => {
    const map = new Map<string, { kind: 'holiday' | 'workday'; name: string }>();
    for (const y of years) {
      for (const d of y.holidays) map.set(d.date, { kind: 'holiday', name: d.name });
      for (const d of y.makeupWorkdays) map.set(d.date, { kind: 'workday', name: d.name });
    }
    return map;
  }, [years]);
  const first = years[0]!.year;
  const last = years[years.length - 1]!.year;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card>
          <Flex justify="space-between" align="center" wrap gap={12} className="qifu-block">
            <Segmented<number>
              value={year.year}
              options={years.map((y) => ({ value: y.year, label: m.calendar.yearLabel(y.year) }))}
              onChange={(y) => setValue(dayjs(`${y}-01-01`))}
              aria-label={m.calendar.chooseYear}
            />
            <Flex gap={16} wrap className="qifu-legend">
              <span className="qifu-day-mark is-holiday">
                <span className="qifu-day-badge" aria-hidden="true">
                  {m.calendar.rest}
                </span>
                <span>{m.calendar.legendHoliday}</span>
              </span>
              <span className="qifu-day-mark is-workday">
                <span className="qifu-day-badge" aria-hidden="true">
                  {m.calendar.work}
                </span>
                <span>{m.calendar.legendMakeup}</span>
              </span>
            </Flex>
          </Flex>
          <Calendar
            value={value}
            onChange={setValue}
            fullscreen={screens.md ?? true}
            validRange={[dayjs(`${first}-01-01`), dayjs(`${last}-12-31`)]}
            className="qifu-calendar"
            cellRender={(date, info) => {
              if (info.type !== 'date') return info.originNode;
              const hit = days.get(date.format('YYYY-MM-DD'));
              if (!hit) return null;
              return (
                <span className={`qifu-day-mark is-${hit.kind}`} title={hit.name}>
                  <span className="qifu-day-badge">
                    {hit.kind === 'holiday' ? m.calendar.rest : m.calendar.work}
                  </span>
                  <span className="qifu-day-name">{hit.name}</span>
                </span>
              );
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <YearSummary year={year} />
      </Col>
    </Row>
  );
}

function YearSummary({ year }: { year: CalendarYear }) {
  const m = useT();
  const runs = foldRuns(year.holidays);
  return (
    <Card title={m.calendar.summaryTitle(year.year)}>
      <Typography.Paragraph type="secondary">
        {m.common.labelled(m.calendar.source, year.source)}
      </Typography.Paragraph>
      <Typography.Title level={5}>{m.calendar.holidays}</Typography.Title>
      <ul className="qifu-plain-list">
        {runs.map((r) => (
          <li key={r.from}>
            <strong>{r.name}</strong> {r.from === r.to ? r.from : `${r.from} — ${r.to}`}{' '}
            <Typography.Text type="secondary">{m.calendar.days(r.count)}</Typography.Text>
          </li>
        ))}
      </ul>
      <Typography.Title level={5}>{m.calendar.makeupDays}</Typography.Title>
      {year.makeupWorkdays.length === 0 ? (
        <Typography.Text type="secondary">{m.calendar.noMakeup}</Typography.Text>
      ) : (
        <ul className="qifu-plain-list">
          {[...year.makeupWorkdays]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((d) => (
              <li key={d.date}>
                {d.date}
                {m.calendar.weekday(dayjs(d.date).format('dddd'))}
                <Typography.Text type="secondary">{d.name}</Typography.Text>
              </li>
            ))}
        </ul>
      )}
    </Card>
  );
}

interface AddYearForm {
  year: number;
  source: string;
  holidays: { name: string; range: [Dayjs, Dayjs] | null }[];
  makeupWorkdays: { name: string; date: Dayjs | null }[];
}

function AddYearModal({ suggestedYear, onClose }: { suggestedYear: number; onClose(saved: boolean): void }) {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddYearForm>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (v: AddYearForm) => {
    setSaving(true);
    setProblems([]);
    const { days, rowOfDay } = expandHolidayRanges(
      (v.holidays ?? []).map((r) => ({
        name: r?.name ?? '',
        from: r?.range?.[0]?.format('YYYY-MM-DD') ?? null,
        to: r?.range?.[1]?.format('YYYY-MM-DD') ?? null,
      })),
    );
    const body = {
      year: v.year,
      source: v.source?.trim() ?? '',
      holidays: days,
      makeupWorkdays: (v.makeupWorkdays ?? [])
        .filter((r) => r?.date)
        .map((r) => ({ date: r.date!.format('YYYY-MM-DD'), name: r.name?.trim() ?? '' })),
    };
    const mapField = (field: string) => yearFormField(field, rowOfDay);
    try {
      await api.post('/calendar/years', body);
      message.success(m.calendar.added(v.year));
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CALENDAR_YEAR_EXISTS') {
        form.setFields([{ name: 'year', errors: [describe(e)] }]);
      } else if (e instanceof ApiError && e.code === 'INVALID_CALENDAR') {
        const list = (e.details as { problems?: unknown } | undefined)?.problems;
        const all = Array.isArray(list) ? list.map(String) : [describe(e)];
        const { placed, unplaced } = placeCalendarProblems(
          all,
          days,
          rowOfDay,
          (v.makeupWorkdays ?? []).map((r) => r?.date?.format('YYYY-MM-DD') ?? null),
        );
        if (placed.length > 0) form.setFields(placed as Parameters<typeof form.setFields>[0]);
        setProblems(unplaced.length > 0 ? unplaced : placed.length > 0 ? [m.calendar.problemsBeside] : all);
      } else {
        const rest = applyApiError(form, e, describe, mapField);
        if (rest) setProblems([rest]);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={m.calendar.addYear}
      okText={m.common.save}
      cancelText={m.common.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{m.calendar.addIntro}</Typography.Paragraph>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="qifu-form-alert"
          title={m.calendar.problemsTitle}
          description={
            <ul className="qifu-plain-list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form<AddYearForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          year: suggestedYear,
          holidays: [{ name: m.calendar.firstHolidayName, range: null }],
          makeupWorkdays: [],
        }}
      >
        <Form.Item
          name="year"
          label={m.calendar.year}
          rules={[{ required: true, message: m.calendar.yearRequired }]}
        >
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="source"
          label={m.calendar.source}
          extra={m.calendar.sourceHint}
          rules={[{ required: true, whitespace: true, message: m.calendar.sourceRequired }]}
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Typography.Title level={5}>{m.calendar.holidays}</Typography.Title>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap className="qifu-list-row">
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: m.calendar.nameRequired }]}
                  >
                    <Input placeholder={m.calendar.holidayName} aria-label={m.calendar.holidayName} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'range']}
                    rules={[{ required: true, message: m.calendar.rangeRequired }]}
                  >
                    <DatePicker.RangePicker aria-label={m.calendar.holidayRange} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={m.common.remove}
                    onClick={() => remove(field.name)}
                    disabled={fields.length <= 1}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', range: null })}
                className="qifu-block"
              >
                {m.calendar.addHoliday}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{m.calendar.makeupDays}</Typography.Title>
        <Form.List name="makeupWorkdays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap className="qifu-list-row">
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: m.calendar.nameRequired }]}
                  >
                    <Input placeholder={m.calendar.makeupName} aria-label={m.calendar.makeupName} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'date']}
                    rules={[{ required: true, message: m.calendar.dateRequired }]}
                  >
                    <DatePicker aria-label={m.calendar.makeupDate} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={m.common.remove}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', date: null })}>
                {m.calendar.addMakeup}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
