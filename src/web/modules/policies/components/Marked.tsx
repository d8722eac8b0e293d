import { parseMarked } from '../snippet';

/** A highlighted search snippet: text and <mark> only, whatever the string contains (see snippet.ts). */
export function Marked({ html, className }: { html: string; className?: string }) {
  return (
    <span className={className}>
      {parseMarked(html).map((s, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity beyond their order
        s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </span>
  );
}
