import { parentOf } from './classification';

describe('which level of the classification scheme completes what was typed', () => {
  it.each([
    ['', null],
    ['000', null],
    ['000.', '000'],
    ['000.1', '000'],
    ['000.1.1', '000.1'],
    [' 800.1.2 ', '800.1'],
  ])('"%s" is completed from the children of %s', (typed, parent) => {
    expect(parentOf(typed)).toBe(parent);
  });
});
