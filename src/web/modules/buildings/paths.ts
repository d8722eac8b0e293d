import './buildings.css';

/**
 * Every buildings endpoint the web client calls (docs: /work/notes/buildings-api.md, routes in
 * src/server/modules/buildings), and the pages' own addresses. Pages build URLs only through these.
 */

const enc = encodeURIComponent;

export const buildingApi = {
  search: '/buildings',
  hot: '/buildings/hot',
  map: '/buildings/map',
  building: (id: string) => `/buildings/${enc(id)}`,
  favourite: (id: string) => `/buildings/${enc(id)}/favourite`,
  viewingRequests: (id: string) => `/buildings/${enc(id)}/viewing-requests`,
  myViewings: '/viewing-requests/mine',
  photo: (photoId: string) => `/api/v1/buildings/photos/${enc(photoId)}`,
  // building editor
  manage: '/buildings/manage',
  create: '/buildings',
  archive: (id: string) => `/buildings/${enc(id)}/archive`,
  verify: (id: string) => `/buildings/${enc(id)}/verify`,
  spaces: (id: string) => `/buildings/${enc(id)}/spaces`,
  space: (spaceId: string) => `/building-spaces/${enc(spaceId)}`,
  occupants: (id: string) => `/buildings/${enc(id)}/occupants`,
  occupant: (occupantId: string) => `/building-occupants/${enc(occupantId)}`,
  occupantMoveOut: (occupantId: string) => `/building-occupants/${enc(occupantId)}/move-out`,
  projects: (id: string) => `/buildings/${enc(id)}/projects`,
  project: (projectId: string) => `/building-projects/${enc(projectId)}`,
  projectList: '/building-projects',
  photos: (id: string) => `/buildings/${enc(id)}/photos`,
  photoDelete: (photoId: string) => `/building-photos/${enc(photoId)}`,
  viewingQueue: '/viewing-requests',
  viewing: (requestId: string) => `/viewing-requests/${enc(requestId)}`,
  /** Full URLs (downloads go through the browser, not the JSON client). */
  importTemplate: '/api/v1/buildings/import/template',
  importUpload: '/api/v1/buildings/import',
  importCommit: (importId: string) => `/buildings/import/${enc(importId)}/commit`,
  exportUrl: '/api/v1/buildings/export',
  streets: '/reference/streets',
  enterprises: '/enterprises',
  upload: '/api/v1/files',
};

export const buildingPages = {
  search: '/services/buildings',
  detail: (id: string) => `/buildings/${enc(id)}`,
  myViewings: '/account/viewings',
  login: (next: string) => `/login?next=${enc(next)}`,
  staffList: '/workbench/buildings',
  staffNew: '/workbench/buildings/new',
  staffBuilding: (id: string) => `/workbench/buildings/${enc(id)}`,
  staffViewings: '/workbench/buildings/viewings',
  staffImport: '/workbench/buildings/import',
  staffEnterprise: (id: string) => `/workbench/enterprises/${enc(id)}`,
};
