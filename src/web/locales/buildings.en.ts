import type { buildingsZh } from './buildings.zh-CN';

/** English copy of the buildings pages, typed against the Chinese. */
export const buildingsEn: typeof buildingsZh = {
  title: 'Buildings',
};
