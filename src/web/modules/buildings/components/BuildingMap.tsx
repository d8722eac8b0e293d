import 'leaflet/dist/leaflet.css';
import { Alert, Empty, Flex, Skeleton, Typography } from 'antd';
import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { LoadError } from '../../../app/components';
import { useT } from '../../../app/prefs';
import { useApi } from '../../../app/useApi';
import type { Messages } from '../../../locales/zh-CN';
import { rentRange } from '../format';
import { graticule, mapBounds } from '../map-grid';
import { buildingApi, buildingPages } from '../paths';
import type { MapBuilding, BuildingMap as MapData } from '../types';

const VACANT = '#0f4c9c';
const FULL = '#94a3b8';

/**
 * 楼宇分布图 (Leaflet). With a configured tile service the buildings sit on its base map; without one (the default,
 * and any deployment without internet) they are drawn on a plain background with a grid of about 1 km, so the
 * list of where things are is still readable, and the page says the base map is not configured.
 */
export default function BuildingMapView({ onlyIds }: { onlyIds?: string[] | undefined }) {
  const m = useT();
  const t = m.buildings.map;
  const all = useApi<MapData>(buildingApi.map);
  const idKey = onlyIds?.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: idKey stands for the id list.
  const shown = useMemo(() => {
    if (!all.data || !onlyIds) return all.data;
    const keep = new Set(onlyIds);
    return { ...all.data, items: all.data.items.filter((b) => keep.has(b.id)) };
  }, [all.data, idKey]);
  if (all.error) return <LoadError error={all.error} onRetry={all.reload} />;
  if (!shown) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data = { data: shown };
  if (data.data.items.length === 0) return <Empty description={onlyIds ? t.noMatches : t.noCoordinates} />;
  return (
    <Flex vertical gap={12}>
      {data.data.tileUrl ? null : <Alert type="info" showIcon title={t.noTiles} />}
      <MapCanvas data={data.data} />
      <Flex justify="space-between" wrap gap={8}>
        <div className="qifu-bld-legend">
          <span>
            <span className="qifu-bld-dot" style={{ background: VACANT }} />
            {t.legendVacant}
          </span>
          <span>
            <span className="qifu-bld-dot" style={{ background: FULL }} />
            {t.legendFull}
          </span>
        </div>
        <Typography.Text type="secondary" className="qifu-small">
          {t.count(data.data.items.length)}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

/** The popup of a marker, built as DOM nodes with textContent: names never pass through an HTML parser. */
function popupContent(b: MapBuilding, m: Messages, open: (id: string) => void): HTMLElement {
  const t = m.buildings;
  const root = document.createElement('div');
  root.className = 'qifu-bld-map-popup';
  const add = (tag: string, text: string) => {
    const el = document.createElement(tag);
    el.textContent = text;
    root.appendChild(el);
    return el;
  };
  add('strong', b.name);
  add(
    'span',
    `${t.grades[b.grade as keyof typeof t.grades] ?? b.grade} · ${b.vacantCount > 0 ? t.map.vacant(b.vacantCount) : t.card.noVacant}`,
  );
  const day = rentRange(b.rentMonthly?.min, b.rentMonthly?.max, 'yuan_per_sqm_day');
  const month = rentRange(b.rentMonthly?.min, b.rentMonthly?.max, 'yuan_per_sqm_month');
  if (day && month) {
    add('span', `${day} ${t.rentUnits.yuan_per_sqm_day}`);
    add('span', `${month} ${t.rentUnits.yuan_per_sqm_month}`);
  }
  const link = add('a', t.map.details) as HTMLAnchorElement;
  link.href = buildingPages.detail(b.id);
  link.addEventListener('click', (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    open(b.id);
  });
  return root;
}

function MapCanvas({ data }: { data: MapData }) {
  const m = useT();
  const navigate = useNavigate();
  const el = useRef<HTMLElement>(null);
  const plain = !data.tileUrl;

  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, { scrollWheelZoom: false, attributionControl: true, zoomSnap: 0.5 });
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, { attribution: data.attribution ?? '', maxZoom: 19 }).addTo(map);
    } else {
      map.attributionControl.addAttribution(m.buildings.map.attributionNone);
    }
    const points = data.items.map((b) => ({ lat: b.lat, lng: b.lng }));
    const bounds = mapBounds(points);
    if (plain) {
      for (const line of graticule(bounds, 0.01)) {
        L.polyline(line, { color: '#c7d2e1', weight: 1, interactive: false }).addTo(map);
      }
    }
    const open = (id: string) => navigate(buildingPages.detail(id));
    for (const b of data.items) {
      const marker = L.circleMarker([b.lat, b.lng], {
        radius: b.vacantCount > 0 ? 9 : 7,
        color: '#fff',
        weight: 2,
        fillColor: b.vacantCount > 0 ? VACANT : FULL,
        fillOpacity: 0.95,
      }).addTo(map);
      marker.bindPopup(() => popupContent(b, m, open));
      if (plain) {
        marker.bindTooltip(b.name, {
          permanent: true,
          direction: 'right',
          className: 'qifu-bld-map-label',
          offset: [8, 0],
        });
      } else {
        marker.bindTooltip(b.name);
      }
    }
    L.control.scale({ imperial: false }).addTo(map);
    map.fitBounds(
      [
        [bounds.south, bounds.west],
        [bounds.north, bounds.east],
      ],
      // Names are drawn to the right of the dots: keep room for them inside the frame.
      { paddingTopLeft: [32, 32], paddingBottomRight: [plain ? 150 : 32, 32], maxZoom: 16 },
    );
    return () => {
      map.remove();
    };
  }, [data, m, navigate, plain]);

  return (
    <section
      ref={el}
      className={`qifu-bld-map${plain ? ' is-plain' : ''}`}
      aria-label={m.buildings.map.title}
    />
  );
}
