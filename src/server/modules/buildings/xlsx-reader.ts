import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors';

/**
 * Safe reading of an uploaded .xlsx (SPEC §2.5 import). An .xlsx is a zip; a hostile zip can claim small sizes and
 * inflate to gigabytes (a "zip bomb"), hide entries that a streaming reader sees but the central directory does not,
 * or not be a workbook at all. So before exceljs touches the bytes:
 *
 * 1. the content must be a zip (magic `PK\x03\x04`, an end-of-central-directory record) holding
 *    `[Content_Types].xml` that declares a spreadsheet and `xl/workbook.xml` — the name and the client's
 *    Content-Type do not count;
 * 2. the central directory is read by hand: no ZIP64, no encryption, only stored/deflate, no duplicate names, and
 *    the local entries must tile the file exactly up to the central directory (what a streaming unzipper sees is
 *    what was checked);
 * 3. the declared uncompressed total must stay under `maxInflatedBytes`, and no large entry may claim an absurd
 *    compression ratio;
 * 4. every entry is then inflated as a stream with a hard cap at its declared size, output discarded as it comes
 *    (bounded memory), CRC checked — a lying header is caught after at most its declared size.
 *
 * Only then the rows are read with exceljs's streaming `WorkbookReader`, counting data rows as they come and
 * stopping at `maxRows`. Formula cells are handed over as exceljs formula objects (never their cached results), so
 * normalize.ts refuses them.
 */

export interface XlsxLimits {
  /** Upload size limit (bytes); larger → 413. */
  maxBytes: number;
  /** Data rows (after each sheet's header row) over the counted sheets; more → 400. */
  maxRows: number;
  /** Declared uncompressed total of all entries; default min(100 × maxBytes, 200 MB). */
  maxInflatedBytes?: number;
}

/** A sheet as read: the header row (row 1) and the non-blank data rows, cells as exceljs gives them. */
export interface SheetRows {
  name: string;
  headers: string[];
  rows: { number: number; cells: unknown[] }[];
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  localOffset: number;
}

const MB = 1024 * 1024;
/** A deflate stream cannot expand more than ~1032:1; above this ratio a large entry is refused outright. */
const MAX_RATIO = 200;
/** Entries smaller than this are not ratio-checked (tiny repetitive XML parts compress very well). */
const RATIO_MIN_BYTES = 4 * MB;
const MAX_ENTRIES = 2000;

const notXlsx = (why?: string) =>
  new AppError(
    'BUILDING_IMPORT_NOT_XLSX',
    why ? `文件不是有效的 Excel 工作簿（.xlsx）：${why}。请使用导入模板另存为 .xlsx 后上传` : undefined,
  );
const unsafe = (why: string) =>
  new AppError('BUILDING_IMPORT_UNSAFE_FILE', `文件解压后体积异常（${why}），疑似压缩炸弹，已拒绝`);

export const fmtMB = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;

export function tooLargeError(maxBytes: number): AppError {
  return new AppError('BUILDING_IMPORT_TOO_LARGE', `文件过大：导入文件不能超过 ${fmtMB(maxBytes)}`, {
    maxBytes,
  });
}

/** Parse the central directory; throws BUILDING_IMPORT_NOT_XLSX / UNSAFE_FILE. Pure, no inflation. */
export function readZipDirectory(buf: Buffer, maxInflatedBytes: number): ZipEntry[] {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    throw notXlsx('这是旧版 Excel 97-2003（.xls）或已加密的工作簿，请另存为 .xlsx 并取消密码');
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  // End of central directory: 22 bytes + a comment of at most 65,535 bytes, searched from the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx('压缩包结构不完整');
  const disk = buf.readUInt16LE(eocd + 4);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || count === 0xffff || cdOffset === 0xffffffff) throw notXlsx('不支持分卷或 ZIP64 压缩包');
  if (count === 0 || count > MAX_ENTRIES) throw notXlsx('压缩包条目数异常');
  if (cdOffset + cdSize !== eocd) throw notXlsx('压缩包目录位置异常');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw notXlsx('压缩包目录损坏');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc32 = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff)
      throw notXlsx('不支持 ZIP64 压缩包');
    if (flags & 0x1) throw notXlsx('工作簿已加密，请取消密码后再导入');
    if (method !== 0 && method !== 8) throw notXlsx('压缩方式不受支持');
    if (names.has(name)) throw notXlsx('压缩包含重名条目');
    names.add(name);
    declared += uncompressedSize;
    if (declared > maxInflatedBytes) throw unsafe(`声明的解压总大小超过 ${fmtMB(maxInflatedBytes)}`);
    if (uncompressedSize >= RATIO_MIN_BYTES && uncompressedSize > MAX_RATIO * Math.max(1, compressedSize))
      throw unsafe(`条目 ${name} 压缩比超过 ${MAX_RATIO}:1`);
    entries.push({ name, method, flags, compressedSize, uncompressedSize, crc32, localOffset });
  }
  if (p !== eocd) throw notXlsx('压缩包目录损坏');

  // The local entries must tile [0, cdOffset) exactly, in order: a streaming unzipper (exceljs uses one) reads the
  // local headers sequentially and would otherwise see entries the checks above never saw.
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const e of sorted) {
    const o = e.localOffset;
    if (o !== expected || o + 30 > cdOffset || buf.readUInt32LE(o) !== 0x04034b50)
      throw notXlsx('压缩包条目位置异常');
    const lFlags = buf.readUInt16LE(o + 6);
    const lMethod = buf.readUInt16LE(o + 8);
    const lNameLen = buf.readUInt16LE(o + 26);
    const lExtraLen = buf.readUInt16LE(o + 28);
    const lName = buf.toString('utf8', o + 30, o + 30 + lNameLen);
    if (lName !== e.name || lMethod !== e.method || (lFlags & 0x1) !== 0) throw notXlsx('压缩包条目不一致');
    if (!(lFlags & 0x8)) {
      const lComp = buf.readUInt32LE(o + 18);
      const lUncomp = buf.readUInt32LE(o + 22);
      if (lComp !== e.compressedSize || lUncomp !== e.uncompressedSize) throw notXlsx('压缩包条目大小不一致');
    }
    let end = o + 30 + lNameLen + lExtraLen + e.compressedSize;
    if (lFlags & 0x8) {
      // Data descriptor: optional signature, crc, compressed and uncompressed sizes.
      end += end + 4 <= cdOffset && buf.readUInt32LE(end) === 0x08074b50 ? 16 : 12;
    }
    if (end > cdOffset) throw notXlsx('压缩包条目越界');
    expected = end;
  }
  if (expected !== cdOffset) throw notXlsx('压缩包含未登记的数据');
  return entries;
}

function dataStart(buf: Buffer, e: ZipEntry): number {
  return e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
}

/**
 * Inflate one entry as a stream, discarding (or keeping, for small parts) the output, with a hard cap at the
 * declared size: a lying header fails after at most `uncompressedSize + one chunk` bytes of work.
 */
function inflateChecked(buf: Buffer, e: ZipEntry, keep: boolean): Promise<Buffer | null> {
  const start = dataStart(buf, e);
  const raw = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) return Promise.reject(notXlsx('压缩包条目大小不一致'));
    if (zlib.crc32(raw) >>> 0 !== e.crc32 >>> 0) return Promise.reject(notXlsx('压缩包校验失败'));
    return Promise.resolve(keep ? Buffer.from(raw) : null);
  }
  return new Promise((resolve, reject) => {
    const z = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    let crc = 0;
    let failed = false;
    const chunks: Buffer[] = [];
    const fail = (err: AppError) => {
      if (failed) return;
      failed = true;
      z.destroy();
      reject(err);
    };
    z.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > e.uncompressedSize) return fail(unsafe(`条目 ${e.name} 解压后超过声明的大小`));
      crc = zlib.crc32(chunk, crc);
      if (keep) chunks.push(chunk);
    });
    z.on('error', () => fail(notXlsx('压缩数据损坏')));
    z.on('end', () => {
      if (failed) return;
      if (size !== e.uncompressedSize) return fail(notXlsx('压缩包条目大小不一致'));
      if (crc >>> 0 !== e.crc32 >>> 0) return fail(notXlsx('压缩包校验失败'));
      resolve(keep ? Buffer.concat(chunks) : null);
    });
    z.end(raw);
  });
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string) =>
  tag.match(new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`))?.[1] ??
  tag.match(new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`))?.[1];

/** Sheet number (xl/worksheets/sheetN.xml) → sheet name, from workbook.xml and its relationships. */
function sheetNamesOf(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target);
  }
  const out = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id') ?? attr(m[0], '\\w+:id');
    const target = rid ? targets.get(rid) : undefined;
    const n = target?.match(/sheet(\d+)\.xml$/)?.[1];
    if (name !== undefined && n) out.set(n, decodeXml(name));
  }
  return out;
}

/**
 * Every check up to (and including) inflation; returns the verified entries by name and the sheet names by
 * worksheet number, in the workbook's order. `readXlsx` calls it first.
 */
async function verifiedWorkbook(
  buf: Buffer,
  limits: XlsxLimits,
): Promise<{ names: Map<string, string>; entries: Map<string, ZipEntry> }> {
  if (buf.length > limits.maxBytes) throw tooLargeError(limits.maxBytes);
  if (buf.length === 0) throw new AppError('BUILDING_IMPORT_EMPTY', '上传的文件为空');
  const maxInflated = limits.maxInflatedBytes ?? Math.min(100 * limits.maxBytes, 200 * MB);
  const entries = readZipDirectory(buf, maxInflated);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const types = byName.get('[Content_Types].xml');
  const workbook = byName.get('xl/workbook.xml');
  if (!types || !workbook) throw notXlsx('缺少工作簿内容（可能是其他类型的压缩包或 Word/PPT 文件）');
  const small = new Map<string, string>();
  for (const e of entries) {
    const keep =
      e.name === '[Content_Types].xml' ||
      e.name === 'xl/workbook.xml' ||
      e.name === 'xl/_rels/workbook.xml.rels';
    if (keep && e.uncompressedSize > 4 * MB) throw notXlsx('工作簿结构异常');
    const content = await inflateChecked(buf, e, keep);
    if (content) small.set(e.name, content.toString('utf8'));
  }
  if (
    !/spreadsheetml\.sheet\.main\+xml|ms-excel\.sheet\.macroEnabled\.main\+xml/.test(
      small.get('[Content_Types].xml')!,
    )
  )
    throw notXlsx('内容类型不是 Excel 工作簿');
  return {
    names: sheetNamesOf(small.get('xl/workbook.xml') ?? '', small.get('xl/_rels/workbook.xml.rels') ?? ''),
    entries: byName,
  };
}

/** The text of a header cell (rich text joined, everything else stringified). */
function headerText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (o.text !== undefined) return String(o.text).trim();
    return '';
  }
  return String(v).trim();
}

function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * The parts of exceljs's streaming `WorkbookReader` that parse one zip entry each. `readXlsx` drives them itself
 * (exceljs 4.4 is the last release, so these do not move) instead of letting the reader unzip the upload:
 *
 * - exceljs's own loop reads the zip through `unzipper` in whatever order the entries come. Excel, WPS and exceljs
 *   all write the worksheets before `sharedStrings.xml`, so it spools every worksheet to a temporary file on disk and
 *   parses it afterwards: uploaded data lands in /tmp, and under load that path failed now and then.
 * - It decodes every inflated chunk to text separately, so a Chinese character split across two chunks became
 *   two U+FFFD (seen in about 1 row in 700 of a 5,000-row sheet).
 *
 * Here the entries come from the zip directory already verified, in dependency order (relationships, workbook,
 * shared strings, styles, then the worksheets in the workbook's order), each inflated as a stream and decoded with
 * a UTF-8 decoder that carries a split character over to the next chunk.
 */
interface ReaderParts {
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: ExcelJS.stream.xlsx.WorksheetReader }>;
}

/** One verified entry as a stream of text (inflated as it is read). */
function entryText(buf: Buffer, e: ZipEntry): Readable {
  const start = dataStart(buf, e);
  const raw = buf.subarray(start, start + e.compressedSize);
  const stream: Readable =
    e.method === 0 ? Readable.from([raw], { objectMode: false }) : zlib.createInflateRaw();
  if (e.method !== 0) (stream as zlib.InflateRaw).end(raw);
  stream.setEncoding('utf8');
  return stream;
}

/**
 * Verify, then stream the rows of every sheet `wanted(name)` accepts. Rows are the non-blank rows after row 1 (the
 * header); more than `maxRows` of them across the wanted sheets → 400 BUILDING_IMPORT_TOO_MANY_ROWS, raised as
 * soon as the row past the limit is read.
 */
export async function readXlsx(
  buf: Buffer,
  limits: XlsxLimits,
  wanted: (sheetName: string) => boolean = () => true,
): Promise<SheetRows[]> {
  const { names, entries } = await verifiedWorkbook(buf, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderParts;
  const opened: Readable[] = [];
  const part = (name: string) => {
    const e = entries.get(name);
    if (!e) return undefined;
    const text = entryText(buf, e);
    opened.push(text);
    return text;
  };
  const sheets: SheetRows[] = [];
  let dataRows = 0;
  try {
    const rels = part('xl/_rels/workbook.xml.rels');
    if (rels) await reader._parseRels(rels);
    await reader._parseWorkbook(part('xl/workbook.xml')!);
    const strings = part('xl/sharedStrings.xml');
    if (strings)
      for await (const _ of reader._parseSharedStrings(strings)) {
      }
    const styles = part('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);
    for (const [sheetNo, name] of names) {
      if (!wanted(name)) continue;
      const text = part(`xl/worksheets/sheet${sheetNo}.xml`);
      if (!text) continue;
      let ws: ExcelJS.stream.xlsx.WorksheetReader | undefined;
      for (const event of reader._parseWorksheet(text, sheetNo)) ws = event.value;
      if (!ws) continue;
      const sheet: SheetRows = { name, headers: [], rows: [] };
      sheets.push(sheet);
      for await (const row of ws) {
        const values = (row.values as unknown[]) ?? [];
        // exceljs rows are 1-based sparse arrays.
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => values[i + 1] ?? null);
        if (row.number === 1) {
          sheet.headers = cells.map(headerText);
          continue;
        }
        if (cells.every(isBlankValue)) continue;
        dataRows++;
        if (dataRows > limits.maxRows)
          throw new AppError(
            'BUILDING_IMPORT_TOO_MANY_ROWS',
            `数据行数超过上限：一次最多导入 ${limits.maxRows} 行，请拆分文件后分批导入`,
            { maxRows: limits.maxRows },
          );
        sheet.rows.push({ number: row.number, cells });
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notXlsx('无法读取工作表内容');
  } finally {
    // A sheet left half-read (too many rows, a parse error) must not keep its inflater.
    for (const stream of opened) stream.destroy();
  }
  return sheets;
}
