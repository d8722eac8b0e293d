import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, type FormInstance, Table, type TableColumnsType } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { api } from '../../../app/api';
import { DangerConfirm } from '../../../app/DangerConfirm';
import { useDescribeError } from '../../../app/errors';
import { FormModal } from '../../../app/FormModal';
import { useT } from '../../../app/prefs';
import { useFormSubmit } from '../../../app/useFormSubmit';

/** What the list hands its add/edit dialog: the row (null to add), and how to close it with or without a save. */
export interface EditorProps<T> {
  record: T | null;
  onClose(): void;
  onSaved(): void;
}

/**
 * One tab of the building editor that lists rows of the building (房源, 入驻企业, 招商项目): the add button, the
 * table with 编辑 (and 删除 after a confirmation) in each row, the add/edit dialog, and a reload of the building
 * after every change. The tab brings its columns and its dialog.
 */
export function EditableListTab<T extends { id: string }>({
  rows,
  columns,
  texts,
  pageSize,
  toolbar,
  canEdit,
  rowActions,
  remove,
  editor,
  onChanged,
  children,
}: {
  rows: T[];
  /** The columns before 操作. */
  columns: TableColumnsType<T>;
  texts: { add: string; empty: string };
  /** Pages of this many rows once there are more; without it one page. */
  pageSize?: number;
  /** Stands left of the add button (a filter of the rows). */
  toolbar?: ReactNode;
  /** False: the row shows no actions at all. */
  canEdit?(row: T): boolean;
  /** More actions after 编辑. */
  rowActions?(row: T): ReactNode;
  /** 删除 in each row: the API path of the row, the question that confirms it, the message once it is gone. */
  remove?: { path(row: T): string; question(row: T): ReactNode; done: string };
  editor(props: EditorProps<T>): ReactNode;
  onChanged(): void;
  /** Other dialogs of the tab. */
  children?: ReactNode;
}) {
  const m = useT();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const removeRow = async (row: T, how: NonNullable<typeof remove>) => {
    try {
      await api.delete(how.path(row));
      message.success(how.done);
      onChanged();
    } catch (e) {
      message.error(describe(e));
    }
  };
  const add = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
      {texts.add}
    </Button>
  );
  return (
    <Flex vertical gap={12}>
      {toolbar ? (
        <Flex justify="space-between" wrap gap={8}>
          {toolbar}
          {add}
        </Flex>
      ) : (
        <Flex justify="end">{add}</Flex>
      )}
      <Table<T>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={pageSize !== undefined && rows.length > pageSize ? { pageSize } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: texts.empty }}
        columns={[
          ...columns,
          {
            title: m.common.actions,
            key: 'actions',
            render: (_, row) => {
              if (canEdit && !canEdit(row)) return null;
              const edit = (
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(row)}>
                  {m.common.edit}
                </Button>
              );
              if (!rowActions && !remove) return edit;
              return (
                <Flex gap={4}>
                  {edit}
                  {rowActions?.(row)}
                  {remove ? (
                    <DangerConfirm
                      question={remove.question(row)}
                      label={m.common.delete}
                      icon={<DeleteOutlined />}
                      onConfirm={() => removeRow(row, remove)}
                    />
                  ) : null}
                </Flex>
              );
            },
          },
        ]}
      />
      {editing
        ? editor({
            record: editing === 'new' ? null : editing,
            onClose: () => setEditing(null),
            onSaved: () => {
              setEditing(null);
              onChanged();
            },
          })
        : null}
      {children}
    </Flex>
  );
}

/**
 * The add/edit dialog of one row: its form turns into the API body, POSTed to `create` for a new row or PATCHed
 * to `update(record)`; the API's refusals go beside the fields they name (useFormSubmit), a save says 已保存.
 */
export function RecordModal<V, B, T>({
  form,
  record,
  texts,
  create,
  update,
  toBody,
  initialValues,
  onClose,
  onSaved,
  children,
}: EditorProps<T> & {
  form: FormInstance<V>;
  texts: { add: string; edit: string };
  /** Where a new row is POSTed. */
  create: string;
  /** Where a change of `record` is PATCHed. */
  update(record: T): string;
  toBody(values: V): B;
  initialValues: Partial<V>;
  children: ReactNode;
}) {
  const m = useT();
  const { message } = App.useApp();
  // Field ids are prefixed with the form's name, so that a label finds its own input and not the building form's
  // field of the same name on the page behind.
  const formName = `record${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const { onFinish, submitting, failure } = useFormSubmit(form, async (v: V) => {
    const body = toBody(v);
    if (record) await api.patch(update(record), body);
    else await api.post(create, body);
    message.success(m.buildings.editor.saved);
    onSaved();
  });
  return (
    <FormModal
      title={record ? texts.edit : texts.add}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={onClose}
      width={640}
    >
      <Form<V>
        form={form}
        name={formName}
        layout="vertical"
        onFinish={onFinish}
        disabled={submitting}
        initialValues={initialValues}
      >
        {children}
      </Form>
    </FormModal>
  );
}
