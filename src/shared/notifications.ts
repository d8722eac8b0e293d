import { z } from 'zod';
import { coded } from './validation';

/**
 * Notifications (SPEC §2.7). Other modules notify users inside their own transactions; the inbox lists what a
 * user received, newest first, with the unread count the header badge shows. Besides the inbox, a user chooses
 * which kinds also reach him by SMS or e-mail; those wait in an outbox that a scheduled job sends.
 */

/** Known kinds; the inbox shows the label and may filter by kind. New kinds only need a label here. */
export const NOTIFICATION_KINDS = [
  'program_eligible',
  'policy_published',
  'claim_candidate',
  'claim_submitted',
  'claim_returned',
  'claim_approved',
  'claim_rejected',
  'claim_paid',
  'appeal',
  'appeal_reminder',
  'viewing',
  'system',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  program_eligible: '政策推送',
  policy_published: '订阅政策',
  claim_candidate: '免申即享',
  claim_submitted: '兑现申请',
  claim_returned: '补正材料',
  claim_approved: '审核通过',
  claim_rejected: '审核未通过',
  claim_paid: '资金拨付',
  appeal: '诉求',
  appeal_reminder: '诉求时限提醒',
  viewing: '看房预约',
  system: '系统通知',
};

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** A path inside the web UI (`/policies/programs/…`), or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  /** `true`: only unread. */
  unread: z.enum(['true', 'false']).optional(),
  kind: z.enum(NOTIFICATION_KINDS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.input<typeof notificationListQuerySchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  /** Unread notifications of the user, whatever the filter. */
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

// ——— channels outside the inbox: SMS and e-mail (the outbox) ———

/** Channels a user may choose besides the in-app inbox, which always receives everything. */
export const EXTERNAL_CHANNELS = ['sms', 'email'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

/** The kinds each kind of user can receive: the preferences page lists these. */
export const KINDS_BY_USER_KIND: Record<'enterprise' | 'staff', readonly NotificationKind[]> = {
  enterprise: [
    'program_eligible',
    'policy_published',
    'claim_candidate',
    'claim_submitted',
    'claim_returned',
    'claim_approved',
    'claim_rejected',
    'claim_paid',
    'appeal',
    'viewing',
    'system',
  ],
  staff: ['appeal_reminder', 'appeal', 'claim_submitted', 'viewing', 'system'],
};

/**
 * What goes outside the inbox when the user has not chosen: by SMS only what asks for action or reports money
 * (免申即享 to confirm, claim decisions and payments; deadline reminders for staff), by e-mail — which a user
 * receives only after giving an address — the same plus the informative kinds. `system` never leaves the inbox
 * unless asked.
 */
export const DEFAULT_EXTERNAL_KINDS: Record<
  'enterprise' | 'staff',
  Record<ExternalChannel, readonly NotificationKind[]>
> = {
  enterprise: {
    sms: ['claim_candidate', 'claim_returned', 'claim_approved', 'claim_rejected', 'claim_paid'],
    email: KINDS_BY_USER_KIND.enterprise.filter((k) => k !== 'system'),
  },
  staff: {
    sms: ['appeal_reminder'],
    email: KINDS_BY_USER_KIND.staff.filter((k) => k !== 'system'),
  },
};

/** Whether `kind` goes by `channel` to a user of `userKind` who has not chosen otherwise. */
export function defaultExternal(userKind: string, kind: string, channel: ExternalChannel): boolean {
  const byKind = DEFAULT_EXTERNAL_KINDS[userKind === 'staff' ? 'staff' : 'enterprise'];
  return (byKind[channel] as readonly string[]).includes(kind);
}

export function isNotificationKind(v: string): v is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(v);
}

/** A plain address check (one @, a dot in the domain, no spaces); the mail server has the last word. */
const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
export function isEmail(v: string): boolean {
  return v.length <= 254 && EMAIL_RE.test(v);
}
/** An e-mail address, or '' for none. */
export const emailOrEmptySchema = z
  .string()
  .trim()
  .refine((v) => v === '' || isEmail(v), coded('INVALID_EMAIL', '请输入有效的电子邮箱地址'));

/** `zhang.san@example.cn` → `zh***@example.cn` */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, local.length - 1) || 1)}***${email.slice(at)}`;
}

const kindSchema = z
  .string()
  .refine(isNotificationKind, coded('UNKNOWN_NOTIFICATION_KIND', '消息类型不存在'))
  .transform((v) => v as NotificationKind);

export const notificationPreferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  sms: z.boolean(),
  email: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

export const notificationPreferencesSchema = z.object({
  /** The login phone, masked; SMS go there. Null for staff without a phone on record. */
  phoneMasked: z.string().nullable(),
  /** The user's own e-mail address (he set it), or null. */
  email: z.string().nullable(),
  /** One entry per kind this user can receive, with the effective choice (his, or the default). */
  items: z.array(notificationPreferenceSchema),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const notificationPreferencesInputSchema = z.strictObject({
  /** A new address, or '' / null to remove it; absent leaves it as it is. */
  email: emailOrEmptySchema.nullable().optional(),
  /** Only the kinds listed change. */
  items: z
    .array(z.strictObject({ kind: kindSchema, sms: z.boolean(), email: z.boolean() }))
    .max(NOTIFICATION_KINDS.length)
    .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, '每种消息类型只能出现一次')
    .optional(),
});
export type NotificationPreferencesInput = z.input<typeof notificationPreferencesInputSchema>;

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const outboxListQuerySchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  channel: z.enum(EXTERNAL_CHANNELS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type OutboxListQuery = z.input<typeof outboxListQuerySchema>;

/** One message to send outside the inbox, as the administrator sees it: the recipient masked, no content. */
export const outboxEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  channel: z.enum(EXTERNAL_CHANNELS),
  recipientMasked: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const outboxListSchema = z.object({
  items: z.array(outboxEntrySchema),
  total: z.number().int(),
  /** Rows per status, whatever the filter (the tabs show them). */
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OutboxList = z.infer<typeof outboxListSchema>;
