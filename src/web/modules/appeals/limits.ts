/**
 * Limits of the intake form as src/shared/appeals-api.ts enforces them, mirrored here so that the browser bundles
 * carry no zod (limits.test.ts keeps the two equal).
 */
export const APPEAL_CONTENT_MAX = 5000;
export const APPEAL_TITLE_MAX = 100;
export const APPEAL_MAX_ATTACHMENTS = 10;
export const CONTACT_NAME_MAX = 50;
export const CONTACT_PHONE_MAX = 30;
export const TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion'] as const;
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
