import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDictionary } from '@node-rs/jieba/dict.js';
import { DOMAIN_TERMS } from './dictionary';

/**
 * Chinese text → index tokens and query terms (SPEC §3 "Chinese text").
 *
 * Recall comes from character bigrams: every pair of adjacent characters in a run of letters is a token, so a
 * two-character query (补贴) or a fragment of a word (研发费 inside 研发费用) is found wherever it occurs,
 * whatever the segmenter thought the words were. Ranking comes from jieba words (with the domain dictionary): they
 * are indexed under a `_` prefix, a namespace no text token can enter, so "税收 as a word" (税收优惠) can outrank
 * "税收 by accident" (纳税收入).
 *
 * Text is folded before anything else: full-width forms become ASCII (１２号 → 12号) and letters lower case. Folding
 * keeps every UTF-16 offset in place, so highlight.ts can match on folded text and mark the original.
 */

/** Index tokens of one field: deduplicated (the index stores presence, not frequency). */
export type TokenSet = Set<string>;

/** A query term: an exact token, or (for a lone Chinese character) every token that starts with it. */
export interface QueryTerm {
  token: string;
  prefix: boolean;
}

export interface ParsedQuery {
  /** One entry per run of letters in the query (runs are separated by spaces and punctuation). */
  runs: { text: string; required: QueryTerm[] }[];
  /** jieba words of the query (search mode), as `_`-prefixed tokens; they rank, they never filter. */
  words: string[];
  /**
   * The finest of those words (研发费用 → 研发, 费用): a document that has them all as words ranks above one that
   * merely contains the characters. The finest, because a document's long words (研发费用加计扣除) come with
   * their 2- and 3-character parts but not their 4-character ones.
   */
  coreWords: string[];
  /** Surfaces to mark in titles and snippets (folded). */
  highlightTerms: string[];
  /** The query as recorded for "most searched terms": folded, spaces collapsed. */
  normalized: string;
}

/** Longest query we read; a pasted paragraph is cut here rather than producing hundreds of required terms. */
export const MAX_QUERY_CHARS = 64;
/** Longest ASCII/number unit indexed as a token (longer ones are noise: hashes, URLs). */
const MAX_UNIT_CHARS = 40;
/** Prefix of jieba word tokens. `_` never occurs in text tokens because folding treats it as a separator. */
export const WORD_PREFIX = '_';

// --- folding ---------------------------------------------------------------------------------------------------

const foldCache = new Map<string, string>();

/** One code point folded (NFKC + lower case), or unchanged when folding would change its UTF-16 length. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  if (code >= 0x4e00 && code <= 0x9fff) return ch; // CJK unified ideographs fold to themselves
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    const n = ch.normalize('NFKC').toLowerCase();
    folded = n.length === ch.length ? n : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
    foldCache.set(ch, folded);
  }
  return folded;
}

/** Characters that may change when folded: all but printable ASCII other than A–Z, CJK punctuation, ideographs. */
const FOLDABLE = /[^ -@[-\u007f\u3001-\u3037\u4e00-\u9fff]/gu;

/** Fold text for matching; the result has exactly the same UTF-16 length as the input. */
export function fold(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}

// --- units ------------------------------------------------------------------------------------------------------

type CharKind = 'han' | 'letter' | 'digit' | 'sep';
const kindCache = new Map<string, CharKind>();
const HAN = /\p{Script=Han}/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;

function charKind(ch: string): CharKind {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 'letter';
    if (code >= 48 && code <= 57) return 'digit';
    return 'sep';
  }
  if (code >= 0x4e00 && code <= 0x9fff) return 'han';
  let kind = kindCache.get(ch);
  if (kind === undefined) {
    kind = HAN.test(ch) ? 'han' : LETTER.test(ch) ? 'letter' : DIGIT.test(ch) ? 'digit' : 'sep';
    kindCache.set(ch, kind);
  }
  return kind;
}

/** One indexing unit: a single Chinese character, or a maximal run of other letters, or of digits. */
export interface Unit {
  text: string;
  han: boolean;
}

/**
 * Split folded text into runs (separated by spaces and punctuation) of units. Letters and digits form separate
 * units (ISO9001 → iso, 9001) so either half is searchable; each Chinese character is a unit of its own.
 */
export function runsOf(folded: string): Unit[][] {
  const runs: Unit[][] = [];
  let run: Unit[] = [];
  let word = '';
  let wordKind: CharKind = 'sep';
  const endWord = () => {
    if (word) run.push({ text: word.slice(0, MAX_UNIT_CHARS), han: false });
    word = '';
    wordKind = 'sep';
  };
  const endRun = () => {
    endWord();
    if (run.length) runs.push(run);
    run = [];
  };
  for (const ch of folded) {
    const kind = charKind(ch);
    if (kind === 'sep') {
      endRun();
    } else if (kind === 'han') {
      endWord();
      run.push({ text: ch, han: true });
    } else {
      if (kind !== wordKind) endWord();
      word += ch;
      wordKind = kind;
    }
  }
  endRun();
  return runs;
}

/**
 * Recall tokens of one run: each non-Chinese unit whole, every adjacent pair of units (研发费 → 研发, 发费;
 * 12号 → 12号), and the last unit alone when it is Chinese — so that a one-character query can look for tokens
 * that start with it (every other character starts a bigram).
 */
function addRunTokens(run: Unit[], out: TokenSet): void {
  for (let i = 0; i < run.length; i++) {
    const unit = run[i]!;
    if (!unit.han) out.add(unit.text);
    const next = run[i + 1];
    if (next) out.add(unit.text + next.text);
    else if (unit.han) out.add(unit.text);
  }
}

// --- jieba ------------------------------------------------------------------------------------------------------

/** Frequency given to domain terms: high enough that jieba prefers them over their parts in any context. */
const DOMAIN_TERM_FREQUENCY = 20_000;
let segmenter: Jieba | undefined;

/** The jieba instance with the default and the domain dictionary (loaded once, about 0.4 s). */
function jieba(): Jieba {
  if (!segmenter) {
    segmenter = Jieba.withDict(jiebaDictionary);
    const lines = DOMAIN_TERMS.map((term) => `${term} ${DOMAIN_TERM_FREQUENCY} n`);
    segmenter.loadDict(Buffer.from(lines.join('\n'), 'utf8'));
  }
  return segmenter;
}

/** Load the dictionaries now rather than on the first search (main.ts may call this at start-up). */
export function warmUpSegmenter(): void {
  jieba();
}

function isAllHan(word: string): boolean {
  for (const ch of word) if (charKind(ch) !== 'han') return false;
  return true;
}

/** jieba words (search mode: long words and their dictionary parts) of folded text, Chinese words of 2+ characters. */
export function segmentWords(folded: string): string[] {
  const words: string[] = [];
  for (const w of jieba().cutForSearch(folded, true)) if (w.length >= 2 && isAllHan(w)) words.push(w);
  return words;
}

// --- indexing and queries ---------------------------------------------------------------------------------------

/** Tokens indexed for one field: recall tokens (bigrams, units) and `_`-prefixed jieba words. */
export function indexTokens(text: string | null | undefined): TokenSet {
  const out: TokenSet = new Set();
  if (!text) return out;
  const folded = fold(text);
  for (const run of runsOf(folded)) addRunTokens(run, out);
  for (const w of segmentWords(folded)) out.add(WORD_PREFIX + w);
  return out;
}

/**
 * What a query asks for: per run, the recall terms that must all be present; the jieba words that rank; the
 * surfaces to highlight. Quotes, operators and SQL in the query are just separators here: nothing of the user's
 * text reaches the database except as tokens made of letters and digits.
 */
export function parseQuery(query: string): ParsedQuery {
  const folded = fold(query.slice(0, MAX_QUERY_CHARS));
  const runs: ParsedQuery['runs'] = [];
  const highlight = new Set<string>();
  for (const units of runsOf(folded)) {
    const required: QueryTerm[] = [];
    const seen = new Set<string>();
    const text = units.map((u) => u.text).join('');
    if (units.length === 1) {
      const unit = units[0]!;
      required.push({ token: unit.text, prefix: unit.han });
      highlight.add(unit.text);
    } else {
      for (let i = 0; i + 1 < units.length; i++) {
        const token = units[i]!.text + units[i + 1]!.text;
        if (!seen.has(token)) required.push({ token, prefix: false });
        seen.add(token);
        highlight.add(token);
      }
    }
    if (runs.some((r) => r.text === text)) continue;
    runs.push({ text, required });
  }
  const found = [...new Set(segmentWords(folded))];
  const core = found.filter((w) => !found.some((part) => part !== w && w.includes(part)));
  return {
    runs,
    words: found.map((w) => WORD_PREFIX + w),
    coreWords: core.map((w) => WORD_PREFIX + w),
    highlightTerms: [...highlight],
    normalized: runs.map((r) => r.text).join(' '),
  };
}
