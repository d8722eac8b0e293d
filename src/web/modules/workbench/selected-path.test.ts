import { describe, expect, it } from 'vitest';
import { selectedPath } from './selected-path';

describe('selectedPath', () => {
  const paths = ['', 'appeals', 'appeals/supervision', 'users'];
  it('picks the longest menu path that prefixes the page', () => {
    expect(selectedPath('/workbench', paths)).toBe('');
    expect(selectedPath('/workbench/', paths)).toBe('');
    expect(selectedPath('/workbench/appeals/01abc', paths)).toBe('appeals');
    expect(selectedPath('/workbench/appeals/supervision', paths)).toBe('appeals/supervision');
    expect(selectedPath('/workbench/users', paths)).toBe('users');
  });
  it('selects nothing on a page outside the menu, not the home entry', () => {
    expect(selectedPath('/workbench/inbox', paths)).toBeUndefined();
    expect(selectedPath('/workbench/usersx', paths)).toBeUndefined();
  });
});
