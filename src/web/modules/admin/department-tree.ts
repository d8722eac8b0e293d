import type { Department } from '../../../shared/accounts';

export interface DepartmentNode extends Department {
  children?: DepartmentNode[];
}

function byOrder(a: Department, b: Department): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
}

/** Departments as a tree by parentId; a parent that is missing (or a cycle) makes the node a root, never lost. */
export function buildDepartmentTree(list: readonly Department[]): DepartmentNode[] {
  const ids = new Set(list.map((d) => d.id));
  const childrenOf = new Map<string, Department[]>();
  const roots: Department[] = [];
  for (const d of list) {
    if (d.parentId && ids.has(d.parentId) && d.parentId !== d.id) {
      const arr = childrenOf.get(d.parentId) ?? [];
      arr.push(d);
      childrenOf.set(d.parentId, arr);
    } else {
      roots.push(d);
    }
  }
  const seen = new Set<string>();
  const build = (d: Department): DepartmentNode => {
    seen.add(d.id);
    const kids = (childrenOf.get(d.id) ?? []).filter((c) => !seen.has(c.id)).sort(byOrder);
    return kids.length ? { ...d, children: kids.map(build) } : { ...d };
  };
  const tree = roots.sort(byOrder).map(build);
  // Nodes only reachable through a cycle would otherwise vanish from the list.
  for (const d of list) if (!seen.has(d.id)) tree.push(build(d));
  return tree;
}

/** The ids of a department and everything below it (it cannot become its own ancestor). */
export function subtreeIds(list: readonly Department[], rootId: string): Set<string> {
  const out = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of list) {
      if (d.parentId && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Select options in tree order, indented by depth so the hierarchy stays readable in a flat list. */
export function departmentOptions(
  list: readonly Department[],
  exclude: ReadonlySet<string> = new Set(),
): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const walk = (nodes: DepartmentNode[], depth: number) => {
    for (const n of nodes) {
      if (exclude.has(n.id)) continue;
      out.push({ value: n.id, label: `${depth > 0 ? `${'　'.repeat(depth)}└ ` : ''}${n.name}` });
      if (n.children) walk(n.children, depth + 1);
    }
  };
  walk(buildDepartmentTree(list), 0);
  return out;
}
