import type { appealsStaffZh } from './appeals-staff.zh-CN';

/** English copy of the appeals workbench pages, typed against the Chinese. */
export const appealsStaffEn: typeof appealsStaffZh = {
  title: 'Appeal handling',
};
