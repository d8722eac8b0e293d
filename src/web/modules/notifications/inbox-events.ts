/**
 * The header bell and the inbox page live in different chunks; when the inbox marks something read, it says so
 * with a window event and the bell fetches its count again.
 */
const EVENT = 'qifu:inbox-changed';

export function announceInboxChanged(unread?: number): void {
  window.dispatchEvent(new CustomEvent<number | undefined>(EVENT, { detail: unread }));
}

export function onInboxChanged(listener: (unread: number | undefined) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<number | undefined>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}

/** Where the inbox is for this user: inside the workbench for staff, in the portal for everyone else. */
export function inboxPath(kind: 'staff' | 'enterprise'): string {
  return kind === 'staff' ? '/workbench/inbox' : '/inbox';
}
