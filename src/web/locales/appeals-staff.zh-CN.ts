/** 简体中文 copy of the appeals workbench pages (spliced into zh-CN.ts as `appealsStaff`). */
export const appealsStaffZh = {
  title: '诉求办理',
};
