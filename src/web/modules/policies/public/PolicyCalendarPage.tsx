import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { PolicyCalendar } from '../../../../shared/policies';
import { LoadError, PageHeader } from '../../../app/components';
import { todayInShanghai } from '../../../app/dates';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import { ModeTag, WindowTag, windowText } from '../components/tags';
import { policyApi, policyPages } from '../paths';

/** /policies/calendar — 政策日历: every program's application window, month by month. */
export function PolicyCalendarPage() {
  const m = useT();
  const t = m.policies.calendar;
  const today = todayInShanghai();
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const onlyOpen = params.get('open') === '1';
  const cal = useApi<PolicyCalendar>(policyApi.calendar, { year });
  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(y));
    setParams(next);
  };
  const months = (cal.data?.months ?? []).map((mo) => ({
    ...mo,
    items: onlyOpen ? mo.items.filter((i) => i.windowState === 'open') : mo.items,
  }));
  const any = months.some((mo) => mo.items.length > 0);

  return (
    <div className="qifu-container qifu-page">
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          <Flex gap={8} align="center" wrap>
            <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label={t.prevYear}>
              {t.prevYear}
            </Button>
            <strong className="qifu-calendar-year" aria-live="polite">
              {t.year(year)}
            </strong>
            <Button onClick={() => setYear(year + 1)} aria-label={t.nextYear}>
              {t.nextYear} <RightOutlined />
            </Button>
          </Flex>
        }
      />
      <Checkbox
        className="qifu-block"
        checked={onlyOpen}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          if (e.target.checked) next.set('open', '1');
          else next.delete('open');
          setParams(next);
        }}
      >
        {t.onlyOpen}
      </Checkbox>
      {cal.error ? <LoadError error={cal.error} onRetry={cal.reload} /> : null}
      {!cal.data && !cal.error ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {cal.data && !any ? (
        <Card>
          <Empty description={t.empty} />
        </Card>
      ) : null}
      {cal.data && any ? (
        <Row gutter={[16, 16]}>
          {months.map((mo) => {
            const current = year === thisYear && mo.month === thisMonth;
            return (
              <Col xs={24} md={12} xl={8} key={mo.month}>
                <Card
                  size="small"
                  className={`qifu-calendar-month${current ? ' is-current' : ''}${mo.items.length === 0 ? ' is-empty' : ''}`}
                  title={
                    <Flex gap={8} align="center">
                      <span>{t.month(mo.month)}</span>
                      {current ? <Tag color="blue">{t.thisMonth}</Tag> : null}
                    </Flex>
                  }
                  aria-current={current ? 'date' : undefined}
                >
                  {mo.items.length === 0 ? (
                    <Typography.Text type="secondary">{t.monthEmpty}</Typography.Text>
                  ) : (
                    <ul className="qifu-calendar-items">
                      {mo.items.map((i) => (
                        <li key={i.programId}>
                          <Link to={policyPages.program(i.programId)}>{i.title}</Link>
                          <Flex gap={4} wrap className="qifu-open-meta">
                            <ModeTag mode={i.mode} />
                            <WindowTag state={i.windowState} />
                            {i.opensThisMonth ? <Tag color="green">{t.opens}</Tag> : null}
                            {i.closesThisMonth ? <Tag color="red">{t.closes}</Tag> : null}
                          </Flex>
                          <Typography.Text type="secondary" className="qifu-small">
                            {windowText(m, i.windowStart, i.windowEnd)}
                            {i.department ? ` · ${i.department}` : ''}
                          </Typography.Text>
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
              </Col>
            );
          })}
        </Row>
      ) : null}
    </div>
  );
}
