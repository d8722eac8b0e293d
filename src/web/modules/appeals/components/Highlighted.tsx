import { Marked } from '../../policies/components/Marked';
import { highlight } from '../highlight';

/**
 * Text with the search words marked: the server's own `<mark>` snippet when it sent one (read safely by Marked),
 * else the plain text marked here.
 */
export function Highlighted({ text, html, query }: { text: string; html?: string | null; query: string }) {
  if (html) return <Marked html={html} />;
  return (
    <span>
      {highlight(text, query).map((r, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity beyond their order
        r.mark ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>,
      )}
    </span>
  );
}
