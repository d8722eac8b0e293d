const enc = encodeURIComponent;

/** API paths of the visit records (src/server/modules/enterprises/visit-routes.ts). */
export const visitApi = {
  list: '/visits',
  enterprises: '/visits/enterprises',
  coverage: '/visits/coverage',
  visit: (id: string) => `/visits/${enc(id)}`,
  notes: (id: string) => `/visits/${enc(id)}/notes`,
  problem: (id: string, problemId: string) => `/visits/${enc(id)}/problems/${enc(problemId)}`,
  appeal: (id: string, problemId: string) => `/visits/${enc(id)}/problems/${enc(problemId)}/appeal`,
  ofEnterprise: (enterpriseId: string) => `/enterprises/${enc(enterpriseId)}/visits`,
};

/** Workbench pages of the visit records. */
export const visitPages = {
  list: '/workbench/visits',
  coverage: '/workbench/visits?tab=coverage',
  create: (enterpriseId?: string) =>
    `/workbench/visits/new${enterpriseId ? `?enterprise=${enc(enterpriseId)}` : ''}`,
  visit: (id: string) => `/workbench/visits/${enc(id)}`,
  edit: (id: string) => `/workbench/visits/${enc(id)}/edit`,
  ofEnterprise: (enterpriseId: string) => `/workbench/visits?enterprise=${enc(enterpriseId)}`,
  enterprise: (enterpriseId: string) => `/workbench/enterprises/${enc(enterpriseId)}`,
  appeal: (idOrCode: string) => `/workbench/appeals/${enc(idOrCode)}`,
};
