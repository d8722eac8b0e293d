import { useId } from 'react';
import { useT } from '../../../app/prefs';
import { illustrationPalette } from '../format';

const W = 320;
const H = 180;
const GROUND = 158;

/** Three towers with lit windows; heights and colours follow the name, so each building keeps its own picture. */
function Tower({
  x,
  width,
  height,
  fill,
  shade,
  window,
}: Record<'x' | 'width' | 'height', number> & {
  fill: string;
  shade: string;
  window: string;
}) {
  const top = GROUND - height;
  const cols = Math.max(2, Math.floor((width - 8) / 10));
  const rows = Math.max(2, Math.floor((height - 14) / 12));
  const cells = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      cells.push(
        <rect
          key={`${r}-${c}`}
          x={x + 6 + c * 10}
          y={top + 10 + r * 12}
          width={5}
          height={6}
          rx={1}
          fill={window}
        />,
      );
    }
  }
  return (
    <g>
      <rect x={x} y={top} width={width} height={height} fill={fill} />
      <rect x={x + width - 6} y={top} width={6} height={height} fill={shade} />
      <rect x={x + width / 2 - 1} y={top - 10} width={2} height={10} fill={shade} />
      {cells}
    </g>
  );
}

/** The picture of a building without a photo: a calm generated skyline, labelled as a 示意图 for screen readers. */
export function BuildingIllustration({ name, className }: { name: string; className?: string }) {
  const m = useT();
  const id = useId();
  const p = illustrationPalette(name);
  const [a, b, c] = p.heights;
  const maxH = GROUND - 22;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="xMidYMid slice"
      className={`qifu-bld-illustration${className ? ` ${className}` : ''}`}
      role="img"
      aria-label={m.buildings.illustration(name)}
    >
      <defs>
        <linearGradient id={`${id}-sky`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor={p.skyTop} />
          <stop offset="1" stopColor={p.skyBottom} />
        </linearGradient>
      </defs>
      <rect width={W} height={H} fill={`url(#${id}-sky)`} />
      <circle cx={262} cy={42} r={16} fill={p.window} opacity={0.9} />
      <path
        d={`M0 ${GROUND - 18} Q 80 ${GROUND - 34} 160 ${GROUND - 20} T ${W} ${GROUND - 24} V ${GROUND} H 0 Z`}
        fill={p.ground}
        opacity={0.6}
      />
      <Tower x={58} width={54} height={maxH * a} fill={p.tower} shade={p.towerShade} window={p.window} />
      <Tower x={126} width={64} height={maxH * b} fill={p.towerShade} shade={p.tower} window={p.window} />
      <Tower x={204} width={50} height={maxH * c} fill={p.tower} shade={p.towerShade} window={p.window} />
      <rect y={GROUND} width={W} height={H - GROUND} fill={p.ground} />
    </svg>
  );
}
