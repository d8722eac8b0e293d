import { Tag, Tooltip } from 'antd';
import type { Provenance } from '../../../../shared/enterprises';
import { formatShanghai } from '../../../../shared/format';
import { useT } from '../../../app/prefs';

const COLORS: Record<Provenance['source'], string> = { self: 'blue', import: 'purple', staff: 'green' };

/**
 * Where a value came from (企业自报 / 批量导入 / 部门核验) and when: one small tag beside the value, with the
 * import file and the person in its tooltip.
 */
export function ProvenanceTag({
  provenance,
  compact = false,
}: {
  provenance: Provenance | undefined;
  compact?: boolean;
}) {
  const m = useT();
  if (!provenance) return null;
  const date = formatShanghai(provenance.updatedAt, false);
  const details = [
    provenance.sourceRef ? m.enterprise.provenanceFile(provenance.sourceRef) : null,
    provenance.updatedByName ? m.enterprise.provenanceBy(provenance.updatedByName) : null,
    compact ? m.enterprise.sources[provenance.source] : null,
    m.enterprise.provenanceAt(formatShanghai(provenance.updatedAt)),
  ].filter(Boolean);
  return (
    <Tooltip title={details.join(m.enterprise.listSeparator)} trigger={['hover', 'focus']}>
      <Tag color={COLORS[provenance.source]} className="qifu-provenance" tabIndex={0}>
        {compact
          ? m.enterprise.sourcesShort[provenance.source]
          : `${m.enterprise.sources[provenance.source]} · ${date}`}
      </Tag>
    </Tooltip>
  );
}
