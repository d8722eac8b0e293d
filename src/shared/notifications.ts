import { z } from 'zod';

/**
 * The in-app inbox (SPEC §2.7). Other modules notify users inside their own transactions; the inbox lists what a
 * user received, newest first, with the unread count the header badge shows.
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
