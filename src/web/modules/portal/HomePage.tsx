import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  MessageOutlined,
  NotificationOutlined,
  ReadOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { Card, Col, Flex, Row, Skeleton, Statistic, Steps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Department } from '../../../shared/accounts';
import { isStaff } from '../../app/access';
import { LinkButton } from '../../app/components';
import { foldRuns, todayInShanghai } from '../../app/dates';
import { useT } from '../../app/prefs';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
// ——— buildings (楼宇资源): the 热门楼宇 section, owned by the buildings module ———
import { HomeHotBuildings } from '../buildings/components/HotBuildings';
// ——— content (信息资讯): the 最新资讯 section, owned by the content module ———
import { HomeLatestNews } from '../content/components/HomeNews';
import { SERVICE_KEYS, SERVICE_SLUGS, type ServiceKey } from './services';

const SERVICE_ICONS: Record<ServiceKey, ReactNode> = {
  policies: <FileSearchOutlined />,
  selfTest: <ExperimentOutlined />,
  appeals: <MessageOutlined />,
  buildings: <BankOutlined />,
  news: <NotificationOutlined />,
  guides: <ReadOutlined />,
  actionPlan: <FlagOutlined />,
  statistics: <BarChartOutlined />,
};

const PROMISE_ICONS = [
  <FileSearchOutlined key="p" />,
  <ClockCircleOutlined key="c" />,
  <AuditOutlined key="a" />,
];

/** The portal's front page: every service of the platform, the working-day calendar, the service units. */
export function HomePage() {
  return (
    <>
      <Hero />
      <div className="qifu-container qifu-home-sections">
        <ServiceGrid />
        <HomeLatestNews />
        <HomeHotBuildings />
        <Row gutter={[24, 24]}>
          <Col xs={24} lg={8}>
            <TodayCard />
          </Col>
          <Col xs={24} lg={8}>
            <UnitsCard />
          </Col>
          <Col xs={24} lg={8}>
            <HowToCard />
          </Col>
        </Row>
      </div>
    </>
  );
}

function Hero() {
  const m = useT();
  const { user } = useSession();
  return (
    <section className="qifu-hero" aria-labelledby="qifu-hero-title">
      <div className="qifu-container qifu-hero-inner">
        <div className="qifu-hero-main">
          <p className="qifu-hero-district">{m.home.heroEyebrow}</p>
          <h1 id="qifu-hero-title" className="qifu-hero-title">
            {m.home.heroTitle}
          </h1>
          <p className="qifu-hero-text">{m.home.heroText}</p>
          <Flex gap={12} wrap className="qifu-hero-actions">
            {!user ? (
              <>
                <LinkButton to="/register" type="primary" size="large" className="qifu-hero-primary">
                  {m.home.ctaRegister}
                </LinkButton>
                <LinkButton to="/login" size="large" ghost>
                  {m.home.ctaLogin}
                </LinkButton>
              </>
            ) : isStaff(user) ? (
              <LinkButton to="/workbench" type="primary" size="large" className="qifu-hero-primary">
                {m.home.ctaWorkbench}
              </LinkButton>
            ) : (
              <LinkButton to="/enterprise" type="primary" size="large" className="qifu-hero-primary">
                {m.home.ctaEnterprise}
              </LinkButton>
            )}
            <LinkButton to={`/services/${SERVICE_SLUGS.selfTest}`} size="large" ghost>
              {m.home.ctaSelfTest}
            </LinkButton>
          </Flex>
        </div>
        <ul className="qifu-hero-promises" aria-label={m.home.promisesTitle}>
          {m.home.promises.map((p, i) => (
            <li key={p.title} className="qifu-promise">
              <span className="qifu-promise-icon" aria-hidden="true">
                {PROMISE_ICONS[i]}
              </span>
              <span>
                <strong>{p.title}</strong>
                <span>{p.text}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function ServiceGrid() {
  const m = useT();
  return (
    <section aria-labelledby="qifu-services-title">
      <Typography.Title level={2} id="qifu-services-title" className="qifu-section-title">
        {m.home.servicesTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{m.home.servicesIntro}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {SERVICE_KEYS.map((key) => (
          <Col xs={24} sm={12} lg={8} key={key}>
            <ServiceCard
              to={`/services/${SERVICE_SLUGS[key]}`}
              icon={SERVICE_ICONS[key]}
              title={m.modules[key].title}
              text={m.modules[key].short}
            />
          </Col>
        ))}
        <Col xs={24} sm={12} lg={8}>
          <ServiceCard
            to="/enterprise"
            icon={<ShopOutlined />}
            title={m.nav.enterprise}
            text={m.home.enterpriseCenterShort}
          />
        </Col>
      </Row>
    </section>
  );
}

/** A whole card that is one link: one tab stop, Enter opens it. */
function ServiceCard(props: { to: string; icon: ReactNode; title: string; text: string }) {
  return (
    <Link to={props.to} className="qifu-service-card">
      <span className="qifu-service-icon" aria-hidden="true">
        {props.icon}
      </span>
      <span className="qifu-service-body">
        <span className="qifu-service-title">{props.title}</span>
        <span className="qifu-service-text">{props.text}</span>
      </span>
    </Link>
  );
}

interface CalendarYear {
  year: number;
  source: string;
  holidays: { date: string; name: string }[];
  makeupWorkdays: { date: string; name: string }[];
}

/** Whether today is a working day and when the next holiday starts, from the official calendar. */
function TodayCard() {
  const m = useT();
  const today = todayInShanghai();
  const isWorkday = useApi<{ date: string; workday: boolean }>('/calendar/is-workday', { date: today });
  const next = useApi<{ date: string }>('/calendar/add-workdays', { from: today, days: 1 });
  const years = useApi<{ items: CalendarYear[] }>('/calendar/years');
  const upcoming = years.data
    ? foldRuns(years.data.items.flatMap((y) => y.holidays)).find((run) => run.from > today)
    : undefined;
  const failed = isWorkday.error || next.error || years.error;
  return (
    <Card
      title={
        <span>
          <CalendarOutlined /> {m.home.todayTitle}
        </span>
      }
      className="qifu-home-card"
    >
      {failed ? (
        <Typography.Text type="secondary">{m.home.calendarUnavailable}</Typography.Text>
      ) : !isWorkday.data || !next.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Flex vertical gap={12}>
          <div>
            <Typography.Text type="secondary">{today}</Typography.Text>
            <div className="qifu-today-state">
              {isWorkday.data.workday ? (
                <Tag icon={<CheckCircleOutlined />} color="blue">
                  {m.home.todayWorkday}
                </Tag>
              ) : (
                <Tag icon={<ClockCircleOutlined />} color="orange">
                  {m.home.todayRestday}
                </Tag>
              )}
            </div>
          </div>
          <div>
            <Typography.Text type="secondary">{m.home.nextWorkday}</Typography.Text>
            <div className="qifu-today-value">{next.data.date}</div>
          </div>
          {upcoming ? (
            <div>
              <Typography.Text type="secondary">{m.home.nextHoliday}</Typography.Text>
              <div className="qifu-today-value">
                {m.home.holidayRun(upcoming.name, upcoming.from, upcoming.count)}
              </div>
            </div>
          ) : null}
          <Typography.Text type="secondary" className="qifu-small">
            {m.home.calendarNote}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

/** The units that handle enterprises' matters, counted by kind (public data). */
function UnitsCard() {
  const m = useT();
  const deps = useApi<{ items: Department[] }>('/departments');
  const counts = new Map<Department['kind'], number>();
  for (const d of deps.data?.items ?? []) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  const shown: Department['kind'][] = ['bureau', 'street', 'public_service'];
  return (
    <Card
      title={
        <span>
          <AuditOutlined /> {m.home.unitsTitle}
        </span>
      }
      className="qifu-home-card"
    >
      {deps.error ? (
        <Typography.Text type="secondary">{m.home.unitsUnavailable}</Typography.Text>
      ) : !deps.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : deps.data.items.length === 0 ? (
        <Typography.Text type="secondary">{m.home.unitsEmpty}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[12, 12]}>
            {shown.map((kind) => (
              <Col span={8} key={kind}>
                <Statistic title={m.departmentKinds[kind]} value={counts.get(kind) ?? 0} />
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary" className="qifu-small">
            {m.home.unitsNote(deps.data.items.length)}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

function HowToCard() {
  const m = useT();
  return (
    <Card title={m.home.howToTitle} className="qifu-home-card">
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={m.home.howToSteps.map((s) => ({ title: s.title, content: s.text }))}
      />
    </Card>
  );
}
