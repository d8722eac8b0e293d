/** The public service entries of SPEC §2, in the order the home page shows them. */
export const SERVICE_KEYS = [
  'policies',
  'selfTest',
  'appeals',
  'buildings',
  'news',
  'guides',
  'actionPlan',
  'statistics',
] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];

/** URL slug of each service page (/services/<slug>). */
export const SERVICE_SLUGS: Record<ServiceKey, string> = {
  policies: 'policies',
  selfTest: 'self-test',
  appeals: 'appeals',
  buildings: 'buildings',
  news: 'news',
  guides: 'guides',
  actionPlan: 'action-plan',
  statistics: 'statistics',
};
