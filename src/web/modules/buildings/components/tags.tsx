import { ExclamationCircleOutlined, FireOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { BuildingGrade, SpaceStatus, TaxFlag } from '../../../../shared/buildings';
import { useT } from '../../../app/prefs';
import { staleState } from '../format';
import type { ProjectStatus, ViewingStatus } from '../types';

/** The small coloured labels of the buildings pages, one place for their colours. */

const GRADE_COLORS: Record<BuildingGrade, string> = { super_a: 'gold', a: 'blue', b: 'cyan', c: 'default' };

export function GradeTag({ grade }: { grade: string }) {
  const m = useT();
  const g = grade as BuildingGrade;
  return <Tag color={GRADE_COLORS[g] ?? 'default'}>{m.buildings.grades[g] ?? grade}</Tag>;
}

export function TaxFlagTag({ flag }: { flag: TaxFlag | null }) {
  const m = useT();
  if (!flag) return null;
  return (
    <Tag color={flag === 'yi_yuan' ? 'red' : 'volcano'} icon={<FireOutlined />}>
      {m.buildings.taxFlags[flag]}
    </Tag>
  );
}

/** 待核实 with the date the record was last verified, or nothing while it is fresh. */
export function StaleBadge({ stale, lastVerifiedOn }: { stale: boolean; lastVerifiedOn: string | null }) {
  const m = useT();
  const s = staleState(stale, lastVerifiedOn);
  if (s.kind === 'fresh') return null;
  return (
    <Tooltip title={s.verifiedOn ? m.buildings.stale.hint(s.verifiedOn) : m.buildings.stale.hintNever}>
      <Tag color="warning" icon={<ExclamationCircleOutlined />} tabIndex={0}>
        {m.buildings.stale.badge}
      </Tag>
    </Tooltip>
  );
}

const SPACE_COLORS: Record<SpaceStatus, string> = { vacant: 'green', reserved: 'orange', leased: 'default' };

export function SpaceStatusTag({ status }: { status: SpaceStatus }) {
  const m = useT();
  return <Tag color={SPACE_COLORS[status]}>{m.buildings.spaceStatuses[status]}</Tag>;
}

const VIEWING_COLORS: Record<ViewingStatus, string> = {
  pending: 'gold',
  contacted: 'blue',
  viewed: 'cyan',
  closed: 'green',
  cancelled: 'default',
};

export function ViewingStatusTag({ status }: { status: ViewingStatus }) {
  const m = useT();
  return <Tag color={VIEWING_COLORS[status]}>{m.buildings.viewingStatuses[status]}</Tag>;
}

const PROJECT_COLORS: Record<ProjectStatus, string> = {
  negotiating: 'blue',
  signed: 'cyan',
  settled: 'green',
  dropped: 'default',
};

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const m = useT();
  return <Tag color={PROJECT_COLORS[status]}>{m.buildings.projectStatuses[status]}</Tag>;
}
