import type { AppealAction } from '../../../shared/appeals';

/**
 * Every appeals endpoint the portal pages call (the API contract of /work/notes/appeals-api.md), in one place: the
 * pages build URLs only through these.
 */

const enc = encodeURIComponent;

export const appealApi = {
  appeals: '/appeals',
  appeal: (id: string) => `/appeals/${enc(id)}`,
  action: (id: string, action: AppealAction) => `/appeals/${enc(id)}/actions/${action}`,
  similar: '/appeals/similar',
  topics: '/appeal-topics',
  kb: '/appeal-kb',
  kbEntry: (id: string) => `/appeal-kb/${enc(id)}`,
};

/** Downloads are plain links (the browser sends the session cookie), so they carry the /api/v1 prefix. */
export const appealDownloads = {
  file: (appealId: string, fileId: string) => `/api/v1/appeals/${enc(appealId)}/files/${enc(fileId)}`,
};

/** Web UI paths of the appeal pages of the portal (the notification links use the same ones). */
export const appealPages = {
  home: '/services/appeals',
  kbEntry: (id: string) => `/services/appeals/kb/${enc(id)}`,
  mine: '/enterprise/appeals',
  create: '/enterprise/appeals/new',
  appeal: (id: string) => `/enterprise/appeals/${enc(id)}`,
  /** The login page, coming back to the intake form. */
  loginToCreate: `/login?next=${enc('/enterprise/appeals/new')}`,
};
