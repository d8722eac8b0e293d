import { Checkbox, Empty, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { EnterpriseProfile, IpKind, ProfileField } from '../../../../shared/enterprises';
import { api } from '../../../app/api';
import { useT } from '../../../app/prefs';
import type { Messages } from '../../../locales/zh-CN';
import { SaveAlerts } from './SaveAlerts';
import { useProfileSaver } from './saver';

const FIELDS: ProfileField[] = [
  'name',
  'legalRepresentative',
  'registeredCapital',
  'establishedOn',
  'registeredAddress',
  'streetCode',
  'industryCode',
  'employees',
  'insuredEmployees',
  'building',
  'unit',
];
const METRICS = ['revenue', 'taxPaid', 'rdSpending', 'exports', 'totalAssets'] as const;
const IP: IpKind[] = ['invention', 'utility_model', 'design', 'software_copyright', 'trademark'];

interface Candidate {
  key: string;
  label: string;
}

/** The values that hold data and are not yet staff-verified: what 部门核验 can be applied to. */
export function verifiableFields(p: EnterpriseProfile, m: Messages): Candidate[] {
  const out: Candidate[] = [];
  const notVerified = (key: string) => p.provenance[key]?.source !== 'staff';
  const scalar: Partial<Record<ProfileField, string | number | null>> = {
    name: p.name,
    legalRepresentative: p.legalRepresentative,
    registeredCapital: p.registeredCapital,
    establishedOn: p.establishedOn,
    registeredAddress: p.registeredAddress,
    streetCode: p.street?.name ?? null,
    industryCode: p.industry ? `${p.industry.code} ${p.industry.name}` : null,
    employees: p.employees,
    insuredEmployees: p.insuredEmployees,
    building: p.building,
    unit: p.unit,
  };
  for (const f of FIELDS) {
    const v = scalar[f];
    if (v !== null && v !== undefined && notVerified(f))
      out.push({ key: f, label: m.common.labelled(m.enterprise.fields[f], v) });
  }
  for (const y of p.yearly) {
    for (const metric of METRICS) {
      const key = `yearly.${y.year}.${metric}`;
      if (y[metric] !== null && notVerified(key)) {
        out.push({
          key,
          label: m.common.labelled(
            m.enterprise.yearMetric(y.year, m.enterprise.metrics[metric]),
            `${y[metric]} ${m.enterprise.wan}`,
          ),
        });
      }
    }
  }
  for (const k of IP) {
    const key = `ip.${k}`;
    if (p.ip[k] !== null && notVerified(key))
      out.push({ key, label: m.common.labelled(m.enterprise.ipKinds[k], p.ip[k] ?? '') });
  }
  for (const q of p.qualifications) {
    if (q.provenance.source !== 'staff')
      out.push({ key: `qualifications.${q.id}`, label: `${q.kindName}${m.common.paren(q.recognizedOn)}` });
  }
  return out;
}

/** 部门核验: staff confirm values against official records; the values stay, their provenance becomes 部门核验. */
export function VerifyModal({
  profile,
  onChange,
  onClose,
}: {
  profile: EnterpriseProfile;
  onChange(p: EnterpriseProfile): void;
  onClose(): void;
}) {
  const m = useT();
  const candidates = verifiableFields(profile, m);
  const [selected, setSelected] = useState<string[]>([]);
  const { saving, failure, save } = useProfileSaver((p) => {
    onChange(p);
    onClose();
  });
  return (
    <Modal
      open
      width={640}
      title={m.enterprise.verifyTitle}
      okText={m.enterprise.verifySubmit(selected.length)}
      cancelText={m.common.cancel}
      okButtonProps={{ disabled: selected.length === 0 }}
      confirmLoading={saving}
      onOk={() =>
        save(null, () =>
          api.post<EnterpriseProfile>(`/enterprises/${encodeURIComponent(profile.id)}/verify`, {
            fields: selected,
          }),
        )
      }
      onCancel={onClose}
      destroyOnHidden
    >
      <SaveAlerts failure={failure} stale={false} onReload={onClose} />
      <Typography.Paragraph type="secondary">{m.enterprise.verifyIntro}</Typography.Paragraph>
      {candidates.length === 0 ? (
        <Empty description={m.enterprise.nothingToVerify} />
      ) : (
        <>
          <Checkbox
            indeterminate={selected.length > 0 && selected.length < candidates.length}
            checked={selected.length === candidates.length}
            onChange={(e) => setSelected(e.target.checked ? candidates.map((c) => c.key) : [])}
            className="qifu-block"
          >
            {m.enterprise.selectAll}
          </Checkbox>
          <Checkbox.Group
            className="qifu-checkbox-column"
            value={selected}
            onChange={(v) => setSelected(v as string[])}
            options={candidates.map((c) => ({ value: c.key, label: c.label }))}
          />
        </>
      )}
    </Modal>
  );
}
