import { PlusOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Department, StaffUser } from '../../../shared/accounts';
import { formatShanghai } from '../../../shared/format';
import { ROLES, type Role, STAFF_ROLES } from '../../../shared/roles';
import { api, type Page } from '../../app/api';
import { LoadError, PageHeader } from '../../app/components';
import { DangerConfirm } from '../../app/DangerConfirm';
import { useDescribeError } from '../../app/errors';
import { FormModal } from '../../app/FormModal';
import { MaskedValue } from '../../app/MaskedValue';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { usePaging } from '../../app/usePaging';
import { PasswordHints } from '../accounts/PasswordHints';
import { departmentOptions } from './department-tree';

interface Filters {
  search?: string | undefined;
  role?: Role | undefined;
  departmentId?: string | undefined;
  kind?: 'staff' | 'enterprise' | undefined;
}

/** 用户管理: every account, filtered; staff accounts created and edited here; locked accounts unlocked. */
export function UsersPage() {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const paging = usePaging();
  const list = useApi<Page<StaffUser>>('/admin/users', {
    ...filters,
    ...paging.query,
  });
  const deps = useApi<{ items: Department[] }>('/departments');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);

  const update = (patch: Partial<Filters>) => {
    paging.reset();
    setFilters((f) => ({ ...f, ...patch }));
  };

  const unlock = async (u: StaffUser) => {
    try {
      await api.post(`/admin/users/${encodeURIComponent(u.id)}/unlock`);
      message.success(m.users.unlocked(u.displayName));
      list.reload();
    } catch (e) {
      message.error(describe(e));
    }
  };

  // 重置两步验证: for a lost phone; the server ends the user's sessions and audits it.
  const resetTotp = async (u: StaffUser) => {
    try {
      await api.delete(`/admin/users/${encodeURIComponent(u.id)}/totp`);
      message.success(m.users.totpReset(u.displayName));
      list.reload();
    } catch (e) {
      message.error(describe(e));
    }
  };

  const depOptions = departmentOptions(deps.data?.items ?? []);

  return (
    <div>
      <PageHeader
        title={m.users.title}
        intro={m.users.intro}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {m.users.create}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap className="qifu-filters">
          <Input.Search
            allowClear
            placeholder={m.users.searchPlaceholder}
            aria-label={m.users.searchPlaceholder}
            onSearch={(v) => update({ search: v.trim() || undefined })}
            className="qifu-filter-search"
          />
          <Select<Role>
            allowClear
            placeholder={m.users.filterRole}
            aria-label={m.users.filterRole}
            options={ROLES.map((r) => ({ value: r, label: m.roles[r] }))}
            onChange={(v) => update({ role: v })}
            className="qifu-filter-select"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={m.users.filterDepartment}
            aria-label={m.users.filterDepartment}
            options={depOptions}
            onChange={(v) => update({ departmentId: v })}
            className="qifu-filter-select"
          />
          <Select<'staff' | 'enterprise'>
            allowClear
            placeholder={m.users.filterKind}
            aria-label={m.users.filterKind}
            options={[
              { value: 'staff', label: m.users.kinds.staff },
              { value: 'enterprise', label: m.users.kinds.enterprise },
            ]}
            onChange={(v) => update({ kind: v })}
            className="qifu-filter-select"
          />
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<StaffUser>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={paging.table(list.data?.total)}
          columns={[
            { title: m.users.displayName, dataIndex: 'displayName' },
            {
              title: m.users.account,
              key: 'account',
              render: (_, u) =>
                u.username || u.phoneMasked ? (
                  <Flex vertical>
                    {u.username ? <span>{u.username}</span> : null}
                    {u.phoneMasked ? (
                      <MaskedValue kind="user" id={u.id} field="phone" value={u.phoneMasked} />
                    ) : null}
                  </Flex>
                ) : (
                  '—'
                ),
            },
            { title: m.users.kind, dataIndex: 'kind', render: (k: StaffUser['kind']) => m.users.kinds[k] },
            {
              title: m.users.department,
              key: 'department',
              render: (_, u) => u.department?.name ?? u.enterpriseName ?? '—',
            },
            {
              title: m.users.roles,
              dataIndex: 'roles',
              render: (roles: Role[]) =>
                roles.length ? (
                  <Flex gap={4} wrap>
                    {roles.map((r) => (
                      <Tag key={r}>{m.roles[r]}</Tag>
                    ))}
                  </Flex>
                ) : (
                  '—'
                ),
            },
            {
              title: m.users.status,
              key: 'status',
              render: (_, u) => (
                <Flex gap={4} wrap>
                  <Tag color={u.status === 'active' ? 'green' : 'default'}>{m.users.statuses[u.status]}</Tag>
                  {u.locked ? <Tag color="red">{m.users.locked}</Tag> : null}
                  {u.totpEnabled ? (
                    <Tag color="blue" icon={<SafetyCertificateOutlined />}>
                      {m.users.totpOn}
                    </Tag>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: m.users.lastLogin,
              dataIndex: 'lastLoginAt',
              render: (v: string | null) => (v ? formatShanghai(v) : m.users.never),
            },
            {
              title: m.common.actions,
              key: 'actions',
              fixed: 'right',
              render: (_, u) => (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    {m.common.edit}
                  </Button>
                  {u.locked ? (
                    <Button type="link" size="small" icon={<UnlockOutlined />} onClick={() => unlock(u)}>
                      {m.users.unlock}
                    </Button>
                  ) : null}
                  {u.totpEnabled ? (
                    <DangerConfirm
                      question={m.users.resetTotpConfirm(u.displayName)}
                      label={m.users.resetTotp}
                      onConfirm={() => resetTotp(u)}
                    />
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {creating ? (
        <CreateStaffModal
          departments={deps.data?.items ?? []}
          onClose={(saved) => {
            setCreating(false);
            if (saved) list.reload();
          }}
        />
      ) : null}
      {editing ? (
        <EditUserModal
          user={editing}
          departments={deps.data?.items ?? []}
          onClose={(saved) => {
            setEditing(null);
            if (saved) list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

/** Where a staff account sits and what it may do: its department and its roles (at least one). */
function StaffPlacementFields({ departments }: { departments: Department[] }) {
  const m = useT();
  return (
    <>
      <Form.Item name="departmentId" label={m.users.departmentField}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={departmentOptions(departments)}
        />
      </Form.Item>
      <Form.Item
        name="roles"
        label={m.users.roles}
        rules={[{ required: true, message: m.users.rolesRequired }]}
      >
        <Select mode="multiple" options={STAFF_ROLES.map((r) => ({ value: r, label: m.roles[r] }))} />
      </Form.Item>
    </>
  );
}

interface CreateForm {
  username: string;
  displayName: string;
  phone?: string;
  departmentId?: string;
  roles: Role[];
  password: string;
}

function CreateStaffModal({
  departments,
  onClose,
}: {
  departments: Department[];
  onClose(saved: boolean): void;
}) {
  const m = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const password = Form.useWatch('password', form) ?? '';
  const phone = Form.useWatch('phone', form);
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v) => {
    await api.post('/admin/users', {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      phone: v.phone?.trim() || null,
      departmentId: v.departmentId ?? null,
      roles: v.roles,
      password: v.password,
    });
    message.success(m.users.created(v.displayName));
    onClose(true);
  });

  return (
    <FormModal
      title={m.users.create}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ roles: [] }}>
        <Form.Item
          name="username"
          label={m.users.username}
          extra={m.users.usernameHint}
          rules={[{ required: true, message: m.users.usernameRequired }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={m.users.displayName}
          rules={[{ required: true, whitespace: true, message: m.auth.displayNameRequired }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="phone"
          label={m.users.phoneOptional}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: m.auth.phoneInvalid }]}
        >
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        <StaffPlacementFields departments={departments} />
        <Form.Item
          name="password"
          label={m.users.initialPassword}
          extra={m.users.initialPasswordHint}
          rules={[{ required: true, message: m.auth.passwordRequired }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordHints password={password} phone={phone} />
      </Form>
    </FormModal>
  );
}

interface EditForm {
  displayName: string;
  departmentId: string | null;
  roles: Role[];
  status: 'active' | 'disabled';
}

function EditUserModal({
  user,
  departments,
  onClose,
}: {
  user: StaffUser;
  departments: Department[];
  onClose(saved: boolean): void;
}) {
  const m = useT();
  const { message } = App.useApp();
  const { user: me, refresh } = useSession();
  const [form] = Form.useForm<EditForm>();
  const isStaffUser = user.kind === 'staff';

  const { onFinish, submitting, failure } = useFormSubmit(form, async (v) => {
    await api.patch(`/admin/users/${encodeURIComponent(user.id)}`, {
      displayName: v.displayName.trim(),
      status: v.status,
      ...(isStaffUser ? { departmentId: v.departmentId ?? null, roles: v.roles } : {}),
    });
    message.success(m.common.saved);
    // Editing oneself changes the menus this session shows.
    if (me?.id === user.id) await refresh();
    onClose(true);
  });

  return (
    <FormModal
      title={m.users.editTitle(user.displayName)}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={() => onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          displayName: user.displayName,
          departmentId: user.department?.id ?? null,
          roles: user.roles,
          status: user.status,
        }}
      >
        <Form.Item
          name="displayName"
          label={m.users.displayName}
          rules={[{ required: true, whitespace: true, message: m.auth.displayNameRequired }]}
        >
          <Input />
        </Form.Item>
        {isStaffUser ? (
          <StaffPlacementFields departments={departments} />
        ) : (
          <Alert type="info" showIcon className="qifu-form-alert" title={m.users.enterpriseRolesNote} />
        )}
        <Form.Item name="status" label={m.users.status}>
          <Radio.Group
            options={[
              { value: 'active', label: m.users.statuses.active },
              { value: 'disabled', label: m.users.statuses.disabled },
            ]}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
