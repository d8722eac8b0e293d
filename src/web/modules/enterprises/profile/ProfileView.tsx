import {
  CheckCircleOutlined,
  EditOutlined,
  InfoCircleOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Tabs,
  type TabsProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { EnterpriseProfile, ProfileField } from '../../../../shared/enterprises';
import { formatShanghai, formatWan } from '../../../../shared/format';
import { useT } from '../../../app/prefs';
import { BasicInfoModal } from './BasicInfoModal';
import { IpSection } from './IpSection';
import { LiaisonControl } from './LiaisonControl';
import { ProvenanceTag } from './ProvenanceTag';
import { QualificationsSection } from './QualificationsSection';
import { VerifyModal } from './VerifyModal';
import { YearlySection } from './YearlySection';

export interface ProfileViewProps {
  profile: EnterpriseProfile;
  /** A write returned the new profile. */
  onChange(profile: EnterpriseProfile): void;
  /** Fetch the latest profile (after a version conflict). */
  reload(): void;
  /** Extra tabs (members in the enterprise center). */
  extraTabs?: TabsProps['items'];
}

/** 一企一档: the enterprise's whole record, every value with its provenance, editable where the caller may. */
export function ProfileView({ profile, onChange, reload, extraTabs = [] }: ProfileViewProps) {
  const m = useT();
  const [editing, setEditing] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const p = profile;
  const current = p.qualifications.filter((q) => q.current);
  const tabParam = useSearchParams()[0].get('tab');

  const tabs: TabsProps['items'] = [
    { key: 'basic', label: m.enterprise.tabs.basic, children: <BasicInfo profile={p} /> },
    {
      key: 'yearly',
      label: m.enterprise.tabs.yearly,
      children: <YearlySection profile={p} onChange={onChange} reload={reload} />,
    },
    {
      key: 'ip',
      label: m.enterprise.tabs.ip,
      children: <IpSection profile={p} onChange={onChange} reload={reload} />,
    },
    {
      key: 'qualifications',
      label: m.enterprise.tabs.qualifications,
      children: <QualificationsSection profile={p} onChange={onChange} reload={reload} />,
    },
    ...(extraTabs ?? []),
  ];

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div className="qifu-profile-head">
            <Typography.Title level={2} className="qifu-page-title">
              {p.name}
            </Typography.Title>
            <Typography.Text type="secondary">
              {m.common.labelled(m.enterprise.uscc, '')}
              <Typography.Text copyable className="qifu-code">
                {p.uscc}
              </Typography.Text>
            </Typography.Text>
            <Flex gap={6} wrap className="qifu-profile-tags">
              {p.size.label ? (
                <Tooltip title={p.size.basis} trigger={['hover', 'focus']}>
                  <Tag color="geekblue" tabIndex={0}>
                    {m.enterprise.sizeTag(p.size.label)}
                  </Tag>
                </Tooltip>
              ) : null}
              {current.map((q) => (
                <Tag key={q.id} color="gold">
                  {q.kindName}
                </Tag>
              ))}
              {p.tags.map((t) => (
                <Tag key={t}>{t}</Tag>
              ))}
            </Flex>
          </div>
          <Flex vertical gap={8} className="qifu-profile-actions">
            <Flex gap={8} wrap>
              {p.permissions.edit ? (
                <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {m.enterprise.editBasic}
                </Button>
              ) : null}
              {p.permissions.verify ? (
                <Button icon={<SafetyCertificateOutlined />} onClick={() => setVerifying(true)}>
                  {m.enterprise.verify}
                </Button>
              ) : null}
            </Flex>
            <Typography.Text type="secondary" className="qifu-small">
              {m.enterprise.updatedAt(formatShanghai(p.updatedAt), p.version)}
            </Typography.Text>
          </Flex>
        </Flex>
        {!p.permissions.edit ? (
          <Alert
            type="info"
            showIcon
            icon={<InfoCircleOutlined />}
            className="qifu-top-gap"
            title={m.enterprise.readOnly}
          />
        ) : null}
        {p.size.status !== 'decided' ? (
          <Alert
            type="warning"
            showIcon
            className="qifu-top-gap"
            title={m.enterprise.sizeUndetermined}
            description={p.size.basis}
          />
        ) : (
          <Typography.Paragraph type="secondary" className="qifu-top-gap qifu-small">
            <CheckCircleOutlined /> {p.size.basis}
          </Typography.Paragraph>
        )}
        <LiaisonControl profile={p} onChange={onChange} reload={reload} />
      </Card>
      <Card>
        {/* ?tab=yearly opens a section directly (links from 政策匹配's "facts to add"). */}
        <Tabs
          items={tabs}
          defaultActiveKey={tabs?.some((t) => t.key === tabParam) ? (tabParam ?? undefined) : undefined}
        />
      </Card>
      {editing ? (
        <BasicInfoModal profile={p} onChange={onChange} reload={reload} onClose={() => setEditing(false)} />
      ) : null}
      {verifying ? <VerifyModal profile={p} onChange={onChange} onClose={() => setVerifying(false)} /> : null}
    </Flex>
  );
}

/** One row of the basic information: the value, or 未填写, and its provenance tag. */
function Value({
  children,
  field,
  profile,
}: {
  children: ReactNode;
  field: ProfileField;
  profile: EnterpriseProfile;
}) {
  const m = useT();
  const empty = children === null || children === undefined || children === '';
  return (
    <Flex gap={8} wrap align="center">
      <span>
        {empty ? <Typography.Text type="secondary">{m.enterprise.notFilled}</Typography.Text> : children}
      </span>
      {empty ? null : <ProvenanceTag provenance={profile.provenance[field]} />}
    </Flex>
  );
}

function BasicInfo({ profile: p }: { profile: EnterpriseProfile }) {
  const m = useT();
  const f = m.enterprise.fields;
  const num = (v: number | null, unit: string) =>
    v === null ? null : `${v.toLocaleString('zh-CN')} ${unit}`;
  const items = [
    {
      key: 'name',
      label: f.name,
      children: (
        <Value field="name" profile={p}>
          {p.name}
        </Value>
      ),
    },
    {
      key: 'uscc',
      label: f.uscc,
      children: (
        <Value field="uscc" profile={p}>
          {p.uscc}
        </Value>
      ),
    },
    {
      key: 'legalRepresentative',
      label: f.legalRepresentative,
      children: (
        <Value field="legalRepresentative" profile={p}>
          {p.legalRepresentative}
        </Value>
      ),
    },
    {
      key: 'registeredCapital',
      label: f.registeredCapital,
      children: (
        <Value field="registeredCapital" profile={p}>
          {p.registeredCapital === null ? null : formatWan(p.registeredCapital)}
        </Value>
      ),
    },
    {
      key: 'establishedOn',
      label: f.establishedOn,
      children: (
        <Value field="establishedOn" profile={p}>
          {p.establishedOn}
        </Value>
      ),
    },
    {
      key: 'streetCode',
      label: f.streetCode,
      children: (
        <Value field="streetCode" profile={p}>
          {p.street?.name}
        </Value>
      ),
    },
    {
      key: 'industryCode',
      label: f.industryCode,
      children: (
        <Value field="industryCode" profile={p}>
          {p.industry
            ? `${p.industry.code} ${p.industry.name}${m.common.paren(`${p.industry.section} ${p.industry.sectionName}`)}`
            : null}
        </Value>
      ),
    },
    {
      key: 'employees',
      label: f.employees,
      children: (
        <Value field="employees" profile={p}>
          {num(p.employees, m.enterprise.people)}
        </Value>
      ),
    },
    {
      key: 'insuredEmployees',
      label: f.insuredEmployees,
      children: (
        <Value field="insuredEmployees" profile={p}>
          {num(p.insuredEmployees, m.enterprise.people)}
        </Value>
      ),
    },
    {
      key: 'registeredAddress',
      label: f.registeredAddress,
      span: 2,
      children: (
        <Value field="registeredAddress" profile={p}>
          {p.registeredAddress}
        </Value>
      ),
    },
    {
      key: 'building',
      label: f.building,
      children: (
        <Value field="building" profile={p}>
          {p.building}
        </Value>
      ),
    },
    {
      key: 'unit',
      label: f.unit,
      children: (
        <Value field="unit" profile={p}>
          {p.unit}
        </Value>
      ),
    },
    {
      key: 'tags',
      label: f.tags,
      span: 2,
      children: (
        <Value field="tags" profile={p}>
          {p.tags.length ? p.tags.join(m.common.listJoin) : null}
        </Value>
      ),
    },
  ];
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={items}
      styles={{ label: { whiteSpace: 'nowrap' } }}
    />
  );
}
