import { allowedMoves, checklistProgress, TaskStatus as S } from './task-status';

describe('task status machine', () => {
  const assignee = { creator: false, assignee: true };
  const creator = { creator: true, assignee: false };
  const both = { creator: true, assignee: true };

  it.each([
    [S.TODO, assignee, [S.IN_PROGRESS, S.BLOCKED]],
    [S.IN_PROGRESS, assignee, [S.IN_REVIEW, S.BLOCKED]],
    [S.BLOCKED, assignee, [S.TODO, S.IN_PROGRESS]],
    [S.IN_REVIEW, assignee, []],
    [S.DONE, assignee, []],
    [S.IN_REVIEW, creator, [S.DONE, S.IN_PROGRESS, S.CANCELLED]],
    [S.TODO, creator, [S.CANCELLED]],
    [S.IN_PROGRESS, both, [S.IN_REVIEW, S.BLOCKED, S.DONE, S.CANCELLED]],
    [S.DONE, both, []],
    [S.CANCELLED, both, []],
  ])('from %s as %j allows %j', (from, who, expected) => {
    expect(allowedMoves(from, who).sort()).toEqual([...expected].sort());
  });

  it.each([
    [[], null],
    [[{ done: false }], 0],
    [[{ done: true }, { done: false }, { done: false }], 33],
    [[{ done: true }, { done: true }], 100],
  ])('checklist %j gives progress %p', (items, progress) => {
    expect(checklistProgress(items)).toBe(progress);
  });
});
