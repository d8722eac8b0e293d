import { Timeline, Typography } from 'antd';
import { formatShanghai } from '../../../../shared/format';
import type { Claim } from '../../../../shared/policies';
import { useT } from '../../../app/prefs';
import { formatYuan } from '../money';

const COLORS: Record<string, string> = {
  approve: 'green',
  pay: 'green',
  reject: 'red',
  return: 'orange',
  withdraw: 'gray',
};

/** 办理过程: every step of a claim, who took it and what they said. */
export function ClaimTimeline({ events }: { events: Claim['events'] }) {
  const m = useT();
  const t = m.policies.claim;
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: COLORS[e.action] ?? 'blue',
        content: (
          <div className="qifu-timeline-item">
            <strong>{m.policies.claimActions[e.action]}</strong>
            <Typography.Text type="secondary" className="qifu-small">
              {' '}
              {formatShanghai(e.at)}
            </Typography.Text>
            <div className="qifu-small">
              {e.actorName ? t.by(e.actorName) : t.system}
              {e.amount !== null ? ` · ${formatYuan(e.amount)}` : ''}
            </div>
            {e.note ? <div className="qifu-prewrap">{e.note}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
