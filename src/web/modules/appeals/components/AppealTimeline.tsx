import { Empty, Timeline, Typography } from 'antd';
import type { FileInfo } from '../../../../shared/files';
import { formatShanghai } from '../../../../shared/format';
import { useT } from '../../../app/prefs';
import type { Messages } from '../../../locales/zh-CN';
import {
  eventActor,
  eventColor,
  eventLabel,
  eventTarget,
  filesByEvent,
  orderEvents,
  type TimelineWords,
} from '../timeline';
import type { AppealEvent } from '../types';
import { EventFiles } from './AppealFiles';

export function timelineWords(m: Messages): TimelineWords {
  const a = m.appeals;
  return {
    actions: a.actions,
    extra: {
      submit: a.events.submit,
      opinion: a.events.opinion,
      remind: a.events.remind,
      note: a.events.note,
    },
    roles: a.roles,
    unknownEvent: a.events.unknown,
    sep: a.sla.sep,
  };
}

/**
 * 办理过程: every step of an appeal, oldest first — what, when (Beijing time), which unit or role, the note, and the
 * files the step brought (submission, 补充材料) as download links.
 */
export function AppealTimeline({
  events,
  files = [],
  fileHref,
}: {
  events: AppealEvent[];
  files?: readonly (FileInfo & { eventId?: string | null })[];
  fileHref?(f: FileInfo): string;
}) {
  const m = useT();
  const w = timelineWords(m);
  const byEvent = filesByEvent(files);
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.appeals.detail.noEvents} />;
  return (
    <Timeline
      items={orderEvents(events).map((e, i) => {
        const actor = eventActor(e, w);
        const target = eventTarget(e);
        return {
          key: `${e.seq ?? i}-${e.at}`,
          color: eventColor(e.action),
          content: (
            <div className="qifu-timeline-item">
              <strong>{eventLabel(e.action, w)}</strong>
              <Typography.Text type="secondary" className="qifu-small">
                {' '}
                <time dateTime={e.at}>{formatShanghai(e.at)}</time>
              </Typography.Text>
              {actor ? <div className="qifu-small qifu-appeal-actor">{actor}</div> : null}
              {target ? <div className="qifu-small">{m.appeals.events.to(target)}</div> : null}
              {e.note ? <div className="qifu-prewrap qifu-appeal-note">{e.note}</div> : null}
              {fileHref ? <EventFiles files={byEvent.get(e.id) ?? []} href={fileHref} /> : null}
            </div>
          ),
        };
      })}
    />
  );
}
