import { useMemo } from 'react';
import { richHtmlToReact } from '../rich-text';

/** Sanitised rich text from the server, rebuilt element by element under the allow-list (see rich-text.ts). */
export function RichText({ html, className }: { html: string; className?: string }) {
  const nodes = useMemo(() => richHtmlToReact(html), [html]);
  return <div className={`qifu-rich-text${className ? ` ${className}` : ''}`}>{nodes}</div>;
}
