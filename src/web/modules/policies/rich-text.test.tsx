import { createElement, Fragment, isValidElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { plainToRichHtml, type RichNode, richNodesToReact, safeHref } from './rich-text';

const text = (t: string): RichNode => ({ nodeType: 3, nodeName: '#text', textContent: t, childNodes: [] });
const el = (name: string, attrs: Record<string, string>, ...children: RichNode[]): RichNode => ({
  nodeType: 1,
  nodeName: name.toUpperCase(),
  textContent: null,
  childNodes: children,
  getAttribute: (n) => attrs[n] ?? null,
});
const html = (...nodes: RichNode[]) =>
  renderToStaticMarkup(createElement(Fragment, null, ...richNodesToReact(nodes)));

describe('rich text rendering', () => {
  it('renders the allowed structure', () => {
    expect(
      html(el('h2', {}, text('第一条')), el('p', {}, text('对'), el('strong', {}, text('新认定')))),
    ).toBe('<h2>第一条</h2><p>对<strong>新认定</strong></p>');
    expect(html(el('td', { colspan: '2', rowspan: 'x' }, text('合计')))).toBe('<td colSpan="2">合计</td>');
  });

  it('drops scripts and styles with their content, and unwraps unknown tags', () => {
    expect(html(el('script', {}, text('alert(1)')), el('p', {}, text('正文')))).toBe('<p>正文</p>');
    expect(html(el('font', { color: 'red' }, text('通知')), el('style', {}, text('p{}')))).toBe('通知');
    expect(html(el('img', { src: 'x', onerror: 'alert(1)' }))).toBe('');
  });

  it('never copies event handlers or styles', () => {
    const out = html(el('p', { onclick: 'alert(1)', style: 'color:red', class: 'x' }, text('段落')));
    expect(out).toBe('<p>段落</p>');
  });

  it('keeps web and mail links, opened safely, and turns others into text', () => {
    expect(html(el('a', { href: 'https://www.gov.cn/x' }, text('原文')))).toBe(
      '<a href="https://www.gov.cn/x" target="_blank" rel="noopener noreferrer">原文</a>',
    );
    expect(html(el('a', { href: 'javascript:alert(1)' }, text('点我')))).toBe('点我');
    expect(html(el('a', { href: 'java\tscript:alert(1)' }, text('点我')))).toBe('点我');
  });

  it.each([
    ['https://a.example', 'https://a.example'],
    ['HTTP://A.EXAMPLE', 'HTTP://A.EXAMPLE'],
    ['mailto:zc@example.gov.cn', 'mailto:zc@example.gov.cn'],
    ['javascript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['jav&#x09;ascript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['//evil.example', null],
    ['/relative', null],
    [null, null],
  ])('safeHref(%j) = %j', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });

  it('turns typed paragraphs into escaped rich text', () => {
    expect(plainToRichHtml('第一段\n续行\n\n<第二段> & 完')).toBe(
      '<p>第一段<br>续行</p>\n<p>&lt;第二段&gt; &amp; 完</p>',
    );
    expect(plainToRichHtml('  \n\n ')).toBe('');
  });

  it('makes only elements React knows (no raw HTML strings)', () => {
    const nodes = richNodesToReact([el('p', {}, text('<b>x</b>'))]);
    const p = nodes[0] as ReactElement<{ children: unknown }>;
    expect(isValidElement(p)).toBe(true);
    expect(html(el('p', {}, text('<b>x</b>')))).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
  });
});
