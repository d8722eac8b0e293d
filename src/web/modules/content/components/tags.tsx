import { PushpinOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useT } from '../../../app/prefs';
import type { ArticleChannel, ContentDisplayState, GuideCategory, MeasureStatus } from '../types';

const CHANNEL_COLORS: Record<ArticleChannel, string> = {
  notice: 'red',
  news: 'blue',
  interpretation: 'purple',
  event: 'cyan',
};

export function ChannelTag({ channel }: { channel: ArticleChannel }) {
  const m = useT();
  return <Tag color={CHANNEL_COLORS[channel]}>{m.content.channels[channel] ?? channel}</Tag>;
}

export function PinnedTag() {
  const m = useT();
  return (
    <Tag color="volcano" icon={<PushpinOutlined aria-hidden="true" />}>
      {m.content.news.pinned}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: GuideCategory }) {
  const m = useT();
  return <Tag color="geekblue">{m.content.categories[category] ?? category}</Tag>;
}

const STATE_COLORS: Record<ContentDisplayState, string> = {
  draft: 'default',
  scheduled: 'gold',
  published: 'green',
  archived: 'default',
};

export function StateTag({ state }: { state: ContentDisplayState }) {
  const m = useT();
  return (
    <Tag color={STATE_COLORS[state]} className={state === 'archived' ? 'qifu-cnt-archived' : undefined}>
      {m.content.states[state] ?? state}
    </Tag>
  );
}

const MEASURE_COLORS: Record<MeasureStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  delayed: 'error',
};

/** 滞后 in red, 已完成 in green: the colour repeats the word, never replaces it. */
export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  const m = useT();
  return <Tag color={MEASURE_COLORS[status]}>{m.content.measureStatuses[status] ?? status}</Tag>;
}
