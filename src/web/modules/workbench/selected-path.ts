/** The pathname's menu key: the longest menu path that prefixes it; none for a page outside the menu (the inbox). */
export function selectedPath(pathname: string, paths: string[]): string | undefined {
  const rel = pathname.replace(/^\/workbench\/?/, '');
  const hits = paths.filter((p) => (p === '' ? rel === '' : rel === p || rel.startsWith(`${p}/`)));
  return hits.sort((a, b) => b.length - a.length)[0];
}
