import type { z } from 'zod';
import {
  BINDING_ROLES,
  BINDING_STATUSES,
  type Binding,
  type BindingRole,
  type BindingStatus,
  type bindingListQuerySchema,
  type bindingRequestSchema,
  type EnterpriseProfile,
  type EnterpriseSummary,
  type enterpriseListQuerySchema,
  type enterprisePatchSchema,
  FIELD_SOURCES,
  FIRST_FIGURES_YEAR,
  type FieldSource,
  type IndustryTree,
  IP_KIND_LABELS,
  IP_KINDS,
  type IpCounts,
  type IpKind,
  type ipInputSchema,
  type Member,
  PROFILE_FIELD_LABELS,
  PROFILE_FIELDS,
  type ProfileField,
  type Provenance,
  type QualificationKind,
  type qualificationInputSchema,
  type qualificationKindInputSchema,
  type qualificationKindPatchSchema,
  type SizeClassCode,
  type SizeInfo,
  YEARLY_METRIC_LABELS,
  YEARLY_METRICS,
  type YearlyMetric,
  type yearlyInputSchema,
} from '../../../shared/enterprises';
import type { FieldError } from '../../../shared/errors';
import { maskPhone } from '../../../shared/format';
import { findIndustry, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../shared/industries';
import { ENTERPRISE_READER_ROLES } from '../../../shared/roles';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import { isUniqueViolation } from '../../db/dialect';
import { shanghaiToday } from '../../platform/calendar/workdays';
import type { RequestContext } from '../../platform/context';
import { AppError, fieldError, fieldErrors, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import {
  currentYear,
  deriveSize,
  diffFields,
  type EnterprisePermissions,
  isCurrentQualification,
  permissionsFor,
} from './profile';
import {
  type BindingRow,
  type EnterpriseRow,
  EnterprisesRepository,
  markFactsChanged,
  readYearly,
  type YearlyRow,
} from './repository';

type PatchInput = z.output<typeof enterprisePatchSchema>;
type YearlyInput = z.output<typeof yearlyInputSchema>;
type IpInput = z.output<typeof ipInputSchema>;
type QualificationInput = z.output<typeof qualificationInputSchema>;

const ENTERPRISE = 'enterprise';

/**
 * Unique-constraint violations from either driver (pg 23505, better-sqlite3 SQLITE_CONSTRAINT_UNIQUE). Used only to
 * turn a lost race into the same 409 the check before it would have given.
 */
/** The listed keys of an object (the changed fields of a PATCH body). */
function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = obj[k];
  return out;
}

function asFieldSource(v: string): FieldSource {
  return (FIELD_SOURCES as readonly string[]).includes(v) ? (v as FieldSource) : 'import';
}

function asBindingRole(v: string): BindingRole {
  return (BINDING_ROLES as readonly string[]).includes(v) ? (v as BindingRole) : 'enterprise_member';
}

/**
 * Recompute the derived size class of one enterprise from its stored facts and store it (for list filters).
 * Exported for the demo seed and imports, which write profiles without going through the service.
 */
export async function refreshSizeClass(trx: DB, enterpriseId: string, now: Date): Promise<SizeInfo> {
  const ent = await trx
    .selectFrom('enterprises')
    .select(['industryCode', 'employees', 'sizeClass'])
    .where('id', '=', enterpriseId)
    .executeTakeFirstOrThrow();
  const yearly = await readYearly(trx, enterpriseId);
  const size = deriveSize({ industryCode: ent.industryCode, employees: ent.employees, yearly }, now);
  if (size.sizeClass !== ent.sizeClass) {
    await trx
      .updateTable('enterprises')
      .set({ sizeClass: size.sizeClass })
      .where('id', '=', enterpriseId)
      .execute();
  }
  return size;
}

/** Enterprises (SPEC §2.2, 一企一档): reference data, bindings, profiles with provenance, liaison assignment. */
export class EnterprisesService {
  readonly repo: EnterprisesRepository;
  private readonly db: DB;

  constructor(private readonly p: Platform) {
    this.db = p.database.db;
    this.repo = new EnterprisesRepository(this.db, p.database.dialect);
  }

  private now(): Date {
    return this.p.clock.now();
  }

  private today(): string {
    return shanghaiToday(this.now());
  }

  // ——— reference data ———

  streets() {
    return this.repo.streets();
  }

  industries(): IndustryTree {
    return {
      sections: INDUSTRY_SECTIONS.map((s) => ({
        code: s.code,
        name: s.name,
        divisions: INDUSTRY_DIVISIONS.filter((d) => d.section === s.code).map((d) => ({
          code: d.code,
          name: d.name,
        })),
      })),
    };
  }

  async qualificationKinds(includeInactive: boolean): Promise<QualificationKind[]> {
    const rows = await this.repo.qualificationKinds(includeInactive);
    return rows.map((r) => ({ code: r.code, name: r.name, sortOrder: r.sortOrder, active: r.active === 1 }));
  }

  async addQualificationKind(
    ctx: RequestContext,
    input: z.output<typeof qualificationKindInputSchema>,
  ): Promise<QualificationKind> {
    return this.db.transaction().execute(async (trx) => {
      if (await this.repo.qualificationKind(input.code, trx))
        throw fieldError('code', 'QUALIFICATION_KIND_EXISTS', `资质编码“${input.code}”已存在`);
      if (await this.repo.qualificationKindNameTaken(trx, input.name, null))
        throw fieldError('name', 'QUALIFICATION_KIND_EXISTS', `资质“${input.name}”已存在`);
      const row = { code: input.code, name: input.name, sortOrder: input.sortOrder, active: 1 };
      await this.repo.insertQualificationKind(trx, row);
      await this.p.audit.write(trx, ctx, {
        action: 'qualification_kind.create',
        objectType: 'qualification_kind',
        objectId: input.code,
        details: { after: row },
      });
      return { ...row, active: true };
    });
  }

  async updateQualificationKind(
    ctx: RequestContext,
    code: string,
    input: z.output<typeof qualificationKindPatchSchema>,
  ): Promise<QualificationKind> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repo.qualificationKind(code, trx);
      if (!before) throw notFound('资质类型');
      if (input.name !== undefined && (await this.repo.qualificationKindNameTaken(trx, input.name, code))) {
        throw fieldError('name', 'QUALIFICATION_KIND_EXISTS', `资质“${input.name}”已存在`);
      }
      const set = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      };
      if (Object.keys(set).length > 0) {
        await this.repo.updateQualificationKind(trx, code, set);
        await this.p.audit.write(trx, ctx, {
          action: 'qualification_kind.update',
          objectType: 'qualification_kind',
          objectId: code,
          details: { before, after: set },
        });
      }
      const after = { ...before, ...set };
      return { code, name: after.name, sortOrder: after.sortOrder, active: after.active === 1 };
    });
  }

  // ——— access ———

  /** The enterprise with the caller's permissions on it; 404 when the caller may not see it. */
  private async load(
    ctx: RequestContext,
    id: string,
    trx: DB = this.db,
  ): Promise<{ ent: EnterpriseRow; perm: EnterprisePermissions }> {
    const ent = await this.repo.enterprise(id, trx);
    const perm = ent ? permissionsFor(ctx.principal, ent) : null;
    if (!ent || !perm?.read) throw notFound('企业');
    return { ent, perm };
  }

  private async loadForEdit(ctx: RequestContext, id: string) {
    const loaded = await this.load(ctx, id);
    if (!loaded.perm.edit)
      throw new AppError('FORBIDDEN', '只有企业管理员、系统管理员或该企业的专员可以修改企业档案');
    return loaded;
  }

  // ——— profile ———

  async profile(ctx: RequestContext, id: string): Promise<EnterpriseProfile> {
    const { ent, perm } = await this.load(ctx, id);
    return this.present(ctx, ent, perm);
  }

  async mine(ctx: RequestContext): Promise<EnterpriseProfile> {
    const enterpriseId = ctx.principal?.enterpriseId;
    if (!enterpriseId) throw new AppError('NOT_FOUND', '您尚未绑定企业，或绑定申请尚未确认');
    return this.profile(ctx, enterpriseId);
  }

  private async present(
    ctx: RequestContext,
    ent: EnterpriseRow,
    perm: EnterprisePermissions,
  ): Promise<EnterpriseProfile> {
    const now = this.now();
    const today = shanghaiToday(now);
    const [street, yearly, ip, quals, sources, liaison] = await Promise.all([
      ent.streetCode ? this.repo.street(ent.streetCode) : undefined,
      this.repo.yearly(ent.id),
      this.repo.ipCounts(ent.id),
      this.repo.qualifications(ent.id),
      this.repo.fieldSources(ent.id),
      ent.liaisonUserId ? this.repo.user(ent.liaisonUserId) : undefined,
    ]);
    const industry = ent.industryCode ? findIndustry(ent.industryCode) : null;
    const provenance: Record<string, Provenance> = {};
    for (const s of sources) {
      provenance[s.field] = {
        source: asFieldSource(s.source),
        sourceRef: s.sourceRef,
        updatedAt: s.updatedAt,
        updatedByName: s.updatedByName,
      };
    }
    const ipCounts = Object.fromEntries(IP_KINDS.map((k) => [k, ip.get(k) ?? null])) as IpCounts;
    return {
      id: ent.id,
      uscc: ent.uscc,
      name: ent.name,
      legalRepresentative: ent.legalRepresentative,
      registeredCapital: ent.registeredCapital,
      establishedOn: ent.establishedOn,
      registeredAddress: ent.registeredAddress,
      street: street ? { code: street.code, name: street.name } : null,
      industry: industry
        ? {
            code: industry.code,
            name: industry.name,
            division: industry.division,
            section: industry.section,
            sectionName: industry.sectionName,
          }
        : null,
      employees: ent.employees,
      insuredEmployees: ent.insuredEmployees,
      building: ent.building,
      unit: ent.unit,
      tags: ent.tags,
      yearly,
      ip: ipCounts,
      qualifications: quals.map((q) => ({
        id: q.id,
        kind: q.kind,
        kindName: q.kindName,
        recognizedOn: q.recognizedOn,
        expiresOn: q.expiresOn,
        certificateNo: q.certificateNo,
        current: isCurrentQualification(q, today),
        provenance: {
          source: asFieldSource(q.source),
          sourceRef: q.sourceRef,
          updatedAt: q.updatedAt,
          updatedByName: q.updatedByName,
        },
      })),
      liaison: liaison
        ? {
            id: liaison.id,
            name: liaison.displayName,
            phoneMasked: maskPhone(liaison.phone),
            // The liaison is the enterprise's first contact (SPEC §2.2): its own members get the number to call.
            phone:
              ctx.principal?.enterpriseId === ent.id || ctx.principal?.userId === liaison.id
                ? liaison.phone
                : null,
          }
        : null,
      size: deriveSize({ industryCode: ent.industryCode, employees: ent.employees, yearly }, now),
      provenance,
      version: ent.version,
      createdAt: ent.createdAt,
      updatedAt: ent.updatedAt,
      permissions: {
        edit: perm.edit,
        verify: perm.verify,
        assignLiaison: perm.assignLiaison,
        manageMembers: perm.listMembers,
      },
    };
  }

  async list(
    ctx: RequestContext,
    query: z.output<typeof enterpriseListQuerySchema>,
  ): Promise<{ items: EnterpriseSummary[]; total: number; page: number; pageSize: number }> {
    const p = ctx.principal!;
    const districtWide = p.roles.some((r) => ENTERPRISE_READER_ROLES.includes(r));
    // A liaison without a district-wide role sees only his own enterprises, whatever he asks for.
    let liaisonUserId: string | undefined;
    if (!districtWide) liaisonUserId = p.userId;
    else if (query.liaison === 'me') liaisonUserId = p.userId;
    else if (query.liaison) liaisonUserId = query.liaison;
    const { total, rows } = await this.repo.list({
      q: query.q || undefined,
      street: query.street || undefined,
      industry: query.industry || undefined,
      sizeClass: query.sizeClass,
      qualification: query.qualification || undefined,
      liaisonUserId,
      today: this.today(),
      page: query.page,
      pageSize: query.pageSize,
    });
    return {
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((r) => {
        const industry = r.industryCode ? findIndustry(r.industryCode) : null;
        return {
          id: r.id,
          uscc: r.uscc,
          name: r.name,
          street: r.streetCode ? { code: r.streetCode, name: r.streetName ?? r.streetCode } : null,
          industry: r.industryCode ? { code: r.industryCode, name: industry?.name ?? r.industryCode } : null,
          sizeClass: (r.sizeClass as SizeClassCode | null) ?? null,
          employees: r.employees,
          liaison: r.liaisonUserId ? { id: r.liaisonUserId, name: r.liaisonName ?? '' } : null,
          qualifications: r.qualifications,
          tags: r.tags,
          updatedAt: r.updatedAt,
        };
      }),
    };
  }

  // ——— edits ———

  private provenanceFor(ctx: RequestContext, perm: EnterprisePermissions, at: string) {
    return {
      source: perm.asStaff ? ('staff' as const) : ('self' as const),
      sourceRef: null,
      updatedBy: ctx.principal?.userId ?? null,
      updatedAt: at,
    };
  }

  /** Bump the version of an edited enterprise; 409 when someone else saved since `expected`. */
  private async bumpVersion(trx: DB, id: string, expected: number, at: string): Promise<void> {
    if (!(await this.repo.updateEnterprise(trx, id, expected, { updatedAt: at })))
      throw new AppError('STALE_VERSION');
  }

  /** PATCH: validates against the database and the clock, then writes the changed fields with their provenance. */
  async update(ctx: RequestContext, id: string, input: PatchInput): Promise<EnterpriseProfile> {
    const { ent, perm } = await this.loadForEdit(ctx, id);
    // Stale first: checks against stored values would otherwise judge the edit by data its author never saw.
    if (ent.version !== input.version) throw new AppError('STALE_VERSION');
    const today = this.today();
    const errors: FieldError[] = [];
    if (input.uscc !== undefined && input.uscc !== ent.uscc) {
      if (!perm.asStaff) throw fieldError('uscc', 'FORBIDDEN', '统一社会信用代码只能由工作人员更正');
      const other = await this.repo.enterpriseByUscc(input.uscc);
      if (other && other.id !== ent.id)
        throw fieldError('uscc', 'USCC_TAKEN', `统一社会信用代码 ${input.uscc} 已属于“${other.name}”`);
    }
    if (input.streetCode && !(await this.repo.street(input.streetCode))) {
      errors.push({
        field: 'streetCode',
        code: 'UNKNOWN_STREET',
        message: `街道编码“${input.streetCode}”不在本区街道列表中`,
      });
    }
    if (input.establishedOn && input.establishedOn > today) {
      errors.push({
        field: 'establishedOn',
        code: 'DATE_IN_FUTURE',
        message: `成立日期 ${input.establishedOn} 晚于今天（${today}）`,
      });
    }
    // The request may change only one of the two; compare with the stored other one.
    const employees = input.employees !== undefined ? input.employees : ent.employees;
    const insured = input.insuredEmployees !== undefined ? input.insuredEmployees : ent.insuredEmployees;
    if (
      (input.employees !== undefined || input.insuredEmployees !== undefined) &&
      employees !== null &&
      insured !== null &&
      insured > employees
    ) {
      errors.push({
        field: 'insuredEmployees',
        code: 'VALIDATION_FAILED',
        message: `参保人数（${insured}）不能多于从业人员数（${employees}）`,
      });
    }
    if (errors.length > 0) throw fieldErrors(errors);

    const { version, ...fields } = input;
    await this.db.transaction().execute(async (trx) => {
      const current = await this.repo.enterprise(id, trx);
      if (!current) throw notFound('企业');
      if (current.version !== version) throw new AppError('STALE_VERSION');
      const changes = diffFields<ProfileField>(current, fields);
      const changed = Object.keys(changes) as ProfileField[];
      if (changed.length === 0) return;
      const at = this.now().toISOString();
      const set = { ...pick(fields, changed), updatedAt: at };
      if (!(await this.repo.updateEnterprise(trx, id, version, set))) throw new AppError('STALE_VERSION');
      await this.repo.writeProvenance(trx, id, changed, this.provenanceFor(ctx, perm, at));
      await refreshSizeClass(trx, id, this.now());
      await markFactsChanged(trx, id, at);
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.update',
        objectType: ENTERPRISE,
        objectId: id,
        details: { changes, version: version + 1 },
      });
    });
    return this.profile(ctx, id);
  }

  private checkYear(year: number): void {
    const last = currentYear(this.now());
    if (!Number.isInteger(year) || year < FIRST_FIGURES_YEAR || year > last) {
      throw fieldError(
        'year',
        'INVALID_YEAR',
        `年度应在 ${FIRST_FIGURES_YEAR} 至 ${last} 之间，当前为 ${year}`,
      );
    }
  }

  async putYearly(
    ctx: RequestContext,
    id: string,
    year: number,
    input: YearlyInput,
  ): Promise<EnterpriseProfile> {
    this.checkYear(year);
    const { perm } = await this.loadForEdit(ctx, id);
    await this.db.transaction().execute(async (trx) => {
      const current = await this.repo.enterprise(id, trx);
      if (!current) throw notFound('企业');
      if (input.version !== undefined && input.version !== current.version)
        throw new AppError('STALE_VERSION');
      const existing = (await this.repo.yearly(id, trx)).find((r) => r.year === year);
      const next: YearlyRow = {
        year,
        revenue: input.revenue,
        taxPaid: input.taxPaid,
        rdSpending: input.rdSpending,
        exports: input.exports,
        totalAssets: input.totalAssets,
      };
      const changes = diffFields<YearlyMetric>(existing ?? {}, next);
      const changed = Object.keys(changes) as YearlyMetric[];
      if (changed.length === 0) return;
      const at = this.now().toISOString();
      await this.bumpVersion(trx, id, current.version, at);
      // A year with every figure unknown is no year at all: keep the table free of all-null rows.
      if (YEARLY_METRICS.every((m) => next[m] === null)) await this.repo.deleteYearly(trx, id, year);
      else await this.repo.upsertYearly(trx, id, next);
      await this.repo.writeProvenance(
        trx,
        id,
        changed.map((m) => `yearly.${year}.${m}`),
        this.provenanceFor(ctx, perm, at),
      );
      await refreshSizeClass(trx, id, this.now());
      await markFactsChanged(trx, id, at);
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.yearly.update',
        objectType: ENTERPRISE,
        objectId: id,
        details: { year, changes },
      });
    });
    return this.profile(ctx, id);
  }

  async putIp(ctx: RequestContext, id: string, input: IpInput): Promise<EnterpriseProfile> {
    const { perm } = await this.loadForEdit(ctx, id);
    await this.db.transaction().execute(async (trx) => {
      const current = await this.repo.enterprise(id, trx);
      if (!current) throw notFound('企业');
      if (input.version !== undefined && input.version !== current.version)
        throw new AppError('STALE_VERSION');
      const existing = Object.fromEntries(await this.repo.ipCounts(id, trx)) as Partial<
        Record<IpKind, number>
      >;
      const next: Partial<Record<IpKind, number | null>> = {};
      for (const k of IP_KINDS) if (input[k] !== undefined) next[k] = input[k];
      const changes = diffFields<IpKind>(existing, next);
      const changed = Object.keys(changes) as IpKind[];
      if (changed.length === 0) return;
      const at = this.now().toISOString();
      await this.bumpVersion(trx, id, current.version, at);
      for (const k of changed)
        await this.repo.setIpCount(trx, id, k, (changes[k]!.after as number | null) ?? null);
      await this.repo.writeProvenance(
        trx,
        id,
        changed.map((k) => `ip.${k}`),
        this.provenanceFor(ctx, perm, at),
      );
      await markFactsChanged(trx, id, at);
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.ip.update',
        objectType: ENTERPRISE,
        objectId: id,
        details: { changes },
      });
    });
    return this.profile(ctx, id);
  }

  private async checkQualification(input: QualificationInput): Promise<void> {
    const errors: FieldError[] = [];
    const kind = await this.repo.qualificationKind(input.kind);
    if (kind?.active !== 1) {
      errors.push({
        field: 'kind',
        code: 'UNKNOWN_QUALIFICATION_KIND',
        message: `资质类型“${input.kind}”不在资质列表中`,
      });
    }
    const today = this.today();
    if (input.recognizedOn > today) {
      errors.push({
        field: 'recognizedOn',
        code: 'DATE_IN_FUTURE',
        message: `认定日期 ${input.recognizedOn} 晚于今天（${today}）`,
      });
    }
    if (errors.length > 0) throw fieldErrors(errors);
  }

  async addQualification(
    ctx: RequestContext,
    id: string,
    input: QualificationInput,
  ): Promise<EnterpriseProfile> {
    const { perm } = await this.loadForEdit(ctx, id);
    await this.checkQualification(input);
    await this.db.transaction().execute(async (trx) => {
      const current = await this.repo.enterprise(id, trx);
      if (!current) throw notFound('企业');
      if (input.version !== undefined && input.version !== current.version)
        throw new AppError('STALE_VERSION');
      const at = this.now().toISOString();
      const prov = this.provenanceFor(ctx, perm, at);
      const row = {
        id: newId(),
        enterpriseId: id,
        kind: input.kind,
        recognizedOn: input.recognizedOn,
        expiresOn: input.expiresOn,
        certificateNo: input.certificateNo,
        source: prov.source,
        sourceRef: null,
        updatedBy: prov.updatedBy,
        updatedAt: at,
      };
      await this.bumpVersion(trx, id, current.version, at);
      await this.repo.insertQualification(trx, row);
      await markFactsChanged(trx, id, at);
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.qualification.create',
        objectType: ENTERPRISE,
        objectId: id,
        details: {
          qualificationId: row.id,
          after: {
            kind: row.kind,
            recognizedOn: row.recognizedOn,
            expiresOn: row.expiresOn,
            certificateNo: row.certificateNo,
          },
        },
      });
    });
    return this.profile(ctx, id);
  }

  async updateQualification(
    ctx: RequestContext,
    id: string,
    qid: string,
    input: QualificationInput,
  ): Promise<EnterpriseProfile> {
    const { perm } = await this.loadForEdit(ctx, id);
    if (!(await this.repo.qualification(id, qid))) throw notFound('资质记录');
    await this.checkQualification(input);
    await this.db.transaction().execute(async (trx) => {
      const current = await this.repo.enterprise(id, trx);
      const before = await this.repo.qualification(id, qid, trx);
      if (!current || !before) throw notFound('资质记录');
      if (input.version !== undefined && input.version !== current.version)
        throw new AppError('STALE_VERSION');
      const next = {
        kind: input.kind,
        recognizedOn: input.recognizedOn,
        expiresOn: input.expiresOn,
        certificateNo: input.certificateNo,
      };
      const changes = diffFields<keyof typeof next>(before, next);
      if (Object.keys(changes).length === 0) return;
      const at = this.now().toISOString();
      const prov = this.provenanceFor(ctx, perm, at);
      await this.bumpVersion(trx, id, current.version, at);
      await this.repo.updateQualification(trx, qid, {
        ...next,
        source: prov.source,
        sourceRef: null,
        updatedBy: prov.updatedBy,
        updatedAt: at,
      });
      await markFactsChanged(trx, id, at);
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.qualification.update',
        objectType: ENTERPRISE,
        objectId: id,
        details: { qualificationId: qid, changes },
      });
    });
    return this.profile(ctx, id);
  }

  async deleteQualification(ctx: RequestContext, id: string, qid: string): Promise<EnterpriseProfile> {
    await this.loadForEdit(ctx, id);
    await this.db.transaction().execute(async (trx) => {
      const current = await this.repo.enterprise(id, trx);
      const before = await this.repo.qualification(id, qid, trx);
      if (!current || !before) throw notFound('资质记录');
      const at = this.now().toISOString();
      await this.bumpVersion(trx, id, current.version, at);
      await this.repo.deleteQualification(trx, qid);
      await markFactsChanged(trx, id, at);
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.qualification.delete',
        objectType: ENTERPRISE,
        objectId: id,
        details: {
          qualificationId: qid,
          before: {
            kind: before.kind,
            recognizedOn: before.recognizedOn,
            expiresOn: before.expiresOn,
            certificateNo: before.certificateNo,
          },
        },
      });
    });
    return this.profile(ctx, id);
  }

  /**
   * Staff confirm that fields hold true values (部门核验): the provenance becomes `staff`, the values stay. Only
   * fields that hold a value can be verified. Does not bump the version: nothing an editor sees has changed.
   */
  async verify(ctx: RequestContext, id: string, keys: string[]): Promise<EnterpriseProfile> {
    const { ent, perm } = await this.load(ctx, id);
    if (!perm.verify) throw new AppError('FORBIDDEN', '只有系统管理员或该企业的专员可以核验企业档案');
    const [yearly, ip, quals] = await Promise.all([
      this.repo.yearly(id),
      this.repo.ipCounts(id),
      this.repo.qualifications(id),
    ]);
    const fields = [...new Set(keys)];
    const errors: FieldError[] = [];
    const qualIds: string[] = [];
    const plain: string[] = [];
    fields.forEach((key, i) => {
      const [head, a, b] = key.split('.');
      let label = key;
      let present = false;
      if ((PROFILE_FIELDS as readonly string[]).includes(key)) {
        label = PROFILE_FIELD_LABELS[key as ProfileField];
        const v = ent[key as ProfileField];
        present = Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined;
      } else if (head === 'yearly') {
        label = `${a}年${YEARLY_METRIC_LABELS[b as YearlyMetric]}`;
        present = yearly.some((y) => String(y.year) === a && y[b as YearlyMetric] !== null);
      } else if (head === 'ip') {
        label = IP_KIND_LABELS[a as IpKind];
        present = ip.has(a!);
      } else if (head === 'qualifications') {
        label = '资质记录';
        present = quals.some((q) => q.id === a);
        if (present) qualIds.push(a!);
      }
      if (!present)
        errors.push({
          field: `fields.${i}`,
          code: 'VALIDATION_FAILED',
          message: `“${label}”没有数据，无法核验`,
        });
      else if (head !== 'qualifications') plain.push(key);
    });
    if (errors.length > 0) throw fieldErrors(errors);
    await this.db.transaction().execute(async (trx) => {
      const at = this.now().toISOString();
      const by = ctx.principal!.userId;
      await this.repo.writeProvenance(trx, id, plain, {
        source: 'staff',
        sourceRef: null,
        updatedBy: by,
        updatedAt: at,
      });
      for (const qid of qualIds)
        await this.repo.updateQualification(trx, qid, {
          source: 'staff',
          sourceRef: null,
          updatedBy: by,
          updatedAt: at,
        });
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.verify',
        objectType: ENTERPRISE,
        objectId: id,
        details: { fields },
      });
    });
    return this.profile(ctx, id);
  }

  async setLiaison(ctx: RequestContext, id: string, userId: string | null): Promise<EnterpriseProfile> {
    const { ent, perm } = await this.load(ctx, id);
    if (!perm.assignLiaison) throw new AppError('FORBIDDEN', '只有系统管理员可以指定企业专员');
    if (userId !== null) {
      const user = await this.repo.user(userId);
      if (
        user?.kind !== 'staff' ||
        user.status !== 'active' ||
        !(await this.repo.userHasRole(userId, 'liaison'))
      ) {
        throw fieldError(
          'userId',
          'NOT_LIAISON',
          user ? `“${user.displayName}”不是在岗的企业专员，请先为其分配企业专员角色` : '该用户不存在',
        );
      }
    }
    if (ent.liaisonUserId !== userId) {
      await this.db.transaction().execute(async (trx) => {
        await this.repo.setEnterpriseColumns(trx, id, {
          liaisonUserId: userId,
          updatedAt: this.now().toISOString(),
        });
        await this.p.audit.write(trx, ctx, {
          action: 'enterprise.liaison.assign',
          objectType: ENTERPRISE,
          objectId: id,
          details: { before: ent.liaisonUserId, after: userId },
        });
      });
    }
    return this.profile(ctx, id);
  }

  // ——— bindings ———

  private presentBinding(b: BindingRow): Binding {
    return {
      id: b.id,
      user: { id: b.userId, displayName: b.userDisplayName, phoneMasked: maskPhone(b.userPhone) },
      enterprise: { id: b.enterpriseId, name: b.enterpriseName, uscc: b.enterpriseUscc },
      claimedName: b.claimedName,
      role: asBindingRole(b.role),
      status: (BINDING_STATUSES as readonly string[]).includes(b.status)
        ? (b.status as BindingStatus)
        : 'pending',
      note: b.note,
      requestedAt: b.requestedAt,
      decidedAt: b.decidedAt,
      decidedByName: b.decidedByName,
    };
  }

  /**
   * An enterprise user asks to be bound to the enterprise with this USCC. An unknown USCC creates the enterprise
   * (self-reported name). The first user of an enterprise asks to become its admin (confirmed by staff); later
   * users ask to become members (confirmed by the enterprise's admin or staff).
   */
  async requestBinding(ctx: RequestContext, input: z.output<typeof bindingRequestSchema>): Promise<Binding> {
    const p = ctx.principal!;
    if (p.kind !== 'enterprise') throw new AppError('FORBIDDEN', '只有企业用户可以绑定企业');
    const id = newId();
    try {
      await this.db.transaction().execute(async (trx) => {
        if (await this.repo.activeBindingOfUser(p.userId, trx))
          throw new AppError('ALREADY_BOUND', '您已绑定企业或已有待确认的绑定申请');
        const at = this.now().toISOString();
        let ent = await this.repo.enterpriseByUscc(input.uscc, trx);
        if (!ent) {
          ent = {
            id: newId(),
            uscc: input.uscc,
            name: input.name,
            legalRepresentative: null,
            registeredCapital: null,
            establishedOn: null,
            registeredAddress: null,
            streetCode: null,
            industryCode: null,
            employees: null,
            insuredEmployees: null,
            sizeClass: null,
            building: null,
            unit: null,
            tags: [],
            liaisonUserId: null,
            version: 1,
            createdAt: at,
            updatedAt: at,
          };
          await this.repo.insertEnterprise(trx, ent);
          await this.repo.writeProvenance(trx, ent.id, ['name', 'uscc'], {
            source: 'self',
            sourceRef: null,
            updatedBy: p.userId,
            updatedAt: at,
          });
          await markFactsChanged(trx, ent.id, at);
          await this.p.audit.write(trx, ctx, {
            action: 'enterprise.create',
            objectType: ENTERPRISE,
            objectId: ent.id,
            details: { uscc: ent.uscc, name: ent.name, via: 'binding' },
          });
        }
        const role: BindingRole = (await this.repo.hasConfirmedAdmin(ent.id, trx))
          ? 'enterprise_member'
          : 'enterprise_admin';
        await this.repo.insertBinding(trx, {
          id,
          userId: p.userId,
          enterpriseId: ent.id,
          role,
          status: 'pending',
          note: null,
          claimedName: input.name,
          requestedAt: at,
          decidedAt: null,
          decidedBy: null,
        });
        await this.p.audit.write(trx, ctx, {
          action: 'enterprise.binding.request',
          objectType: 'enterprise_binding',
          objectId: id,
          details: { enterpriseId: ent.id, uscc: ent.uscc, role },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('ALREADY_BOUND', '您已绑定企业或已有待确认的绑定申请');
      throw err;
    }
    return this.presentBinding((await this.repo.binding(id))!);
  }

  async listBindings(ctx: RequestContext, query: z.output<typeof bindingListQuerySchema>) {
    const p = ctx.principal!;
    const scope = p.roles.includes('admin')
      ? ({ all: true } as const)
      : {
          userId: p.userId,
          liaisonUserId: p.roles.includes('liaison') ? p.userId : null,
          adminOfEnterpriseId: p.roles.includes('enterprise_admin') ? p.enterpriseId : null,
        };
    const { total, rows } = await this.repo.listBindings(scope, query);
    return {
      items: rows.map((r) => this.presentBinding(r)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The binding and the caller's right to decide it: 404 if he may not even see it, 403 if he may see but not decide. */
  private async loadBindingForDecision(ctx: RequestContext, bindingId: string) {
    const p = ctx.principal!;
    const b = await this.repo.binding(bindingId);
    if (!b) throw notFound('绑定申请');
    const ent = await this.repo.enterprise(b.enterpriseId);
    const perm = ent ? permissionsFor(p, ent) : null;
    if (!perm?.confirmBindings) {
      if (perm?.read || b.userId === p.userId) throw new AppError('FORBIDDEN', '您无权处理该绑定申请');
      throw notFound('绑定申请');
    }
    if (b.status !== 'pending') throw new AppError('BINDING_NOT_PENDING');
    return { b, perm };
  }

  async confirmBinding(ctx: RequestContext, bindingId: string): Promise<Binding> {
    const { b, perm } = await this.loadBindingForDecision(ctx, bindingId);
    await this.db.transaction().execute(async (trx) => {
      // Decided now, not at request time: if an admin was confirmed meanwhile, this user becomes a member.
      const role: BindingRole = (await this.repo.hasConfirmedAdmin(b.enterpriseId, trx))
        ? 'enterprise_member'
        : 'enterprise_admin';
      if (role === 'enterprise_admin' && !perm.asStaff)
        throw new AppError('FORBIDDEN', '企业管理员的绑定须由工作人员确认');
      const at = this.now().toISOString();
      const ok = await this.repo.decideBinding(trx, b.id, 'pending', {
        status: 'confirmed',
        role,
        decidedAt: at,
        decidedBy: ctx.principal!.userId,
      });
      if (!ok) throw new AppError('BINDING_NOT_PENDING');
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.binding.confirm',
        objectType: 'enterprise_binding',
        objectId: b.id,
        details: { enterpriseId: b.enterpriseId, userId: b.userId, role },
      });
    });
    return this.presentBinding((await this.repo.binding(b.id))!);
  }

  async rejectBinding(ctx: RequestContext, bindingId: string, reason: string): Promise<Binding> {
    const { b } = await this.loadBindingForDecision(ctx, bindingId);
    await this.db.transaction().execute(async (trx) => {
      const at = this.now().toISOString();
      const ok = await this.repo.decideBinding(trx, b.id, 'pending', {
        status: 'rejected',
        note: reason,
        decidedAt: at,
        decidedBy: ctx.principal!.userId,
      });
      if (!ok) throw new AppError('BINDING_NOT_PENDING');
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.binding.reject',
        objectType: 'enterprise_binding',
        objectId: b.id,
        details: { enterpriseId: b.enterpriseId, userId: b.userId, reason },
      });
    });
    return this.presentBinding((await this.repo.binding(b.id))!);
  }

  async members(ctx: RequestContext, enterpriseId: string): Promise<Member[]> {
    const { perm } = await this.load(ctx, enterpriseId);
    if (!perm.listMembers) throw new AppError('FORBIDDEN', '只有企业管理员可以查看成员');
    const rows = await this.repo.members(enterpriseId);
    return rows.map((r) => ({
      userId: r.userId,
      displayName: r.userDisplayName,
      phoneMasked: maskPhone(r.userPhone),
      role: asBindingRole(r.role),
      since: r.decidedAt,
    }));
  }

  /** The enterprise admin (or a system administrator) removes a member; his next request has no enterprise roles. */
  async removeMember(ctx: RequestContext, enterpriseId: string, userId: string): Promise<void> {
    const { perm } = await this.load(ctx, enterpriseId);
    if (!perm.removeMembers) throw new AppError('FORBIDDEN', '只有企业管理员可以移除成员');
    if (userId === ctx.principal!.userId) throw new AppError('CONFLICT', '不能移除自己');
    const binding = await this.repo.confirmedBindingOf(enterpriseId, userId);
    if (!binding) throw notFound('成员');
    if (binding.role === 'enterprise_admin' && !perm.asStaff)
      throw new AppError('FORBIDDEN', '企业管理员只能由工作人员解除绑定');
    await this.db.transaction().execute(async (trx) => {
      const ok = await this.repo.decideBinding(trx, binding.id, 'confirmed', {
        status: 'removed',
        decidedAt: this.now().toISOString(),
        decidedBy: ctx.principal!.userId,
      });
      if (!ok) throw notFound('成员');
      await this.p.audit.write(trx, ctx, {
        action: 'enterprise.member.remove',
        objectType: 'enterprise_binding',
        objectId: binding.id,
        details: { enterpriseId, userId, role: binding.role },
      });
    });
  }
}
