import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { APPEAL_TYPES } from '../../../../shared/appeals';
import { api } from '../../../app/api';
import { FormFailure, LoadError, PageHeader } from '../../../app/components';
import { useDescribeError } from '../../../app/errors';
import { FormModal } from '../../../app/FormModal';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { departmentOptions, useDepartments, useTopics } from './data';
import { groupByCategory } from './helpers';
import { appealApi } from './paths';
import type { AppealTopic, SlaSettingsInput } from './types';

/** /workbench/appeal-catalogue — 派单目录 (topics → lead department, SLA overrides) and the district SLA settings. */
export function CataloguePage() {
  const m = useT();
  const t = m.appealsStaff.catalogue;
  return (
    <div>
      <PageHeader title={t.title} intro={t.intro} />
      <Flex vertical gap={16}>
        <TopicsCard />
        <SlaSettingsCard />
      </Flex>
    </div>
  );
}

function TopicsCard() {
  const m = useT();
  const t = m.appealsStaff.catalogue;
  const { message } = App.useApp();
  const describe = useDescribeError();
  const topics = useTopics(true);
  const [editing, setEditing] = useState<AppealTopic | 'new' | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const rows = groupByCategory(topics.data?.items ?? []);
  const toggle = async (topic: AppealTopic, active: boolean) => {
    setToggling(topic.code);
    try {
      await api.patch(appealApi.topic(topic.code), { active });
      message.success(t.saved);
      topics.reload();
    } catch (e) {
      message.error(describe(e));
    } finally {
      setToggling(null);
    }
  };
  const slaText = (topic: AppealTopic) => {
    const parts = [
      topic.sla.acceptWorkdays ? `${t.acceptDays} ${topic.sla.acceptWorkdays}` : null,
      topic.sla.replyWorkdays ? `${t.replyDays} ${topic.sla.replyWorkdays}` : null,
      topic.sla.extensionWorkdays ? `${t.extensionDays} ${topic.sla.extensionWorkdays}` : null,
    ].filter(Boolean);
    return parts.length === 0 ? (
      <Typography.Text type="secondary">{t.inherit}</Typography.Text>
    ) : (
      parts.join(m.common.listJoin)
    );
  };
  return (
    <Card
      title={t.topics}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t.add}
        </Button>
      }
    >
      {topics.error ? <LoadError error={topics.error} onRetry={topics.reload} /> : null}
      <Table<AppealTopic & { span: number }>
        rowKey="code"
        size="small"
        loading={topics.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t.empty }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t.category,
            dataIndex: 'category',
            onCell: (r) => ({ rowSpan: r.span }),
            render: (v: string) => <strong>{v}</strong>,
          },
          {
            title: t.name,
            dataIndex: 'name',
            render: (v: string, r) => (
              <Flex vertical>
                <span>{v}</span>
                <Typography.Text type="secondary" className="qifu-small qifu-code">
                  {r.code}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t.leadDepartment, key: 'lead', render: (_, r) => r.leadDepartment.name },
          {
            title: t.keywords,
            dataIndex: 'keywords',
            render: (v: string[]) => (
              <div className="qifu-as-keywords">
                {v.slice(0, 6).map((k) => (
                  <Tag key={k}>{k}</Tag>
                ))}
                {v.length > 6 ? <Tag>{`+${v.length - 6}`}</Tag> : null}
              </div>
            ),
          },
          { title: t.slaOverride, key: 'sla', render: (_, r) => slaText(r) },
          {
            title: t.active,
            dataIndex: 'active',
            render: (v: boolean, r) => (
              <Switch
                checked={v}
                loading={toggling === r.code}
                aria-label={`${t.active} ${r.name}`}
                checkedChildren={t.activeOn}
                unCheckedChildren={t.activeOff}
                onChange={(on) => void toggle(r, on)}
              />
            ),
          },
          {
            title: m.common.actions,
            key: 'edit',
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                {m.common.edit}
              </Button>
            ),
          },
        ]}
      />
      {editing ? (
        <TopicModal
          topic={editing === 'new' ? null : editing}
          categories={[...new Set((topics.data?.items ?? []).map((x) => x.category))]}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            topics.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

interface TopicValues {
  code: string;
  name: string;
  category: string;
  description?: string;
  leadDepartmentId: string;
  keywords: string[];
  acceptWorkdays?: number | null;
  replyWorkdays?: number | null;
  extensionWorkdays?: number | null;
  sortOrder?: number;
  active: boolean;
}

function TopicModal({
  topic,
  categories,
  onClose,
  onSaved,
}: {
  topic: AppealTopic | null;
  categories: string[];
  onClose(): void;
  onSaved(): void;
}) {
  const m = useT();
  const t = m.appealsStaff.catalogue;
  const { message } = App.useApp();
  const deps = useDepartments();
  const [form] = Form.useForm<TopicValues>();
  const { onFinish, submitting, failure } = useFormSubmit(
    form,
    async (v: TopicValues) => {
      const sla: Record<string, number> = {};
      for (const k of ['acceptWorkdays', 'replyWorkdays', 'extensionWorkdays'] as const) {
        const n = v[k];
        if (typeof n === 'number') sla[k] = n;
      }
      const body = {
        name: v.name.trim(),
        category: v.category.trim(),
        description: (v.description ?? '').trim(),
        leadDepartmentId: v.leadDepartmentId,
        keywords: v.keywords.map((k) => k.trim()).filter(Boolean),
        sla,
        active: v.active,
        sortOrder: v.sortOrder ?? 0,
      };
      if (topic) await api.patch(appealApi.topic(topic.code), body);
      else await api.post(appealApi.topics, { code: v.code.trim(), ...body });
      message.success(t.saved);
      onSaved();
    },
    (field) => (field.startsWith('sla.') ? [field.slice(4)] : field.split('.')),
  );
  return (
    <FormModal
      title={topic ? t.editTitle(topic.name) : t.createTitle}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={onClose}
      width={640}
    >
      <Form<TopicValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          topic
            ? {
                code: topic.code,
                name: topic.name,
                category: topic.category,
                description: topic.description,
                leadDepartmentId: topic.leadDepartment.id,
                keywords: topic.keywords,
                acceptWorkdays: topic.sla.acceptWorkdays ?? null,
                replyWorkdays: topic.sla.replyWorkdays ?? null,
                extensionWorkdays: topic.sla.extensionWorkdays ?? null,
                sortOrder: topic.sortOrder,
                active: topic.active,
              }
            : { keywords: [], active: true, sortOrder: 0 }
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t.code}
              extra={topic ? undefined : t.codeHint}
              rules={[{ required: true, whitespace: true, message: t.codeRequired }]}
            >
              <Input disabled={!!topic} maxLength={32} className="qifu-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t.name}
              rules={[{ required: true, whitespace: true, message: t.nameRequired }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="category"
              label={t.category}
              rules={[{ required: true, whitespace: true, message: t.categoryRequired }]}
            >
              <AutoComplete
                options={categories.map((c) => ({ value: c }))}
                showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
                maxLength={50}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="leadDepartmentId"
              label={t.leadDepartment}
              rules={[{ required: true, message: t.leadRequired }]}
            >
              <Select<string>
                showSearch={{ optionFilterProp: 'label' }}
                loading={deps.loading}
                options={departmentOptions(deps.data?.items ?? [])}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t.description}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="keywords" label={t.keywords} extra={t.keywordsHint}>
          <Select<string[]>
            mode="tags"
            tokenSeparators={[',', '，', '、', ' ']}
            open={false}
            suffixIcon={null}
          />
        </Form.Item>
        <Typography.Text strong>{t.slaOverride}</Typography.Text>
        <Typography.Paragraph type="secondary" className="qifu-small">
          {t.inherit}
        </Typography.Paragraph>
        <Flex gap={12} wrap>
          {(['acceptWorkdays', 'replyWorkdays', 'extensionWorkdays'] as const).map((k) => (
            <Form.Item
              key={k}
              name={k}
              label={
                k === 'acceptWorkdays' ? t.acceptDays : k === 'replyWorkdays' ? t.replyDays : t.extensionDays
              }
            >
              <InputNumber
                min={1}
                max={60}
                precision={0}
                suffix={t.workdays}
                placeholder={t.inherit}
                className="qifu-as-number"
              />
            </Form.Item>
          ))}
        </Flex>
        <Flex gap={24} wrap>
          <Form.Item name="sortOrder" label={t.sortOrder}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={t.active} valuePropName="checked">
            <Switch checkedChildren={t.activeOn} unCheckedChildren={t.activeOff} />
          </Form.Item>
        </Flex>
      </Form>
    </FormModal>
  );
}

interface SettingsValues {
  acceptWorkdays: number;
  replyWorkdays: SlaSettingsInput['replyWorkdays'];
  extensionWorkdays: number;
  ratingWindowWorkdays: number;
  reopenWindowWorkdays: number;
  dueSoonMode: 'fraction' | 'workingHours';
  dueSoonPercent?: number;
  dueSoonHours?: number;
}

function SlaSettingsCard() {
  const m = useT();
  const t = m.appealsStaff.catalogue;
  const settings = useApi<SlaSettingsInput>(appealApi.slaSettings);
  return (
    <Card title={t.settings}>
      <Typography.Paragraph type="secondary">{t.settingsIntro}</Typography.Paragraph>
      {settings.error ? (
        <LoadError error={settings.error} onRetry={settings.reload} />
      ) : !settings.data ? (
        <Skeleton active />
      ) : (
        <SlaSettingsForm settings={settings.data} onSaved={settings.reload} />
      )}
    </Card>
  );
}

function SlaSettingsForm({ settings, onSaved }: { settings: SlaSettingsInput; onSaved(): void }) {
  const m = useT();
  const t = m.appealsStaff.catalogue;
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const mode = Form.useWatch('dueSoonMode', form);
  const { onFinish, submitting, failure } = useFormSubmit(
    form,
    async (v: SettingsValues) => {
      const body: SlaSettingsInput = {
        acceptWorkdays: v.acceptWorkdays,
        replyWorkdays: v.replyWorkdays,
        extensionWorkdays: v.extensionWorkdays,
        ratingWindowWorkdays: v.ratingWindowWorkdays,
        reopenWindowWorkdays: v.reopenWindowWorkdays,
        dueSoon:
          v.dueSoonMode === 'workingHours'
            ? { workingHours: v.dueSoonHours ?? 8 }
            : { fraction: Math.round(v.dueSoonPercent ?? 20) / 100 },
        openingMinute: settings.openingMinute,
        closingMinute: settings.closingMinute,
      };
      await api.put(appealApi.slaSettings, body);
      message.success(t.saved);
      onSaved();
    },
    (field) =>
      field.startsWith('dueSoon')
        ? [mode === 'workingHours' ? 'dueSoonHours' : 'dueSoonPercent']
        : field.split('.'),
  );
  const days = (name: string | (string | number)[], label: string, extra?: string) => (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[{ required: true, type: 'integer', min: 1, max: 60, message: t.required }]}
    >
      <InputNumber min={1} max={60} precision={0} suffix={t.workdays} className="qifu-as-number" />
    </Form.Item>
  );
  return (
    <Form<SettingsValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{
        acceptWorkdays: settings.acceptWorkdays,
        replyWorkdays: settings.replyWorkdays,
        extensionWorkdays: settings.extensionWorkdays,
        ratingWindowWorkdays: settings.ratingWindowWorkdays,
        reopenWindowWorkdays: settings.reopenWindowWorkdays,
        dueSoonMode: 'workingHours' in settings.dueSoon ? 'workingHours' : 'fraction',
        dueSoonPercent: 'fraction' in settings.dueSoon ? Math.round(settings.dueSoon.fraction * 100) : 20,
        dueSoonHours: 'workingHours' in settings.dueSoon ? settings.dueSoon.workingHours : 8,
      }}
    >
      <FormFailure failure={failure} />
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={8}>
          {days('acceptWorkdays', t.acceptWorkdays)}
        </Col>
        {APPEAL_TYPES.map((type) => (
          <Col xs={24} sm={12} lg={8} key={type}>
            {days(['replyWorkdays', type], t.replyWorkdays(m.appealsStaff.types[type]))}
          </Col>
        ))}
        <Col xs={24} sm={12} lg={8}>
          {days('extensionWorkdays', t.extensionWorkdays)}
        </Col>
        <Col xs={24} sm={12} lg={8}>
          {days('ratingWindowWorkdays', t.ratingWindow, t.ratingWindowHint)}
        </Col>
        <Col xs={24} sm={12} lg={8}>
          {days('reopenWindowWorkdays', t.reopenWindow, t.reopenWindowHint)}
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            label={t.dueSoonShare}
            extra={mode === 'workingHours' ? t.dueSoonHoursHint : t.dueSoonShareHint}
          >
            <Flex gap={8} wrap>
              <Form.Item name="dueSoonMode" noStyle>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'fraction', label: t.byShare },
                    { value: 'workingHours', label: t.byHours },
                  ]}
                />
              </Form.Item>
              {mode === 'workingHours' ? (
                <Form.Item
                  name="dueSoonHours"
                  noStyle
                  rules={[{ required: true, type: 'integer', min: 1, max: 100, message: t.hoursRequired }]}
                >
                  <InputNumber min={1} max={100} precision={0} suffix={t.hours} aria-label={t.dueSoonShare} />
                </Form.Item>
              ) : (
                <Form.Item
                  name="dueSoonPercent"
                  noStyle
                  rules={[{ required: true, type: 'integer', min: 1, max: 99, message: t.percentRequired }]}
                >
                  <InputNumber
                    min={1}
                    max={99}
                    precision={0}
                    suffix={t.percent}
                    aria-label={t.dueSoonShare}
                  />
                </Form.Item>
              )}
            </Flex>
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t.saveSettings}
      </Button>
    </Form>
  );
}
