import { classificationProblems } from './classification-rules';

const base = { code: '000.1.2', name: 'Persuratan', parentCode: '000.1', activeYears: 2, inactiveYears: 3 };

describe('classificationProblems', () => {
  it.each([
    base,
    { ...base, code: '000', parentCode: null },
    { ...base, code: '800.1.11.3', parentCode: '800.1.11' },
    { ...base, activeYears: 0, inactiveYears: 0 },
  ])('accepts %j', (input) => {
    expect(classificationProblems(input)).toEqual([]);
  });

  it.each([
    [{ ...base, code: '0001' }, 'is not a classification code'],
    [{ ...base, code: '000.' }, 'is not a classification code'],
    [{ ...base, code: 'ABC' }, 'is not a classification code'],
    [{ ...base, parentCode: '000' }, 'The parent of 000.1.2 is 000.1, not 000'],
    [{ ...base, parentCode: null }, 'The parent of 000.1.2 is 000.1, not none'],
    [{ ...base, code: '000', parentCode: '100' }, 'top-level group'],
    [{ ...base, name: '  ' }, 'Give the code a name'],
    [{ ...base, activeYears: -1 }, 'activeYears must be'],
    [{ ...base, inactiveYears: 2.5 }, 'inactiveYears must be'],
  ])('refuses %j', (input, message) => {
    expect(
      classificationProblems(input)
        .map((p) => p.message.en)
        .join(' '),
    ).toContain(message);
  });
});
