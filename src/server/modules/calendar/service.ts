import type { DB } from '../../db/database';
import type { AuditLog } from '../../platform/audit/audit';
import { type CalendarYearData, OFFICIAL_CALENDAR } from '../../platform/calendar/official-holidays';
import { validateCalendarYear, WorkdayCalendar } from '../../platform/calendar/workdays';
import type { Clock } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';

/** How often an instance re-reads the calendar table to see years another instance added. */
const REFRESH_MS = 60_000;

/**
 * The working-day calendar of the platform: the official years shipped with Qifu plus the years admins add each
 * November. Held in memory (every deadline computation reads it) and reloaded from the database when it changes.
 */
export class CalendarService {
  private calendar = new WorkdayCalendar([]);
  private years: CalendarYearData[] = [];
  private checkedAt = 0;
  private yearCount = 0;

  constructor(
    private readonly db: DB,
    private readonly clock: Clock,
  ) {}

  /** Insert shipped official years that are missing, then read the whole table. */
  async load(): Promise<void> {
    const existing = new Set(
      (await this.db.selectFrom('calendarYears').select('year').execute()).map((r) => r.year),
    );
    for (const y of OFFICIAL_CALENDAR) {
      if (!existing.has(y.year)) await this.db.transaction().execute((trx) => this.insertYear(trx, y, null));
    }
    await this.reload();
  }

  private async reload(): Promise<void> {
    const [years, days] = await Promise.all([
      this.db.selectFrom('calendarYears').selectAll().orderBy('year').execute(),
      this.db.selectFrom('calendarDays').selectAll().orderBy('date').execute(),
    ]);
    this.years = years.map((y) => ({
      year: y.year,
      source: y.source,
      holidays: days
        .filter((d) => d.year === y.year && d.kind === 'holiday')
        .map((d) => ({ date: d.date, name: d.name })),
      makeupWorkdays: days
        .filter((d) => d.year === y.year && d.kind === 'workday')
        .map((d) => ({ date: d.date, name: d.name })),
    }));
    this.calendar = new WorkdayCalendar(this.years);
    this.yearCount = years.length;
    this.checkedAt = this.clock.now().getTime();
  }

  /** The current calendar; re-checks the table at most once a minute so all instances converge. */
  async current(): Promise<WorkdayCalendar> {
    if (this.clock.now().getTime() - this.checkedAt > REFRESH_MS) {
      this.checkedAt = this.clock.now().getTime();
      const row = await this.db
        .selectFrom('calendarYears')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      if (Number(row?.n ?? 0) !== this.yearCount) await this.reload();
    }
    return this.calendar;
  }

  /** The calendar as loaded, for synchronous callers inside a request that already awaited current(). */
  get loaded(): WorkdayCalendar {
    return this.calendar;
  }

  listYears(): CalendarYearData[] {
    return this.years;
  }

  /** An admin adds a year from the State Council's notice (each November for the next year). */
  async addYear(ctx: RequestContext, audit: AuditLog, data: CalendarYearData): Promise<CalendarYearData> {
    const problems = validateCalendarYear(data);
    if (problems.length > 0) throw new AppError('INVALID_CALENDAR', problems[0], { problems });
    await this.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom('calendarYears')
        .select('year')
        .where('year', '=', data.year)
        .executeTakeFirst();
      if (exists) throw new AppError('CALENDAR_YEAR_EXISTS', `${data.year} 年的日历已存在`);
      await this.insertYear(trx, data, ctx.principal?.userId ?? null);
      await audit.write(trx, ctx, {
        action: 'calendar.year.add',
        objectType: 'calendar_year',
        objectId: String(data.year),
        details: {
          holidays: data.holidays.length,
          makeupWorkdays: data.makeupWorkdays.length,
          source: data.source,
        },
      });
    });
    await this.reload();
    return this.years.find((y) => y.year === data.year)!;
  }

  private async insertYear(trx: DB, y: CalendarYearData, by: string | null): Promise<void> {
    await trx
      .insertInto('calendarYears')
      .values({ year: y.year, source: y.source, createdAt: this.clock.now().toISOString(), createdBy: by })
      .execute();
    const rows = [
      ...y.holidays.map((d) => ({ date: d.date, year: y.year, kind: 'holiday', name: d.name })),
      ...y.makeupWorkdays.map((d) => ({ date: d.date, year: y.year, kind: 'workday', name: d.name })),
    ];
    if (rows.length > 0) await trx.insertInto('calendarDays').values(rows).execute();
  }
}
