import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, markedText, parseMarked } from './snippet';

describe('search snippets', () => {
  it('reads marks as marked runs and the rest as text', () => {
    expect(parseMarked('给予租金<mark>补贴</mark>。')).toEqual([
      { text: '给予租金', mark: false },
      { text: '补贴', mark: true },
      { text: '。', mark: false },
    ]);
    expect(parseMarked('<mark>人才</mark>与<mark>补贴</mark>')).toEqual([
      { text: '人才', mark: true },
      { text: '与', mark: false },
      { text: '补贴', mark: true },
    ]);
  });

  it('turns escaped markup back into the characters the document contains, as text', () => {
    const segs = parseMarked('&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;');
    expect(segs.map((s) => s.text).join('')).toBe('<script>alert(1)</script>');
    // The script is text in runs, never an element: the renderer only ever creates <mark>.
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['script', 'script']);
  });

  it('keeps raw tags other than mark as literal text', () => {
    const segs = parseMarked('<img src=x onerror=alert(1)><mark>补贴</mark><b>加粗</b>');
    expect(segs).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: false },
      { text: '补贴', mark: true },
      { text: '<b>加粗</b>', mark: false },
    ]);
  });

  it('survives nested, unbalanced and stray marks', () => {
    expect(parseMarked('<mark><mark>研发</mark>费</mark>用')).toEqual([
      { text: '研发费', mark: true },
      { text: '用', mark: false },
    ]);
    expect(parseMarked('a</mark>b')).toEqual([{ text: 'ab', mark: false }]);
    expect(parseMarked('<MARK>补贴')).toEqual([{ text: '补贴', mark: true }]);
    expect(parseMarked('')).toEqual([]);
  });

  it('decodes the entities an escaper writes and leaves the rest', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x27;&#20225;')).toBe("&<>\"''企");
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
    expect(decodeEntities('&bogus; &#0; &#xD800; &#99999999;')).toBe('&bogus; &#0; &#xD800; &#99999999;');
    expect(decodeEntities('a & b')).toBe('a & b');
  });

  it('gives back exactly the text of any escaped input, whatever it contains', () => {
    const escapeHtml = (s: string) =>
      s.replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
      );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.boolean())), (parts) => {
        const html = parts.map(([t, m]) => (m ? `<mark>${escapeHtml(t)}</mark>` : escapeHtml(t))).join('');
        expect(markedText(html)).toBe(parts.map(([t]) => t).join(''));
        const marked = parseMarked(html)
          .filter((s) => s.mark)
          .map((s) => s.text)
          .join('');
        expect(marked).toBe(
          parts
            .filter(([, m]) => m)
            .map(([t]) => t)
            .join(''),
        );
      }),
    );
  });
});
