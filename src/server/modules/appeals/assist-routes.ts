import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { type AppealState, TERMINAL_APPEAL_STATES } from '../../../shared/appeals';
import {
  type AppealKbHit,
  type AppealSimilar,
  appealSimilarQuerySchema,
  appealSimilarSchema,
  appealSuggestListSchema,
  appealSuggestQuerySchema,
} from '../../../shared/appeals-api';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import type { Principal } from '../../platform/context';
import { fieldError } from '../../platform/errors';
import { fold } from '../../platform/text/segment';
import { type AppealRouting, appealRouting } from './classifier';
import { AppealKbService, KB_SCOPE } from './kb';

const TAGS = ['appeals'];

/** Candidates read per list: those of the same topic, then the most recent (bounded whatever the table holds). */
const TOPIC_CANDIDATES = 200;
const RECENT_CANDIDATES = 500;
/** Characters of a candidate's content compared (the beginning says what it is about). */
const CONTENT_CHARS = 400;
/** Characters of the text compared and searched. */
const TEXT_CHARS = 1_000;
const LIMIT = 5;
/** Below this similarity a candidate is not worth showing. */
const MIN_SIMILARITY = 0.12;
const PUBLIC_REPLY_CHARS = 500;

// ——— text similarity ———

/** Character bigrams of the Chinese (and other letter) runs of a text, folded; single characters of 1-char runs. */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  const folded = fold(text);
  let prev = '';
  for (const ch of folded) {
    const letter = /[\p{L}\p{N}]/u.test(ch);
    if (letter && prev) out.add(prev + ch);
    prev = letter ? ch : '';
  }
  return out;
}

function intersection(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/**
 * Similarity 0..1 of the text to a candidate: the bigram Dice coefficient of the two texts, or (for a short
 * candidate title mostly contained in a long text) how much of the title the text holds, slightly discounted.
 */
export function similarity(text: Set<string>, title: Set<string>, body: Set<string>): number {
  const whole = new Set([...title, ...body]);
  const dice = whole.size + text.size ? (2 * intersection(text, whole)) / (whole.size + text.size) : 0;
  const titleCover = title.size >= 3 ? (0.8 * intersection(text, title)) / title.size : 0;
  return Math.round(Math.max(dice, titleCover) * 1000) / 1000;
}

// ——— the service ———

interface Scope {
  /** null: every appeal (dispatcher, leader). */
  enterpriseIds: string[] | null;
  /** Also appeals this user submitted (liaison). */
  submittedBy: string | null;
  /** Appeals with this department on them (handler). */
  departmentId: string | null;
  /** Sees no open appeal at all (admin, editors, auditor). */
  none: boolean;
}

const OPEN_STATES = (
  [
    'submitted',
    'accepted',
    'needs_info',
    'dispatched',
    'signed',
    'replied',
    'rated',
    'returned',
  ] as AppealState[]
).filter((s) => !TERMINAL_APPEAL_STATES.includes(s));

export class AppealAssistService {
  private readonly kb: AppealKbService;
  private readonly routing: AppealRouting;

  constructor(private readonly p: Platform) {
    this.kb = new AppealKbService(p);
    this.routing = appealRouting(p);
  }

  private get db(): DB {
    return this.p.database.db;
  }

  /** Which open appeals the caller may be shown (the visibility rules of the appeals contract). */
  private async scope(p: Principal, enterpriseId: string | undefined): Promise<Scope> {
    const everything = p.roles.includes('dispatcher') || p.roles.includes('leader');
    if (enterpriseId !== undefined) {
      let allowed = everything || p.enterpriseId === enterpriseId;
      if (!allowed && p.roles.includes('liaison')) {
        const e = await this.db
          .selectFrom('enterprises')
          .select('id')
          .where('id', '=', enterpriseId)
          .where('liaisonUserId', '=', p.userId)
          .executeTakeFirst();
        allowed = !!e;
      }
      if (!allowed) throw fieldError('enterpriseId', 'APPEAL_UNKNOWN_ENTERPRISE');
      return { enterpriseIds: [enterpriseId], submittedBy: null, departmentId: null, none: false };
    }
    if (p.enterpriseId)
      return { enterpriseIds: [p.enterpriseId], submittedBy: null, departmentId: null, none: false };
    if (everything) return { enterpriseIds: null, submittedBy: null, departmentId: null, none: false };
    if (p.roles.includes('liaison')) {
      const mine = await this.db
        .selectFrom('enterprises')
        .select('id')
        .where('liaisonUserId', '=', p.userId)
        .execute();
      return { enterpriseIds: mine.map((e) => e.id), submittedBy: p.userId, departmentId: null, none: false };
    }
    if (p.roles.includes('handler') && p.departmentId)
      return { enterpriseIds: null, submittedBy: null, departmentId: p.departmentId, none: false };
    return { enterpriseIds: [], submittedBy: null, departmentId: null, none: true };
  }

  async similar(p: Principal, q: z.output<typeof appealSimilarQuerySchema>): Promise<AppealSimilar> {
    const text = q.text.slice(0, TEXT_CHARS);
    const scope = await this.scope(p, q.enterpriseId);
    const grams = bigrams(text);
    const topicCode = q.topicCode ?? null;
    const [open, pub, kb] = [
      scope.none ? [] : await this.openAppeals(scope, grams, topicCode),
      await this.publicAppeals(grams, topicCode),
      await this.kbAnswers(text),
    ];
    return { open, public: pub, kb };
  }

  private async openAppeals(scope: Scope, grams: Set<string>, topicCode: string | null) {
    const fetch = (byTopic: boolean) => {
      let s = this.db
        .selectFrom('appeals as a')
        .leftJoin('appealTopics as t', 't.code', 'a.topicCode')
        .select((eb) => [
          'a.id',
          'a.code',
          'a.title',
          eb.fn<string>('substr', ['a.content', eb.lit(1), eb.lit(CONTENT_CHARS)]).as('content'),
          'a.state',
          'a.topicCode',
          't.name as topicName',
          'a.createdAt',
        ])
        .where('a.state', 'in', OPEN_STATES);
      if (scope.enterpriseIds !== null || scope.submittedBy !== null) {
        const ids = scope.enterpriseIds ?? [];
        const by = scope.submittedBy;
        s = s.where((eb) =>
          eb.or([
            ...(ids.length ? [eb('a.enterpriseId', 'in', ids)] : []),
            ...(by ? [eb('a.submittedBy', '=', by)] : []),
            ...(!ids.length && !by ? [eb.lit(false)] : []),
          ]),
        );
      }
      if (scope.departmentId !== null) {
        const dept = scope.departmentId;
        s = s.where((eb) =>
          eb.exists(
            eb
              .selectFrom('appealDepartments as d')
              .select('d.appealId')
              .whereRef('d.appealId', '=', 'a.id')
              .where('d.departmentId', '=', dept),
          ),
        );
      }
      if (byTopic) s = s.where('a.topicCode', '=', topicCode);
      return s
        .orderBy('a.createdAt', 'desc')
        .orderBy('a.id', 'desc')
        .limit(byTopic ? TOPIC_CANDIDATES : RECENT_CANDIDATES)
        .execute();
    };
    const rows = dedupe([...(topicCode ? await fetch(true) : []), ...(await fetch(false))]);
    return rank(
      rows,
      grams,
      (r) => r.title,
      (r) => r.content ?? '',
    ).map(({ row, score }) => ({
      id: row.id,
      code: row.code,
      title: row.title,
      state: row.state as AppealState,
      topicCode: row.topicCode,
      topicName: row.topicName ?? null,
      createdAt: row.createdAt,
      score,
    }));
  }

  private async publicAppeals(grams: Set<string>, topicCode: string | null) {
    const fetch = (byTopic: boolean) => {
      let s = this.db
        .selectFrom('appeals as a')
        .leftJoin('appealTopics as t', 't.code', 'a.topicCode')
        .select((eb) => [
          'a.id',
          'a.code',
          'a.title',
          eb.fn<string>('substr', ['a.replyContent', eb.lit(1), eb.lit(PUBLIC_REPLY_CHARS)]).as('reply'),
          'a.topicCode',
          't.name as topicName',
          'a.repliedAt',
        ])
        .where('a.isPublic', '=', 1)
        .where('a.replyPublic', '=', 1)
        .where('a.replyContent', 'is not', null)
        .where('a.state', 'in', ['replied', 'rated', 'closed']);
      if (byTopic) s = s.where('a.topicCode', '=', topicCode);
      return s
        .orderBy('a.repliedAt', 'desc')
        .orderBy('a.id', 'desc')
        .limit(byTopic ? TOPIC_CANDIDATES : RECENT_CANDIDATES)
        .execute();
    };
    const rows = dedupe([...(topicCode ? await fetch(true) : []), ...(await fetch(false))]);
    // Only the title and the reply are public: the enterprise's own text stays out, of the output and the match.
    return rank(
      rows,
      grams,
      (r) => r.title,
      (r) => r.reply ?? '',
    ).map(({ row, score }) => ({
      id: row.id,
      code: row.code,
      title: row.title,
      reply: row.reply ?? '',
      topicCode: row.topicCode,
      topicName: row.topicName ?? null,
      repliedAt: row.repliedAt,
      score,
    }));
  }

  /**
   * Published KB answers: the index needs every bigram of a query, so a whole appeal would find nothing. The
   * text's most telling words are searched one by one; an entry found by more of them (and by better tiers,
   * for the earlier words) ranks first.
   */
  private async kbAnswers(text: string): Promise<AppealKbHit[]> {
    const terms = await this.routing.keyTerms(text, 4);
    const found = new Map<string, { hit: Parameters<AppealKbService['hits']>[0][number]; score: number }>();
    for (const [i, term] of terms.entries()) {
      const r = await this.p.search.search({ query: term, scopes: [KB_SCOPE], limit: 10 });
      for (const h of r.items) {
        const gain = (terms.length - i) * (1 + h.score / 5);
        const seen = found.get(h.id);
        if (seen) seen.score += gain;
        else found.set(h.id, { hit: h, score: gain });
      }
    }
    const best = [...found.values()]
      .sort((a, b) => b.score - a.score || (a.hit.id < b.hit.id ? -1 : 1))
      .slice(0, LIMIT);
    const { items } = await this.kb.hits(best.map((b) => b.hit));
    return items;
  }

  async suggest(text: string) {
    return { items: await this.routing.suggest(text.slice(0, TEXT_CHARS), 3) };
  }
}

function dedupe<T extends { id: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}

function rank<T extends { id: string }>(
  rows: readonly T[],
  grams: Set<string>,
  title: (r: T) => string,
  body: (r: T) => string,
): { row: T; score: number }[] {
  return rows
    .map((row) => ({ row, score: similarity(grams, bigrams(title(row)), bigrams(body(row))) }))
    .filter((x) => x.score >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? 1 : -1))
    .slice(0, LIMIT);
}

/** Routes of similar appeals and routing suggestions. */
export const appealAssistRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, opts) => {
  const assist = new AppealAssistService(opts.platform);

  app.get(
    '/appeals/similar',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '提交前的相似诉求、公开答复和知识库推荐',
        querystring: appealSimilarQuerySchema,
        response: { 200: appealSimilarSchema },
      },
    },
    async (req) => assist.similar(req.principal!, req.query),
  );

  app.get(
    '/appeals/suggest',
    {
      config: { access: ['dispatcher'] },
      schema: {
        tags: TAGS,
        summary: '智能分拨：按诉求内容推荐事项分类和承办部门（前 3 项）',
        querystring: appealSuggestQuerySchema,
        response: { 200: appealSuggestListSchema },
      },
    },
    async (req) => assist.suggest(req.query.text),
  );
};
