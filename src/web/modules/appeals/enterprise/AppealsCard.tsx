import { FormOutlined, MessageOutlined } from '@ant-design/icons';
import { Card, Row, Typography } from 'antd';
import { LinkButton } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { StatTile } from '../../../app/StatTile';
import { useApi } from '../../../app/useApi';
import { stateQuery } from '../filters';
import { appealApi, appealPages } from '../paths';
import type { AppealList } from '../types';

/** 我的诉求 in the enterprise center: how many are being handled, wait for a rating or for more material. */
export function AppealsCard() {
  const m = useT();
  const t = m.appeals.card;
  const count = (state: string | undefined) => ({ view: 'mine', state, pageSize: 1 });
  const open = useApi<AppealList>(appealApi.appeals, count(stateQuery('open')));
  const replied = useApi<AppealList>(appealApi.appeals, count('replied'));
  const needsInfo = useApi<AppealList>(appealApi.appeals, count('needs_info'));
  const all = useApi<AppealList>(appealApi.appeals, count(undefined));
  const value = (s: { data?: AppealList; error: unknown }) => (s.error ? '—' : s.data?.total);
  return (
    <Card
      title={
        <span>
          <MessageOutlined aria-hidden="true" /> {t.title}
        </span>
      }
      extra={
        <LinkButton type="primary" size="small" icon={<FormOutlined />} to={appealPages.create}>
          {t.create}
        </LinkButton>
      }
    >
      <Typography.Paragraph type="secondary">{t.text}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <StatTile to={`${appealPages.mine}?state=open`} title={t.open} value={value(open)} />
        <StatTile to={`${appealPages.mine}?state=replied`} title={t.awaitingRating} value={value(replied)} />
        <StatTile to={`${appealPages.mine}?state=needs_info`} title={t.needsInfo} value={value(needsInfo)} />
        <StatTile to={appealPages.mine} title={t.all} value={value(all)} />
      </Row>
    </Card>
  );
}
