import { App, Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import type { StaffUser } from '../../../../shared/accounts';
import type { EnterpriseProfile } from '../../../../shared/enterprises';
import { api, type Page } from '../../../app/api';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';

/** 企业专员: who is the enterprise's first contact; an administrator may assign or clear him here. */
export function LiaisonControl({
  profile,
  onChange,
}: {
  profile: EnterpriseProfile;
  onChange(p: EnterpriseProfile): void;
  reload(): void;
}) {
  const m = useT();
  const liaison = profile.liaison;
  return (
    <Flex gap={12} wrap align="center" className="qifu-top-gap">
      <Typography.Text>
        {m.common.labelled(m.enterprise.liaison, '')}
        {liaison ? (
          <strong>
            {liaison.name}
            {liaison.phone ? (
              <>
                {' · '}
                <a href={`tel:${liaison.phone}`}>{liaison.phone}</a>
              </>
            ) : liaison.phoneMasked ? (
              ` · ${liaison.phoneMasked}`
            ) : (
              ''
            )}
          </strong>
        ) : (
          <Typography.Text type="secondary">{m.enterprise.noLiaison}</Typography.Text>
        )}
      </Typography.Text>
      {profile.permissions.assignLiaison ? <AssignLiaison profile={profile} onChange={onChange} /> : null}
    </Flex>
  );
}

function AssignLiaison({
  profile,
  onChange,
}: {
  profile: EnterpriseProfile;
  onChange(p: EnterpriseProfile): void;
}) {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const candidates = useApi<Page<StaffUser>>('/admin/users', {
    role: 'liaison',
    kind: 'staff',
    pageSize: 100,
  });
  const [value, setValue] = useState<string | null>(profile.liaison?.id ?? null);
  const [saving, setSaving] = useState(false);
  const changed = value !== (profile.liaison?.id ?? null);

  const saveLiaison = async () => {
    setSaving(true);
    try {
      onChange(
        await api.put<EnterpriseProfile>(`/enterprises/${encodeURIComponent(profile.id)}/liaison`, {
          userId: value,
        }),
      );
      message.success(m.common.saved);
    } catch (e) {
      message.error(describe(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex gap={8} wrap align="center">
      <Select<string | null>
        allowClear
        className="qifu-filter-select"
        aria-label={m.enterprise.assignLiaison}
        placeholder={m.enterprise.assignLiaison}
        loading={candidates.loading}
        value={value}
        onChange={(v) => setValue(v ?? null)}
        options={(candidates.data?.items ?? [])
          .filter((u) => u.status === 'active')
          .map((u) => ({
            value: u.id,
            label: `${u.displayName}${u.department ? m.common.paren(u.department.name) : ''}`,
          }))}
      />
      <Button onClick={saveLiaison} disabled={!changed} loading={saving}>
        {m.enterprise.saveLiaison}
      </Button>
    </Flex>
  );
}
