/** 简体中文 copy of the appeals pages (spliced into zh-CN.ts as `appeals`). */
export const appealsZh = {
  title: '诉求受理',
};
