import type { z } from 'zod';
import type {
  calendarQuerySchema,
  PolicyCalendar,
  PolicySearchScope,
  ProgramMode,
  policySearchQuerySchema,
} from '../../../shared/policies';
import { POLICY_SEARCH_COUNT_LIMIT, SEARCH_SCOPES, windowStateOf } from '../../../shared/policies';
import type { PolicyContext } from './context';

/** Finding policies: Chinese full-text search with filters, and the calendar of application windows. */
export class DiscoveryService {
  constructor(private readonly c: PolicyContext) {}

  async search(q: z.output<typeof policySearchQuerySchema>) {
    const r = await this.c.search.search({
      query: q.q,
      scopes: q.scope ? [q.scope] : SEARCH_SCOPES,
      filters: { level: q.level, body: q.body, topic: q.topic, status: q.status, mode: q.mode },
      openOn: q.openNow ? this.c.today() : undefined,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
      countLimit: POLICY_SEARCH_COUNT_LIMIT,
    });
    return {
      items: r.items.map((h) => ({
        scope: h.scope as PolicySearchScope,
        id: h.id,
        title: h.title,
        titleHtml: h.titleHtml,
        snippet: h.snippet,
        publishedOn: h.publishedOn,
        score: h.score,
      })),
      total: r.total,
      totalCapped: r.totalCapped,
      page: q.page,
      pageSize: q.pageSize,
      terms: r.terms,
    };
  }

  /** Programs whose application window overlaps each month of the year (or the one month asked for). */
  async calendar(q: z.output<typeof calendarQuerySchema>): Promise<PolicyCalendar> {
    const months = q.month ? [q.month] : Array.from({ length: 12 }, (_, i) => i + 1);
    const first = `${q.year}-${String(months[0]).padStart(2, '0')}-01`;
    const last = monthEnd(q.year, months[months.length - 1]!);
    const programs = await this.c.repo.programsInWindow(first, last);
    const today = this.c.today();
    return {
      year: q.year,
      months: months.map((month) => {
        const from = `${q.year}-${String(month).padStart(2, '0')}-01`;
        const to = monthEnd(q.year, month);
        return {
          month,
          items: programs
            .filter((p) => p.windowStart! <= to && (p.windowEnd === null || p.windowEnd >= from))
            .map((p) => ({
              programId: p.id,
              title: p.title,
              mode: p.mode as ProgramMode,
              department: p.departmentName,
              windowStart: p.windowStart!,
              windowEnd: p.windowEnd,
              windowState: windowStateOf(p.windowStart, p.windowEnd, today),
              opensThisMonth: p.windowStart! >= from,
              closesThisMonth: p.windowEnd !== null && p.windowEnd <= to,
            })),
        };
      }),
    };
  }
}

function monthEnd(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}
