/** 简体中文 copy of the buildings pages (spliced into zh-CN.ts as `buildings`). */
export const buildingsZh = {
  title: '楼宇资源',
};
