import { App, Button, Card, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import type { Page } from '../../../app/api';
import { api } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { FormModal } from '../../../app/FormModal';
import { MaskedValue } from '../../../app/MaskedValue';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { usePaging } from '../../../app/usePaging';
import { ViewingStatusTag } from '../components/tags';
import { formatArea } from '../format';
import { buildingApi, buildingPages } from '../paths';
import type { ViewingRequest, ViewingStatus } from '../types';
import { queueOrder } from '../viewings';

const STATUSES: ViewingStatus[] = ['pending', 'contacted', 'viewed', 'closed', 'cancelled'];

/** /workbench/buildings/viewings — 看房预约: the requests from visitors and enterprises, pending first. */
export function ViewingQueuePage() {
  const m = useT();
  const t = m.buildings.viewingsQueue;
  const [status, setStatus] = useState<ViewingStatus | undefined>(undefined);
  const paging = usePaging();
  const list = useApi<Page<ViewingRequest>>(buildingApi.viewingQueue, { status, ...paging.query });
  const [handling, setHandling] = useState<ViewingRequest | null>(null);
  const rows = [...(list.data?.items ?? [])].sort(queueOrder);
  return (
    <div>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={<LinkButton to={buildingPages.staffList}>{m.buildings.staff.back}</LinkButton>}
      />
      <Card>
        <Flex gap={8} wrap className="qifu-filters">
          <Select<ViewingStatus>
            allowClear
            className="qifu-filter-select"
            placeholder={t.all}
            aria-label={t.status}
            value={status}
            onChange={(v) => {
              paging.reset();
              setStatus(v);
            }}
            options={STATUSES.map((s) => ({ value: s, label: m.buildings.viewingStatuses[s] }))}
          />
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<ViewingRequest>
          className="qifu-top-gap"
          rowKey="id"
          loading={list.loading}
          dataSource={rows}
          pagination={paging.table(list.data?.total)}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t.empty }}
          expandable={{
            rowExpandable: (r) => !!r.message || !!r.handlerNote,
            expandedRowRender: (r) => (
              <Flex vertical gap={4}>
                {r.message ? <span>{m.common.labelled(t.message, r.message)}</span> : null}
                {r.handlerNote ? <span>{m.common.labelled(t.note, r.handlerNote)}</span> : null}
              </Flex>
            ),
          }}
          columns={[
            {
              title: t.status,
              dataIndex: 'status',
              render: (v: ViewingStatus) => <ViewingStatusTag status={v} />,
            },
            {
              title: t.building,
              dataIndex: 'buildingName',
              render: (v: string, r) => (
                <Flex vertical>
                  <Link to={buildingPages.staffBuilding(r.buildingId)}>{v}</Link>
                  {r.spaceLabel ? (
                    <Typography.Text type="secondary" className="qifu-small">
                      {r.spaceLabel}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t.requester,
              key: 'who',
              render: (_, r) => (
                <Flex vertical>
                  <span>{r.name}</span>
                  {r.company ? (
                    <Typography.Text type="secondary" className="qifu-small">
                      {r.company}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t.phone,
              key: 'phone',
              render: (_, r) => (
                <MaskedValue kind="viewing_request" id={r.id} field="phone" value={r.phone} />
              ),
            },
            {
              title: t.preferredDate,
              dataIndex: 'preferredDate',
              render: (v: string | null) => v ?? m.buildings.fmt.none,
            },
            {
              title: t.areaNeeded,
              dataIndex: 'areaNeeded',
              render: (v: number | null) =>
                v !== null ? m.buildings.fmt.area(formatArea(v)) : m.buildings.fmt.none,
            },
            { title: t.createdAt, dataIndex: 'createdAt', render: (v: string) => formatShanghai(v) },
            {
              title: m.common.actions,
              key: 'actions',
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => setHandling(r)}>
                  {t.handle}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {handling ? (
        <HandleModal
          request={handling}
          onClose={() => setHandling(null)}
          onSaved={() => {
            setHandling(null);
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function HandleModal({
  request,
  onClose,
  onSaved,
}: {
  request: ViewingRequest;
  onClose(): void;
  onSaved(): void;
}) {
  const m = useT();
  const t = m.buildings.viewingsQueue;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: ViewingStatus; handlerNote?: string }>();
  const { onFinish, submitting, failure } = useFormSubmit(
    form,
    async (v: { status: ViewingStatus; handlerNote?: string }) => {
      await api.patch(buildingApi.viewing(request.id), {
        status: v.status,
        handlerNote: v.handlerNote?.trim() || null,
      });
      message.success(t.updated);
      onSaved();
    },
  );
  return (
    <FormModal
      title={t.handleTitle(request.name)}
      form={form}
      saving={submitting}
      failure={failure}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          status: request.status === 'pending' ? 'contacted' : request.status,
          handlerNote: request.handlerNote ?? '',
        }}
      >
        <Form.Item name="status" label={t.newStatus}>
          <Select<ViewingStatus>
            options={STATUSES.map((s) => ({ value: s, label: m.buildings.viewingStatuses[s] }))}
          />
        </Form.Item>
        <Form.Item name="handlerNote" label={t.note}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t.notePlaceholder} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
