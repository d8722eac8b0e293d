import { z } from 'zod';
import { IP_KIND_LABELS, SIZE_CLASSES } from '../../../../shared/enterprises';
import type { FieldError } from '../../../../shared/errors';
import { findIndustry, findIndustrySection } from '../../../../shared/industries';
import {
  AMOUNT_KINDS,
  AMOUNT_SCHEMAS,
  type AmountComponent,
  type AmountFormula,
  type AmountKind,
  type ConditionNode,
  DEFAULT_FACT_CATALOGUE,
  type FactCatalogue,
  LEAF_KINDS,
  LEAF_SCHEMAS,
  type LeafCondition,
  type LeafKind,
  type Quantity,
  RULE_YEAR_MAX,
  RULE_YEAR_MIN,
  RULES_SCHEMA_VERSION,
  type RuleSet,
  type YearRef,
} from '../../../../shared/policy-rules';
import { isRealIsoDate } from '../../../../shared/validation';

/**
 * Validation of a rule set against the fact catalogue, for the API (400 with these errors) and the editor. It
 * walks the JSON itself rather than relying on one big union schema, so that every error names the exact node
 * (`conditions.all[2].any[0].value`) and says in Chinese what is wrong; each leaf and formula is checked against
 * its own zod schema (shared with the UI), then semantically: known codes, unique ids, sane years, values that fit
 * the field, non-empty groups, manual conditions not under `not`.
 */

export interface RuleValidationError {
  /** JSON path of the offending node or field: `conditions.all[2].any[0]`, `amount.tiers[1].atLeast`. */
  path: string;
  message: string;
}

export type RuleValidationResult =
  | { ok: true; rules: RuleSet }
  | { ok: false; errors: RuleValidationError[] };

/** Deeper trees are not something an editor builds on purpose; the limits keep evaluation cheap and bounded. */
export const MAX_DEPTH = 8;
export const MAX_NODES = 300;

const GROUP_KEYS = ['all', 'any', 'not'] as const;
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const zhCN = z.locales.zhCN().localeError;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pathOf(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

class Validator {
  readonly errors: RuleValidationError[] = [];
  private readonly ids = new Map<string, string>();
  private nodes = 0;
  private tooMany = false;
  private readonly qualifications: ReadonlySet<string>;
  private readonly flags: ReadonlySet<string>;
  private readonly measures: ReadonlySet<string>;
  private readonly events: ReadonlySet<string>;
  private readonly payments: ReadonlySet<string>;
  private readonly streets: ReadonlySet<string> | undefined;

  constructor(
    catalogue: FactCatalogue,
    private readonly rewardYear: number | undefined,
  ) {
    const codes = (l: readonly { code: string }[]) => new Set(l.map((e) => e.code));
    this.qualifications = codes(catalogue.qualifications);
    this.flags = codes(catalogue.flags);
    this.measures = codes(catalogue.measures);
    this.events = codes(catalogue.events);
    this.payments = codes(catalogue.otherPayments);
    this.streets = catalogue.streets ? codes(catalogue.streets) : undefined;
  }

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** Parses with a zod schema, reporting its issues under `path`; undefined when invalid. */
  parse<T>(schema: z.ZodType<T>, value: unknown, path: string): T | undefined {
    const r = schema.safeParse(value, { error: zhCN });
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      const at = issue.path.reduce<string>((p, k) => pathOf(p, typeof k === 'number' ? k : String(k)), path);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) this.error(pathOf(at, key), `不允许的字段“${key}”`);
      } else if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
        // zod's own text is English; name the allowed values instead.
        const options = (issue as { options?: unknown[] }).options ?? [];
        this.error(
          at,
          `“${String(issue.discriminator)}”的取值无效，应为 ${options.map(String).join('、')} 之一`,
        );
      } else {
        this.error(at, issue.message);
      }
    }
    return undefined;
  }

  private claimId(id: string, path: string): void {
    const other = this.ids.get(id);
    if (other !== undefined)
      this.error(pathOf(path, 'id'), `编号“${id}”与 ${other} 重复，同一规则内编号须唯一`);
    else this.ids.set(id, path);
  }

  private count(path: string, depth: number): boolean {
    if (depth > MAX_DEPTH) {
      this.error(path, `条件层级过深（最多 ${MAX_DEPTH} 层）`);
      return false;
    }
    this.nodes++;
    if (this.nodes > MAX_NODES) {
      if (!this.tooMany) this.error(path, `条件和公式节点过多（最多 ${MAX_NODES} 个）`);
      this.tooMany = true;
      return false;
    }
    return true;
  }

  // ——— conditions ———

  node(raw: unknown, path: string, depth: number, underNot: boolean): ConditionNode | undefined {
    if (!isObject(raw)) {
      this.error(path, '条件应为对象');
      return undefined;
    }
    if (!this.count(path, depth)) return undefined;
    const groupKeys = GROUP_KEYS.filter((k) => k in raw);
    if (groupKeys.length > 1) {
      this.error(
        path,
        `一个条件组只能是 all（同时满足）、any（满足其一）、not（不满足）之一，不能同时有 ${groupKeys.join('、')}`,
      );
      return undefined;
    }
    if (groupKeys.length === 1) return this.group(raw, groupKeys[0]!, path, depth, underNot);
    if (!('kind' in raw)) {
      this.error(path, '无法识别的条件：应为条件组（all / any / not）或带 kind 的条件');
      return undefined;
    }
    return this.leaf(raw, path, underNot);
  }

  private group(
    raw: Record<string, unknown>,
    key: (typeof GROUP_KEYS)[number],
    path: string,
    depth: number,
    underNot: boolean,
  ): ConditionNode | undefined {
    let ok = true;
    for (const k of Object.keys(raw)) {
      if (k !== 'id' && k !== 'label' && k !== key) {
        this.error(pathOf(path, k), `条件组不允许字段“${k}”`);
        ok = false;
      }
    }
    const id = raw.id;
    if (typeof id !== 'string' || !ID_RE.test(id)) {
      this.error(pathOf(path, 'id'), '编号应为 1–64 位字母、数字、下划线或连字符');
      ok = false;
    } else {
      this.claimId(id, path);
    }
    let label: string | undefined;
    if (raw.label !== undefined) {
      if (typeof raw.label !== 'string' || raw.label.trim() === '' || raw.label.length > 200) {
        this.error(pathOf(path, 'label'), '说明应为 1–200 个字的文字');
        ok = false;
      } else {
        label = raw.label.trim();
      }
    }
    const base = { id: id as string, ...(label !== undefined ? { label } : {}) };
    if (key === 'not') {
      const child = this.node(raw.not, pathOf(path, 'not'), depth + 1, true);
      return ok && child ? { ...base, not: child } : undefined;
    }
    const list = raw[key];
    if (!Array.isArray(list)) {
      this.error(pathOf(path, key), '条件组的内容应为列表');
      return undefined;
    }
    if (list.length === 0) {
      this.error(pathOf(path, key), '条件组不能为空，请至少添加一个条件');
      return undefined;
    }
    const children = list.map((c, i) => this.node(c, pathOf(pathOf(path, key), i), depth + 1, underNot));
    if (!ok || children.some((c) => c === undefined)) return undefined;
    return key === 'all'
      ? { ...base, all: children as ConditionNode[] }
      : { ...base, any: children as ConditionNode[] };
  }

  private leaf(raw: Record<string, unknown>, path: string, underNot: boolean): LeafCondition | undefined {
    const kind = raw.kind;
    if (typeof kind !== 'string' || !(LEAF_KINDS as readonly string[]).includes(kind)) {
      this.error(pathOf(path, 'kind'), `未知的条件类型“${String(kind)}”，应为 ${LEAF_KINDS.join('、')} 之一`);
      return undefined;
    }
    if (typeof raw.id === 'string' && ID_RE.test(raw.id)) this.claimId(raw.id, path);
    const leaf = this.parse(LEAF_SCHEMAS[kind as LeafKind] as z.ZodType<LeafCondition>, raw, path);
    if (!leaf) return undefined;
    const before = this.errors.length;
    switch (leaf.kind) {
      case 'compare':
        this.quantity(leaf.quantity, pathOf(path, 'quantity'));
        this.compareValue(leaf.quantity, leaf.value, pathOf(path, 'value'));
        break;
      case 'membership':
        this.membership(leaf.field, leaf.values, pathOf(path, 'values'));
        break;
      case 'date': {
        if (leaf.subject.of === 'event' && !this.events.has(leaf.subject.event)) {
          this.error(
            pathOf(pathOf(path, 'subject'), 'event'),
            `未知的事件“${leaf.subject.event}”，请从事件列表中选择`,
          );
        }
        const t = leaf.test;
        const testPath = pathOf(path, 'test');
        if (t.op === 'ageAtLeast' || t.op === 'ageLessThan') {
          if (!t.years && !t.months && !t.days)
            this.error(testPath, '请填写年限（年、月或天至少一项大于 0）');
        } else if (t.op === 'onOrBefore' || t.op === 'onOrAfter') {
          if (!isRealIsoDate(t.date))
            this.error(pathOf(testPath, 'date'), '日期不存在或格式不正确（应为 YYYY-MM-DD）');
        }
        break;
      }
      case 'qualification':
        if (!this.qualifications.has(leaf.qualification)) {
          this.error(pathOf(path, 'qualification'), `未知的资质“${leaf.qualification}”，请从资质列表中选择`);
        }
        if (leaf.recognition && !leaf.recognizedIn) {
          this.error(pathOf(path, 'recognition'), '首次认定/重新认定须同时指定认定年度（recognizedIn）');
        }
        break;
      case 'firstCrossing':
        break;
      case 'flag':
        if (!this.flags.has(leaf.flag))
          this.error(pathOf(path, 'flag'), `未知的事项“${leaf.flag}”，请从事项列表中选择`);
        break;
      case 'manual':
        if (underNot) this.error(path, '人工审核条件不能放在“不满足（not）”条件之下：审核结论无法取反');
        break;
    }
    return this.errors.length === before ? leaf : undefined;
  }

  private yearValue(ref: YearRef): { base: 'evaluation' | 'fixed'; year: number } | undefined {
    if (ref.ref === 'absolute') return { base: 'fixed', year: ref.year };
    if (ref.ref === 'evaluation') return { base: 'evaluation', year: ref.offset };
    // Reward-relative years are comparable with absolute ones only when the rule set fixes its reward year.
    return this.rewardYear !== undefined ? { base: 'fixed', year: this.rewardYear + ref.offset } : undefined;
  }

  private yearPair(from: YearRef, to: YearRef, path: string): void {
    if (from.ref === 'reward' && to.ref === 'reward') {
      if (from.offset >= to.offset) this.error(pathOf(path, 'from'), '起始年度应早于结束年度');
      return;
    }
    const a = this.yearValue(from);
    const b = this.yearValue(to);
    if (a && b && a.base === b.base && a.year >= b.year)
      this.error(pathOf(path, 'from'), '起始年度应早于结束年度');
  }

  private quantity(q: Quantity, path: string): void {
    switch (q.of) {
      case 'increment':
      case 'growth':
        this.yearPair(q.from, q.to, path);
        break;
      case 'ip': {
        const seen = new Set<string>();
        q.kinds.forEach((k, i) => {
          if (seen.has(k)) this.error(pathOf(pathOf(path, 'kinds'), i), `${IP_KIND_LABELS[k]}重复`);
          seen.add(k);
        });
        break;
      }
      case 'measure':
        if (!this.measures.has(q.measure))
          this.error(pathOf(path, 'measure'), `未知的数值项“${q.measure}”，请从列表中选择`);
        break;
      default:
        break;
    }
  }

  private compareValue(q: Quantity, value: number, path: string): void {
    if (q.of === 'growth') {
      if (value < -100) this.error(path, '增长率不能低于 -100%');
      return;
    }
    if (q.of === 'increment') return;
    if (value < 0) this.error(path, '比较值不能为负数：该数值不会小于 0');
    if (
      (q.of === 'ip' || (q.of === 'profile' && q.field !== 'registeredCapital')) &&
      !Number.isInteger(value)
    ) {
      this.error(path, '人数和件数应为整数');
    }
  }

  private membership(field: string, values: readonly string[], path: string): void {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      const at = pathOf(path, i);
      if (seen.has(v)) this.error(at, `取值“${v}”重复`);
      seen.add(v);
      if (field === 'industryCode') {
        const ok = /^[A-T]$/.test(v)
          ? findIndustrySection(v) !== null
          : /^\d{2,4}$/.test(v) && findIndustry(v) !== null;
        if (!ok)
          this.error(
            at,
            `行业代码“${v}”不在国民经济行业分类（GB/T 4754-2017）中，应为门类字母（如 C）或 2–4 位数字（如 65、6511）`,
          );
      } else if (field === 'sizeClass') {
        if (!(SIZE_CLASSES as readonly string[]).includes(v))
          this.error(at, `企业规模应为 ${SIZE_CLASSES.join('、')} 之一`);
      } else if (field === 'streetCode' && this.streets && !this.streets.has(v)) {
        this.error(at, `街道“${v}”不在本区街道列表中`);
      }
    });
  }

  // ——— amounts ———

  formula(raw: unknown, path: string, depth: number): AmountFormula | undefined {
    if (!isObject(raw)) {
      this.error(path, '金额公式应为对象');
      return undefined;
    }
    if (!this.count(path, depth)) return undefined;
    const kind = raw.kind;
    if (typeof kind !== 'string' || !(AMOUNT_KINDS as readonly string[]).includes(kind)) {
      this.error(
        pathOf(path, 'kind'),
        `未知的金额公式“${String(kind)}”，应为 ${AMOUNT_KINDS.join('、')} 之一`,
      );
      return undefined;
    }
    const shallow = this.parse(
      AMOUNT_SCHEMAS[kind as AmountKind] as z.ZodType<Record<string, unknown>>,
      raw,
      path,
    );
    if (!shallow) return undefined;
    const before = this.errors.length;
    const sub = (v: unknown, p: string) => this.formula(v, p, depth + 1);
    const cond = (v: unknown, p: string) => this.node(v, p, depth + 1, false);
    let out: AmountFormula | undefined;
    const f = shallow as unknown as AmountFormula;
    switch (f.kind) {
      case 'fixed':
        out = f;
        break;
      case 'rate':
        this.quantity(f.base, pathOf(path, 'base'));
        if (f.base.of === 'growth') this.error(pathOf(path, 'base'), '比例计算的基数不能是增长率');
        if (f.floor !== undefined && f.cap !== undefined && f.floor > f.cap) {
          this.error(pathOf(path, 'floor'), '下限不能高于上限');
        }
        out = f;
        break;
      case 'perUnit':
        this.quantity(f.quantity, pathOf(path, 'quantity'));
        if (f.quantity.of === 'growth') this.error(pathOf(path, 'quantity'), '按单位计算的数值不能是增长率');
        out = f;
        break;
      case 'tiers': {
        this.quantity(f.quantity, pathOf(path, 'quantity'));
        const tiers = (shallow.tiers as { atLeast: number; amount: unknown; label?: string }[]).map(
          (t, i) => {
            const at = pathOf(pathOf(path, 'tiers'), i);
            if (i > 0 && t.atLeast <= (shallow.tiers as { atLeast: number }[])[i - 1]!.atLeast) {
              this.error(pathOf(at, 'atLeast'), '档位门槛应从低到高排列且互不相同');
            }
            const amount = sub(t.amount, pathOf(at, 'amount'));
            return amount ? { ...t, amount } : undefined;
          },
        );
        if (tiers.every((t) => t !== undefined)) out = { ...f, tiers };
        break;
      }
      case 'byCategory': {
        const src = f.category;
        if (src.of === 'recognition' && !this.qualifications.has(src.qualification)) {
          this.error(
            pathOf(pathOf(path, 'category'), 'qualification'),
            `未知的资质“${src.qualification}”，请从资质列表中选择`,
          );
        }
        const seen = new Set<string>();
        const cases = (shallow.cases as { value: string; amount: unknown; label?: string }[]).map((c, i) => {
          const at = pathOf(pathOf(path, 'cases'), i);
          if (seen.has(c.value)) this.error(pathOf(at, 'value'), `分类“${c.value}”重复`);
          seen.add(c.value);
          this.categoryValue(src.of, c.value, pathOf(at, 'value'));
          const amount = sub(c.amount, pathOf(at, 'amount'));
          return amount ? { ...c, amount } : undefined;
        });
        const otherwise =
          shallow.otherwise === undefined ? undefined : sub(shallow.otherwise, pathOf(path, 'otherwise'));
        if (cases.every((c) => c !== undefined) && (shallow.otherwise === undefined || otherwise)) {
          out = { ...f, cases, ...(otherwise ? { otherwise } : {}) };
        }
        break;
      }
      case 'max': {
        const of = (shallow.of as unknown[]).map((v, i) => sub(v, pathOf(pathOf(path, 'of'), i)));
        if (of.every((v) => v !== undefined)) out = { kind: 'max', of };
        break;
      }
      case 'sum': {
        const of = (shallow.of as { label?: string; when?: unknown; amount: unknown }[]).map((c, i) => {
          const at = pathOf(pathOf(path, 'of'), i);
          const when = c.when === undefined ? undefined : cond(c.when, pathOf(at, 'when'));
          const amount = sub(c.amount, pathOf(at, 'amount'));
          if (!amount || (c.when !== undefined && !when)) return undefined;
          const component: AmountComponent = { amount };
          if (c.label !== undefined) component.label = c.label;
          if (when) component.when = when;
          return component;
        });
        if (of.every((v) => v !== undefined)) out = { kind: 'sum', of };
        break;
      }
      case 'multiplier': {
        const base = sub(shallow.base, pathOf(path, 'base'));
        const when = cond(shallow.when, pathOf(path, 'when'));
        if (base && when) out = { ...f, base, when };
        break;
      }
      case 'monthly': {
        if (typeof f.months !== 'number') this.quantity(f.months, pathOf(path, 'months'));
        if (typeof f.months === 'number' && f.maxMonths !== undefined && f.months > f.maxMonths) {
          this.error(pathOf(path, 'months'), '月数不能超过最长月数');
        }
        const perMonth = sub(shallow.perMonth, pathOf(path, 'perMonth'));
        if (perMonth) out = { ...f, perMonth };
        break;
      }
      case 'clamp': {
        if (f.min === undefined && f.max === undefined) this.error(path, '请至少填写下限或上限之一');
        if (f.min !== undefined && f.max !== undefined && f.min > f.max)
          this.error(pathOf(path, 'min'), '下限不能高于上限');
        const amount = sub(shallow.amount, pathOf(path, 'amount'));
        if (amount) out = { ...f, amount };
        break;
      }
      case 'sharedCap': {
        if (!this.payments.has(f.otherPayment)) {
          this.error(pathOf(path, 'otherPayment'), `未知的他级拨付项“${f.otherPayment}”，请从列表中选择`);
        }
        const amount = sub(shallow.amount, pathOf(path, 'amount'));
        if (amount) out = { ...f, amount };
        break;
      }
    }
    return this.errors.length === before ? out : undefined;
  }

  private categoryValue(of: 'sizeClass' | 'streetCode' | 'recognition', v: string, path: string): void {
    if (of === 'sizeClass' && !(SIZE_CLASSES as readonly string[]).includes(v)) {
      this.error(path, `企业规模应为 ${SIZE_CLASSES.join('、')} 之一`);
    } else if (of === 'recognition' && !['first', 'renewal', 'none'].includes(v)) {
      this.error(path, '认定类型应为 first（首次认定）、renewal（重新认定）或 none（当年未认定）');
    } else if (of === 'streetCode' && this.streets && !this.streets.has(v)) {
      this.error(path, `街道“${v}”不在本区街道列表中`);
    }
  }
}

/** Validates untrusted JSON as a rule set; on success returns it typed and trimmed. */
export function validateRuleSet(
  input: unknown,
  catalogue: FactCatalogue = DEFAULT_FACT_CATALOGUE,
): RuleValidationResult {
  if (!isObject(input)) return { ok: false, errors: [{ path: '', message: '规则应为对象' }] };
  const rewardYear =
    typeof input.rewardYear === 'number' && Number.isInteger(input.rewardYear) ? input.rewardYear : undefined;
  const v = new Validator(catalogue, rewardYear);
  for (const key of Object.keys(input)) {
    if (!['schemaVersion', 'rewardYear', 'conditions', 'amount'].includes(key))
      v.error(key, `不允许的字段“${key}”`);
  }
  if (input.schemaVersion !== RULES_SCHEMA_VERSION) {
    v.error(
      'schemaVersion',
      `不支持的规则版本“${String(input.schemaVersion)}”，当前版本为 ${RULES_SCHEMA_VERSION}`,
    );
  }
  if (
    input.rewardYear !== undefined &&
    (rewardYear === undefined || rewardYear < RULE_YEAR_MIN || rewardYear > RULE_YEAR_MAX)
  ) {
    v.error('rewardYear', `奖励年度应为 ${RULE_YEAR_MIN}–${RULE_YEAR_MAX} 之间的整数`);
  }
  let conditions: ConditionNode | undefined;
  if (input.conditions === undefined) v.error('conditions', '请设置申报条件');
  else conditions = v.node(input.conditions, 'conditions', 1, false);
  const amount = input.amount === undefined ? undefined : v.formula(input.amount, 'amount', 1);
  if (v.errors.length > 0 || !conditions) return { ok: false, errors: v.errors };
  const rules: RuleSet = { schemaVersion: RULES_SCHEMA_VERSION, conditions };
  if (rewardYear !== undefined) rules.rewardYear = rewardYear;
  if (amount) rules.amount = amount;
  return { ok: true, rules };
}

/** Rule errors as the API's field errors (`details.fields`), under a body field such as `rules`. */
export function ruleFieldErrors(errors: readonly RuleValidationError[], field = 'rules'): FieldError[] {
  return errors.map((e) => ({
    field: e.path ? `${field}.${e.path}` : field,
    code: 'VALIDATION_FAILED',
    message: e.message,
  }));
}
