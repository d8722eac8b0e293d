import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import type { EnterpriseProfile, YearlyFigures } from '../../../../shared/enterprises';
import { api } from '../../../app/api';
import { todayInShanghai } from '../../../app/dates';
import { toNamePath } from '../../../app/form-errors';
import { useT } from '../../../app/prefs';
import { ProfileEditModal } from './ProfileEditModal';
import { ProvenanceTag } from './ProvenanceTag';
import { SectionBar } from './SectionBar';
import { type ProfileEditorProps, type ProfileSectionProps, useProfileEditor } from './saver';

const METRICS = ['revenue', 'taxPaid', 'rdSpending', 'exports', 'totalAssets'] as const;
type Metric = (typeof METRICS)[number];

/** 年度数据 in 万元; an empty cell is unknown (never zero), each known figure with its provenance. */
export function YearlySection({ profile, onChange, reload }: ProfileSectionProps) {
  const m = useT();
  const [editing, setEditing] = useState<YearlyFigures | 'new' | null>(null);
  const figure = (row: YearlyFigures, metric: Metric) => {
    const v = row[metric];
    if (v === null) return <Typography.Text type="secondary">{m.enterprise.unknown}</Typography.Text>;
    return (
      <Flex vertical gap={2} align="end">
        <span className="qifu-number">{v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}</span>
        <ProvenanceTag compact provenance={profile.provenance[`yearly.${row.year}.${metric}`]} />
      </Flex>
    );
  };
  return (
    <Flex vertical gap={12}>
      <SectionBar
        intro={m.enterprise.yearlyIntro}
        action={
          profile.permissions.edit ? (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {m.enterprise.addYear}
            </Button>
          ) : null
        }
      />
      <Table<YearlyFigures>
        rowKey="year"
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={profile.yearly}
        locale={{ emptyText: m.enterprise.noYearly }}
        columns={[
          { title: m.enterprise.year, dataIndex: 'year', fixed: 'left' },
          ...METRICS.map((metric) => ({
            title: `${m.enterprise.metrics[metric]}${m.common.paren(m.enterprise.wan)}`,
            key: metric,
            align: 'right' as const,
            render: (_: unknown, row: YearlyFigures) => figure(row, metric),
          })),
          ...(profile.permissions.edit
            ? [
                {
                  title: m.common.actions,
                  key: 'actions',
                  render: (_: unknown, row: YearlyFigures) => (
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={m.enterprise.editYear(row.year)}
                      onClick={() => setEditing(row)}
                    >
                      {m.common.edit}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <YearModal
          profile={profile}
          row={editing === 'new' ? null : editing}
          onChange={onChange}
          reload={reload}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}

type YearForm = { year: number } & Record<Metric, number | null>;

function YearModal({ profile, row, ...wiring }: ProfileEditorProps & { row: YearlyFigures | null }) {
  const m = useT();
  const [form] = Form.useForm<YearForm>();
  const editor = useProfileEditor(wiring);
  const lastYear = Number(todayInShanghai().slice(0, 4)) - 1;
  const suggested =
    row?.year ??
    Math.max(lastYear, ...profile.yearly.map((y) => y.year + 1).filter((y) => y <= lastYear + 1));

  const submit = (v: YearForm) => {
    const body: Record<string, unknown> = { version: profile.version };
    for (const metric of METRICS) body[metric] = v[metric] ?? null;
    return editor.save(
      form,
      () =>
        api.put<EnterpriseProfile>(`/enterprises/${encodeURIComponent(profile.id)}/yearly/${v.year}`, body),
      (field) => (field === 'params.year' ? ['year'] : toNamePath(field)),
    );
  };

  return (
    <ProfileEditModal
      editor={editor}
      form={form}
      title={row ? m.enterprise.editYear(row.year) : m.enterprise.addYear}
    >
      <Typography.Paragraph type="secondary">{m.enterprise.yearlyFormHint}</Typography.Paragraph>
      <Form<YearForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          year: suggested,
          revenue: row?.revenue ?? null,
          taxPaid: row?.taxPaid ?? null,
          rdSpending: row?.rdSpending ?? null,
          exports: row?.exports ?? null,
          totalAssets: row?.totalAssets ?? null,
        }}
      >
        <Form.Item
          name="year"
          label={m.enterprise.year}
          rules={[{ required: true, message: m.enterprise.yearRequired }]}
        >
          <InputNumber min={1990} max={lastYear + 1} precision={0} disabled={!!row} />
        </Form.Item>
        {METRICS.map((metric) => (
          <Form.Item key={metric} name={metric} label={m.enterprise.metrics[metric]}>
            <InputNumber
              min={0}
              className="qifu-full-width"
              suffix={m.enterprise.wan}
              placeholder={m.enterprise.unknown}
            />
          </Form.Item>
        ))}
      </Form>
    </ProfileEditModal>
  );
}
