import { describe, expect, it } from 'vitest';
import type { Department } from '../../../shared/accounts';
import { buildDepartmentTree, departmentOptions, subtreeIds } from './department-tree';

const dep = (id: string, parentId: string | null, sortOrder = 0): Department => ({
  id,
  code: id,
  name: `部门${id}`,
  kind: 'bureau',
  parentId,
  sortOrder,
  phone: null,
  userCount: 0,
});

describe('department tree', () => {
  it('nests children under parents, in sort order', () => {
    const tree = buildDepartmentTree([
      dep('b', null, 2),
      dep('a', null, 1),
      dep('a2', 'a', 2),
      dep('a1', 'a', 1),
    ]);
    expect(tree.map((n) => n.id)).toEqual(['a', 'b']);
    expect(tree[0]!.children?.map((n) => n.id)).toEqual(['a1', 'a2']);
    expect(tree[1]!.children).toBeUndefined();
  });

  it('never loses a department whose parent is missing or that sits in a cycle', () => {
    const tree = buildDepartmentTree([dep('orphan', 'gone'), dep('x', 'y'), dep('y', 'x')]);
    const all: string[] = [];
    const walk = (nodes: typeof tree) => {
      for (const n of nodes) {
        all.push(n.id);
        if (n.children) walk(n.children);
      }
    };
    walk(tree);
    expect(all.sort()).toEqual(['orphan', 'x', 'y']);
  });

  it('excludes a department and its descendants from its own parent choices', () => {
    const list = [dep('a', null), dep('a1', 'a'), dep('a11', 'a1'), dep('b', null)];
    expect([...subtreeIds(list, 'a1')].sort()).toEqual(['a1', 'a11']);
    expect(departmentOptions(list, subtreeIds(list, 'a1')).map((o) => o.value)).toEqual(['a', 'b']);
  });

  it('indents options by depth', () => {
    const opts = departmentOptions([dep('a', null), dep('a1', 'a')]);
    expect(opts[0]!.label).toBe('部门a');
    expect(opts[1]!.label).toBe('　└ 部门a1');
  });
});
