import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Department } from '../../../shared/accounts';
import { api } from '../../app/api';
import { LoadError, PageHeader } from '../../app/components';
import { DangerConfirm } from '../../app/DangerConfirm';
import { useDescribeError } from '../../app/errors';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/prefs';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { buildDepartmentTree, type DepartmentNode, departmentOptions, subtreeIds } from './department-tree';

/** 部门管理: district bureaus, sub-district offices, public-service units, as a tree; create, edit, delete. */
export function DepartmentsPage() {
  const m = useT();
  const describe = useDescribeError();
  const { message } = App.useApp();
  const list = useApi<{ items: Department[] }>('/departments');
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const tree = buildDepartmentTree(items);

  const remove = async (d: Department) => {
    setDeleteError(null);
    try {
      await api.delete(`/departments/${encodeURIComponent(d.id)}`);
      message.success(m.departments.deleted(d.name));
      list.reload();
    } catch (e) {
      setDeleteError(m.common.labelled(d.name, describe(e)));
    }
  };

  return (
    <div>
      <PageHeader
        title={m.departments.title}
        intro={m.departments.intro}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {m.departments.create}
          </Button>
        }
      />
      {deleteError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="qifu-block"
          title={deleteError}
          closable={{ onClose: () => setDeleteError(null) }}
        />
      ) : null}
      <Card>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<DepartmentNode>
          rowKey="id"
          loading={list.loading}
          dataSource={tree}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ defaultExpandAllRows: true }}
          key={tree.length /* expand all once the data has arrived */}
          columns={[
            { title: m.departments.name, dataIndex: 'name' },
            {
              title: m.departments.code,
              dataIndex: 'code',
              render: (v: string) => <code className="qifu-code">{v}</code>,
            },
            {
              title: m.departments.kind,
              dataIndex: 'kind',
              render: (k: Department['kind']) => <Tag>{m.departmentKinds[k]}</Tag>,
            },
            { title: m.departments.phone, dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
            { title: m.departments.sortOrder, dataIndex: 'sortOrder' },
            { title: m.departments.userCount, dataIndex: 'userCount' },
            {
              title: m.common.actions,
              key: 'actions',
              fixed: 'right',
              render: (_, d) => (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => setEditing(d)}>
                    {m.common.edit}
                  </Button>
                  <DangerConfirm
                    question={m.departments.confirmDelete(d.name)}
                    label={m.common.delete}
                    icon={<DeleteOutlined />}
                    onConfirm={() => remove(d)}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <DepartmentModal
          department={editing === 'new' ? null : editing}
          all={items}
          onClose={(saved) => {
            setEditing(null);
            if (saved) list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

interface DepartmentForm {
  code: string;
  name: string;
  kind: Department['kind'];
  parentId: string | null;
  sortOrder: number;
  phone: string | null;
}

function DepartmentModal({
  department,
  all,
  onClose,
}: {
  department: Department | null;
  all: Department[];
  onClose(saved: boolean): void;
}) {
  const m = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentForm>();
  const exclude = department ? subtreeIds(all, department.id) : new Set<string>();

  const { onFinish, submitting, failure } = useFormSubmit(form, async (v) => {
    const body = {
      code: v.code.trim(),
      name: v.name.trim(),
      kind: v.kind,
      parentId: v.parentId ?? null,
      sortOrder: v.sortOrder ?? 0,
      phone: v.phone?.trim() || null,
    };
    if (department) await api.put(`/departments/${encodeURIComponent(department.id)}`, body);
    else await api.post('/departments', body);
    message.success(m.common.saved);
    onClose(true);
  });

  return (
    <FormModal
      title={department ? m.departments.editTitle(department.name) : m.departments.create}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={() => onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          department
            ? {
                code: department.code,
                name: department.name,
                kind: department.kind,
                parentId: department.parentId,
                sortOrder: department.sortOrder,
                phone: department.phone,
              }
            : { kind: 'bureau', sortOrder: 0, parentId: null }
        }
      >
        <Form.Item
          name="name"
          label={m.departments.name}
          rules={[{ required: true, whitespace: true, message: m.departments.nameRequired }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="code"
          label={m.departments.code}
          extra={m.departments.codeHint}
          rules={[{ required: true, message: m.departments.codeRequired }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="kind" label={m.departments.kind}>
          <Select
            options={(Object.keys(m.departmentKinds) as Department['kind'][]).map((k) => ({
              value: k,
              label: m.departmentKinds[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="parentId" label={m.departments.parent}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={m.departments.noParent}
            options={departmentOptions(all, exclude)}
          />
        </Form.Item>
        <Form.Item name="phone" label={m.departments.phone}>
          <Input />
        </Form.Item>
        <Form.Item name="sortOrder" label={m.departments.sortOrder}>
          <InputNumber min={0} max={9999} precision={0} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
