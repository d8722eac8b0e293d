import './appeals-staff.css';

/** The appeals API paths and the workbench pages, in one place. */
export const appealApi = {
  appeals: '/appeals',
  appeal: (id: string) => `/appeals/${encodeURIComponent(id)}`,
  action: (id: string, action: string) =>
    `/appeals/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`,
  opinion: (id: string) => `/appeals/${encodeURIComponent(id)}/opinion`,
  stats: '/appeals/stats',
  statsExport: '/api/v1/appeals/stats/export',
  topics: '/appeal-topics',
  topic: (code: string) => `/appeal-topics/${encodeURIComponent(code)}`,
  slaSettings: '/appeal-settings/sla',
  kbManage: '/appeal-kb/manage',
  kb: '/appeal-kb',
  kbEntry: (id: string) => `/appeal-kb/${encodeURIComponent(id)}`,
  kbPublish: (id: string) => `/appeal-kb/${encodeURIComponent(id)}/publish`,
  kbArchive: (id: string) => `/appeal-kb/${encodeURIComponent(id)}/archive`,
  departments: '/departments',
  enterprises: '/enterprises',
  /** An attachment of an appeal, downloaded through the appeal (the scope check is the appeal's). */
  file: (id: string, fileId: string) =>
    `/api/v1/appeals/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`,
};

export const appealPages = {
  queue: '/workbench/appeals',
  detail: (id: string) => `/workbench/appeals/${encodeURIComponent(id)}`,
  create: '/workbench/appeals/new',
  kb: '/workbench/appeals/kb',
  kbFromAppeal: (id: string) => `/workbench/appeals/kb?from=${encodeURIComponent(id)}`,
  supervision: '/workbench/supervision',
  catalogue: '/workbench/appeal-catalogue',
};
