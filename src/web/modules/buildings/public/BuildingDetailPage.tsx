import {
  CalendarOutlined,
  EnvironmentOutlined,
  HeartFilled,
  HeartOutlined,
  PhoneOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Grid,
  Image,
  InputNumber,
  List,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { DECORATIONS, type Decoration, type TaxFlag } from '../../../../shared/buildings';
import { isStaff } from '../../../app/access';
import { api, isApiError } from '../../../app/api';
import { LinkButton, LoadError, NotFound, PageHeader } from '../../../app/components';
import { todayInShanghai } from '../../../app/dates';
import { useDescribeError } from '../../../app/errors';
import { useT } from '../../../app/prefs';
import { useSession } from '../../../app/session';
import { useApi } from '../../../app/useApi';
import { BuildingCover } from '../components/Cover';
import { RentBoth } from '../components/Rent';
import { GradeTag, ProjectStatusTag, SpaceStatusTag, StaleBadge, TaxFlagTag } from '../components/tags';
import { formatArea, formatPercent, formatRent } from '../format';
import { buildingApi, buildingPages } from '../paths';
import type { BuildingDetail, Space } from '../types';
import { ViewingRequestModal } from './ViewingRequestModal';

/** /buildings/:id — one building: photos, facts, what is free and for how much, who is inside, and 预约看房. */
export function BuildingDetailPage() {
  const m = useT();
  const id = useParams().id ?? '';
  const detail = useApi<BuildingDetail>(buildingApi.building(id));
  if (detail.error) {
    if (isApiError(detail.error) && detail.error.status === 404) {
      return <NotFound back={{ to: buildingPages.search, label: m.buildings.detail.back }} />;
    }
    return (
      <div className="qifu-container qifu-page">
        <LoadError error={detail.error} onRetry={detail.reload} />
      </div>
    );
  }
  if (!detail.data) {
    return (
      <div className="qifu-container qifu-page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  return <BuildingView key={detail.data.id} b={detail.data} />;
}

function BuildingView({ b }: { b: BuildingDetail }) {
  const m = useT();
  const t = m.buildings.detail;
  const [booking, setBooking] = useState<{ spaceId: string | null } | null>(null);
  const vacancy = formatPercent(b.vacancyRate) ?? '0';
  const occupancy = formatPercent(b.leasableArea > 0 ? 1 - b.vacancyRate : null);

  return (
    <div className="qifu-container qifu-page">
      <PageHeader
        title={b.name}
        intro={
          <Flex gap={6} wrap align="center" component="span">
            <span>
              <EnvironmentOutlined aria-hidden="true" /> {b.street.name} · {b.address}
            </span>
            <GradeTag grade={b.grade} />
            <Tag>{m.buildings.uses[b.use as keyof typeof m.buildings.uses] ?? b.use}</Tag>
            <TaxFlagTag flag={b.taxFlag as TaxFlag | null} />
            <StaleBadge stale={b.stale} lastVerifiedOn={b.lastVerifiedOn} />
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            <LinkButton to={buildingPages.search}>{t.back}</LinkButton>
            <FavouriteButton building={b} />
            <Button type="primary" icon={<CalendarOutlined />} onClick={() => setBooking({ spaceId: null })}>
              {t.book}
            </Button>
          </Flex>
        }
      />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={15}>
          <Gallery b={b} />
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t.figures} className="qifu-bld-figures">
            <Row gutter={[16, 16]}>
              <Col span={12}>
                <Statistic title={t.vacancyRate} value={m.buildings.fmt.percent(vacancy)} />
              </Col>
              <Col span={12}>
                <Statistic
                  title={t.occupancyRate}
                  value={occupancy ? m.buildings.fmt.percent(occupancy) : m.buildings.fmt.none}
                />
              </Col>
              <Col span={12}>
                <Statistic
                  title={t.vacantCount}
                  value={m.buildings.staff.spacesValue(b.vacantCount, b.spaceCount)}
                />
              </Col>
              <Col span={12}>
                <Statistic title={t.vacantArea} value={m.buildings.fmt.area(formatArea(b.vacantAreaTotal))} />
              </Col>
            </Row>
            <Typography.Paragraph className="qifu-top-gap">
              <Typography.Text type="secondary">{m.buildings.card.rent}</Typography.Text>
              <br />
              <RentBoth min={b.rentMonthly?.min} max={b.rentMonthly?.max} />
            </Typography.Paragraph>
            {b.contactName || b.contactPhone ? (
              <Typography.Paragraph>
                <Typography.Text type="secondary">{t.contact}</Typography.Text>
                <br />
                <PhoneOutlined aria-hidden="true" />{' '}
                {[b.contactName, b.contactPhone].filter(Boolean).join(' ')}
              </Typography.Paragraph>
            ) : null}
            <Button
              type="primary"
              block
              icon={<CalendarOutlined />}
              onClick={() => setBooking({ spaceId: null })}
            >
              {t.book}
            </Button>
          </Card>
        </Col>
      </Row>
      <SpacesCard spaces={b.spaces} onBook={(spaceId) => setBooking({ spaceId })} />
      <Row gutter={[24, 24]} className="qifu-top-gap">
        <Col xs={24} lg={15}>
          <Facts b={b} />
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={24}>
            <Occupants b={b} />
            <Projects b={b} />
          </Flex>
        </Col>
      </Row>
      <Provenance b={b} />
      {booking ? (
        <ViewingRequestModal
          building={b}
          spaces={b.spaces}
          spaceId={booking.spaceId}
          onClose={() => setBooking(null)}
        />
      ) : null}
    </div>
  );
}

function Gallery({ b }: { b: BuildingDetail }) {
  const m = useT();
  const photos = [...b.photos].sort((x, y) => x.sortOrder - y.sortOrder);
  if (photos.length === 0) {
    return (
      <div className="qifu-bld-hero-cover">
        <BuildingCover name={b.name} url={null} />
        <span className="qifu-bld-hero-note" aria-hidden="true">
          {m.buildings.detail.noPhoto}
        </span>
      </div>
    );
  }
  const shown = photos.slice(0, 3);
  return (
    <section aria-label={m.buildings.detail.photos}>
      <Image.PreviewGroup items={photos.map((p) => ({ src: p.url, alt: p.caption || b.name }))}>
        <div className={`qifu-bld-gallery${shown.length === 1 ? ' is-single' : ''}`}>
          {shown.map((p) => (
            <Image key={p.id} src={p.url} alt={p.caption || b.name} />
          ))}
        </div>
      </Image.PreviewGroup>
    </section>
  );
}

function Facts({ b }: { b: BuildingDetail }) {
  const m = useT();
  const t = m.buildings.detail;
  const f = m.buildings.fmt;
  const items = [
    { key: 'address', label: t.address, children: b.address },
    { key: 'street', label: t.street, children: b.street.name },
    {
      key: 'grade',
      label: t.grade,
      children: m.buildings.grades[b.grade as keyof typeof m.buildings.grades] ?? b.grade,
    },
    { key: 'use', label: t.use, children: m.buildings.uses[b.use as keyof typeof m.buildings.uses] ?? b.use },
    {
      key: 'floors',
      label: t.floors,
      children: b.floorsAbove ? f.floors(b.floorsAbove, b.floorsBelow ?? 0) : f.none,
    },
    { key: 'gross', label: t.grossArea, children: b.grossArea ? f.area(formatArea(b.grossArea)) : f.none },
    {
      key: 'leasable',
      label: t.leasableArea,
      children: b.leasableArea ? f.area(formatArea(b.leasableArea)) : f.none,
    },
    { key: 'year', label: t.completedYear, children: b.completedYear ? f.year(b.completedYear) : f.none },
    { key: 'developer', label: t.developer, children: b.developer ?? f.none },
    { key: 'pm', label: t.propertyManager, children: b.propertyManager ?? f.none },
    ...(b.occupantTaxWan !== null && b.taxFlag
      ? [{ key: 'tax', label: t.occupantTax, children: <TaxFlagTag flag={b.taxFlag as TaxFlag} /> }]
      : []),
  ];
  return (
    <Card title={t.facts}>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={items} />
      {b.description ? (
        <>
          <Typography.Title level={5} className="qifu-top-gap">
            {t.description}
          </Typography.Title>
          <Typography.Paragraph className="qifu-bld-prewrap">{b.description}</Typography.Paragraph>
        </>
      ) : null}
      {b.tags.length > 0 ? (
        <Flex gap={4} wrap className="qifu-bld-tags" aria-label={t.tags}>
          {b.tags.map((tag) => (
            <Tag key={tag} color="blue" bordered={false}>
              {tag}
            </Tag>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}

function SpacesCard({ spaces, onBook }: { spaces: Space[]; onBook(spaceId: string): void }) {
  const m = useT();
  const t = m.buildings.detail;
  const [decoration, setDecoration] = useState<Decoration | undefined>(undefined);
  const [minArea, setMinArea] = useState<number | null>(null);
  const screens = Grid.useBreakpoint();
  const open = spaces.filter((s) => s.status !== 'leased');
  const rows = open.filter(
    (s) => (!decoration || s.decoration === decoration) && (minArea === null || s.area >= minArea),
  );
  return (
    <Card title={t.spaces} className="qifu-top-gap">
      <Typography.Paragraph type="secondary">{t.spacesIntro}</Typography.Paragraph>
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.spacesEmpty} />
      ) : (
        <>
          <Flex gap={8} wrap className="qifu-filters">
            <Select<Decoration>
              allowClear
              className="qifu-filter-select"
              placeholder={t.spaceFilterDecoration}
              aria-label={t.spaceFilterDecoration}
              value={decoration}
              onChange={setDecoration}
              options={DECORATIONS.map((d) => ({ value: d, label: m.buildings.decorations[d] }))}
            />
            <InputNumber<number>
              min={0}
              step={50}
              className="qifu-filter-select"
              placeholder={t.spaceFilterMinArea}
              aria-label={t.spaceFilterMinArea}
              value={minArea}
              onChange={setMinArea}
            />
          </Flex>
          {screens.md ? null : (
            <ul className="qifu-bld-space-list">
              {rows.map((s) => (
                <li key={s.id}>
                  <Flex justify="space-between" align="start" gap={8}>
                    <Flex vertical gap={2}>
                      <strong>
                        {m.buildings.fmt.floor(s.floor)} {s.unit} · {m.buildings.fmt.area(formatArea(s.area))}
                      </strong>
                      <RentBoth min={s.rentMonthly} max={s.rentMonthly} />
                      <Typography.Text type="secondary" className="qifu-small">
                        {[
                          s.decoration
                            ? (m.buildings.decorations[s.decoration as Decoration] ?? s.decoration)
                            : null,
                          m.common.labelled(t.availableFrom, s.availableFrom ?? t.availableNow),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Typography.Text>
                    </Flex>
                    <Flex vertical gap={6} align="end">
                      <SpaceStatusTag status={s.status} />
                      {s.status === 'vacant' ? (
                        <Button size="small" onClick={() => onBook(s.id)}>
                          {t.bookThis}
                        </Button>
                      ) : null}
                    </Flex>
                  </Flex>
                </li>
              ))}
            </ul>
          )}
          {screens.md ? (
            <Table<Space>
              rowKey="id"
              size="middle"
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10 } : false}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t.floor,
                  dataIndex: 'floor',
                  sorter: (a, b) => a.floor - b.floor,
                  render: (v: number) => m.buildings.fmt.floor(v),
                },
                { title: t.unit, dataIndex: 'unit' },
                {
                  title: t.area,
                  dataIndex: 'area',
                  sorter: (a, b) => a.area - b.area,
                  render: (v: number) => m.buildings.fmt.area(formatArea(v)),
                },
                {
                  title: t.rentDay,
                  key: 'day',
                  sorter: (a, b) => (a.rentMonthly ?? Infinity) - (b.rentMonthly ?? Infinity),
                  render: (_, s) =>
                    s.rentDaily === null
                      ? m.buildings.card.rentOnRequest
                      : `${formatRent(s.rentDaily, 'yuan_per_sqm_day')} ${m.buildings.rentUnits.yuan_per_sqm_day}`,
                },
                {
                  title: t.rentMonth,
                  key: 'month',
                  render: (_, s) =>
                    s.rentMonthly === null
                      ? m.buildings.fmt.none
                      : `${formatRent(s.rentMonthly, 'yuan_per_sqm_month')} ${m.buildings.rentUnits.yuan_per_sqm_month}`,
                },
                {
                  title: t.decoration,
                  dataIndex: 'decoration',
                  render: (v: string | null) =>
                    v ? (m.buildings.decorations[v as Decoration] ?? v) : m.buildings.fmt.none,
                },
                {
                  title: t.availableFrom,
                  dataIndex: 'availableFrom',
                  sorter: (a, b) => (a.availableFrom ?? '').localeCompare(b.availableFrom ?? ''),
                  render: (v: string | null) => v ?? t.availableNow,
                },
                {
                  title: t.status,
                  dataIndex: 'status',
                  render: (v: Space['status']) => <SpaceStatusTag status={v} />,
                },
                {
                  title: m.common.actions,
                  key: 'book',
                  render: (_, s) =>
                    s.status === 'vacant' ? (
                      <Button size="small" onClick={() => onBook(s.id)}>
                        {t.bookThis}
                      </Button>
                    ) : null,
                },
              ]}
            />
          ) : null}
        </>
      )}
    </Card>
  );
}

function Occupants({ b }: { b: BuildingDetail }) {
  const m = useT();
  const t = m.buildings.detail;
  const { user } = useSession();
  const staff = isStaff(user);
  const today = todayInShanghai();
  const current = b.occupants.filter((o) => !o.movedOutOn || o.movedOutOn > today);
  return (
    <Card title={t.occupants}>
      {current.length === 0 ? (
        <Typography.Text type="secondary">{t.occupantsEmpty}</Typography.Text>
      ) : (
        <ul className="qifu-bld-occupants">
          {current.map((o) => (
            <li key={o.id}>
              <Tag bordered={false}>
                {staff && o.enterpriseId ? (
                  <Link to={buildingPages.staffEnterprise(o.enterpriseId)}>{o.enterpriseName}</Link>
                ) : (
                  o.enterpriseName
                )}
              </Tag>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Projects({ b }: { b: BuildingDetail }) {
  const m = useT();
  const t = m.buildings.detail;
  return (
    <Card title={t.projects}>
      {b.projects.length === 0 ? (
        <Typography.Text type="secondary">{t.projectsEmpty}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={b.projects}
          renderItem={(p) => (
            <List.Item key={p.id} extra={<ProjectStatusTag status={p.status} />}>
              <List.Item.Meta
                title={p.name}
                description={[
                  p.industry,
                  p.investmentWan !== null ? m.buildings.fmt.wan(formatArea(p.investmentWan)) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Provenance({ b }: { b: BuildingDetail }) {
  const m = useT();
  const t = m.buildings.detail;
  return (
    <Flex gap={12} wrap align="center" className="qifu-bld-provenance qifu-top-gap">
      <span>{m.common.labelled(t.source, m.buildings.sources[b.source] ?? b.source)}</span>
      {b.sourceNote ? <span>{b.sourceNote}</span> : null}
      <span>
        {b.lastVerifiedOn ? m.buildings.fmt.verifiedOn(b.lastVerifiedOn) : m.buildings.fmt.neverVerified}
      </span>
      <StaleBadge stale={b.stale} lastVerifiedOn={b.lastVerifiedOn} />
    </Flex>
  );
}

/** 收藏: for a logged-in user a toggle; a visitor is offered the login page, and comes back here after it. */
function FavouriteButton({ building }: { building: BuildingDetail }) {
  const m = useT();
  const t = m.buildings.detail;
  const { user } = useSession();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const location = useLocation();
  const [on, setOn] = useState(building.favourite);
  const [busy, setBusy] = useState(false);
  if (!user) {
    return (
      <LinkButton icon={<HeartOutlined />} to={buildingPages.login(location.pathname)}>
        {t.favouriteLogin}
      </LinkButton>
    );
  }
  const toggle = async () => {
    setBusy(true);
    try {
      if (on) await api.delete(buildingApi.favourite(building.id));
      else await api.post(buildingApi.favourite(building.id));
      setOn(!on);
      message.success(on ? t.favouriteRemoved : t.favouriteAdded);
    } catch (e) {
      message.error(describe(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={on ? <HeartFilled className="qifu-bld-heart" /> : <HeartOutlined />}
      loading={busy}
      aria-pressed={on}
      onClick={() => void toggle()}
    >
      {on ? t.favourited : t.favourite}
    </Button>
  );
}
