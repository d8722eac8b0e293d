import './policies.css';

/**
 * Every policies endpoint the web client calls (src/server/modules/policies/routes.ts and claim-routes.ts), in one
 * place: the pages build URLs only through these, and src/web/app/api-contract.test.ts checks that each exists.
 */

const enc = encodeURIComponent;

export const policyApi = {
  topics: '/policies/topics',
  catalogue: '/policies/rules/catalogue',
  preview: '/policies/rules/preview',
  search: '/policies/search',
  calendar: '/policies/calendar',
  documents: '/policies/documents',
  document: (id: string) => `/policies/documents/${enc(id)}`,
  documentVersion: (id: string, n: number) => `/policies/documents/${enc(id)}/versions/${n}`,
  documentPublish: (id: string) => `/policies/documents/${enc(id)}/publish`,
  documentStatus: (id: string) => `/policies/documents/${enc(id)}/status`,
  interpretations: '/policies/interpretations',
  interpretation: (id: string) => `/policies/interpretations/${enc(id)}`,
  interpretationPublish: (id: string) => `/policies/interpretations/${enc(id)}/publish`,
  programs: '/policies/programs',
  program: (id: string) => `/policies/programs/${enc(id)}`,
  programRuleVersions: (id: string) => `/policies/programs/${enc(id)}/rule-versions`,
  programEvaluation: (id: string) => `/policies/programs/${enc(id)}/evaluation`,
  programPushRecords: (id: string) => `/policies/programs/${enc(id)}/push-records`,
  programPublish: (id: string) => `/policies/programs/${enc(id)}/publish`,
  programWithdraw: (id: string) => `/policies/programs/${enc(id)}/withdraw`,
  matches: '/policies/matches',
  selfTest: '/policies/self-test',
  subscriptions: '/policies/subscriptions',
  claimDraft: (programId: string) => `/policies/programs/${enc(programId)}/claim-draft`,
  claimSubmit: (programId: string) => `/policies/programs/${enc(programId)}/claims`,
  claims: '/policies/claims',
  claim: (id: string) => `/policies/claims/${enc(id)}`,
  claimStep: (id: string, step: ClaimStep) => `/policies/claims/${enc(id)}/${step}`,
  notices: '/policies/notices',
  upload: '/files',
  notifications: '/notifications',
  notificationRead: (id: string) => `/notifications/${enc(id)}/read`,
  notificationsReadAll: '/notifications/read-all',
};

export type ClaimStep = 'confirm' | 'resubmit' | 'withdraw' | 'approve' | 'return' | 'reject' | 'pay';

/** Downloads are plain links (the browser fetches them with the session cookie), so they carry the /api/v1 prefix. */
export const policyDownloads = {
  documentAttachment: (id: string, fileId: string) =>
    `/api/v1/policies/documents/${enc(id)}/attachments/${enc(fileId)}`,
  interpretationImage: (id: string) => `/api/v1/policies/interpretations/${enc(id)}/image`,
  claimAttachment: (id: string, fileId: string) =>
    `/api/v1/policies/claims/${enc(id)}/attachments/${enc(fileId)}`,
  ownFile: (fileId: string) => `/api/v1/files/${enc(fileId)}`,
};

/** Web UI paths of the policy pages (the notification links use the same ones). */
export const policyPages = {
  home: '/services/policies',
  selfTest: '/services/self-test',
  calendar: '/policies/calendar',
  notices: '/policies/notices',
  document: (id: string, version?: number) =>
    `/policies/documents/${enc(id)}${version !== undefined ? `?version=${version}` : ''}`,
  interpretation: (id: string) => `/policies/interpretations/${enc(id)}`,
  program: (id: string) => `/policies/programs/${enc(id)}`,
  matches: '/enterprise/matches',
  apply: (programId: string) => `/enterprise/apply/${enc(programId)}`,
  claims: '/enterprise/claims',
  claim: (id: string) => `/enterprise/claims/${enc(id)}`,
  subscriptions: '/enterprise/subscriptions',
  profileTab: (tab: string) => `/enterprise?tab=${enc(tab)}`,
  inbox: '/inbox',
  staffPolicies: '/workbench/policies',
  staffDocument: (id: string) => `/workbench/policies/documents/${enc(id)}`,
  staffInterpretation: (id: string) => `/workbench/policies/interpretations/${enc(id)}`,
  staffProgram: (id: string) => `/workbench/policies/programs/${enc(id)}`,
  staffClaims: '/workbench/claims',
  staffClaim: (id: string) => `/workbench/claims/${enc(id)}`,
};
