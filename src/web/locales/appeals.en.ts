import type { appealsZh } from './appeals.zh-CN';

/** English copy of the appeals pages, typed against the Chinese. */
export const appealsEn: typeof appealsZh = {
  title: 'Appeals',
};
