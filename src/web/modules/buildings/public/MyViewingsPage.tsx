import { Card, Empty, Table } from 'antd';
import { Link } from 'react-router';
import { formatShanghai } from '../../../../shared/format';
import type { Page } from '../../../app/api';
import { LinkButton, LoadError, PageHeader } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { usePaging } from '../../../app/usePaging';
import { ViewingStatusTag } from '../components/tags';
import { buildingApi, buildingPages } from '../paths';
import type { ViewingRequest } from '../types';

/** /account/viewings — 我的看房预约: the caller's own requests and how the building editor handled them. */
export function MyViewingsPage() {
  const m = useT();
  const t = m.buildings.mine;
  const paging = usePaging({ pageSize: 10 });
  const list = useApi<Page<ViewingRequest>>(buildingApi.myViewings, paging.query);
  return (
    <div className="qifu-container qifu-page">
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={<LinkButton to={buildingPages.search}>{t.browse}</LinkButton>}
      />
      <Card>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<ViewingRequest>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={paging.table(list.data?.total)}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty description={t.empty}>
                <LinkButton type="primary" to={buildingPages.search}>
                  {t.browse}
                </LinkButton>
              </Empty>
            ),
          }}
          columns={[
            {
              title: t.building,
              dataIndex: 'buildingName',
              render: (v: string, r) => <Link to={buildingPages.detail(r.buildingId)}>{v}</Link>,
            },
            {
              title: t.space,
              dataIndex: 'spaceLabel',
              render: (v: string | null) => v ?? m.buildings.fmt.none,
            },
            {
              title: t.preferredDate,
              dataIndex: 'preferredDate',
              render: (v: string | null) => v ?? m.buildings.fmt.none,
            },
            {
              title: t.status,
              dataIndex: 'status',
              render: (v: ViewingRequest['status']) => <ViewingStatusTag status={v} />,
            },
            {
              title: t.note,
              dataIndex: 'handlerNote',
              render: (v: string | null) => v ?? m.buildings.fmt.none,
            },
            { title: t.createdAt, dataIndex: 'createdAt', render: (v: string) => formatShanghai(v) },
          ]}
        />
      </Card>
    </div>
  );
}
