import { AppError } from '@gesit/platform';
import { actingContextFor, mayRead } from './access-rules';

describe('actingContextFor', () => {
  it('acts as the caller without an official', () => {
    expect(actingContextFor('staf', null, [])).toEqual({ actorId: 'staf', actingForId: null, effectiveUserIds: ['staf'] });
    expect(actingContextFor('staf', 'staf', [])).toEqual({ actorId: 'staf', actingForId: null, effectiveUserIds: ['staf'] });
  });

  it("acts in the official's name while the delegation is active", () => {
    expect(actingContextFor('plh', 'kadis', ['kadis'])).toEqual({ actorId: 'plh', actingForId: 'kadis', effectiveUserIds: ['kadis'] });
  });

  it('refuses an official whose delegation the caller does not hold now', () => {
    expect(() => actingContextFor('plh', 'kadis', ['sekretaris'])).toThrow(AppError);
    expect(() => actingContextFor('plh', 'kadis', [])).toThrow(/active Plh\/Plt delegation/);
  });
});

describe('mayRead', () => {
  const ordinary = { namedUserIds: ['staf', 'kabid'], restricted: false };
  const secret = { namedUserIds: ['staf', 'kabid'], restricted: true };

  it.each([
    ['someone named on it', ['staf'], ordinary, [], true],
    ['the Plh of someone named on it', ['plh', 'kabid'], ordinary, [], true],
    ['a leader above someone named', ['kadis'], ordinary, ['kabid', 'kadis'], true],
    ['anyone else', ['staf-lain'], ordinary, ['kabid', 'kadis'], false],
    ['someone named on a secret letter', ['staf'], secret, [], true],
    ['a leader above someone named on a secret letter', ['kadis'], secret, ['kabid', 'kadis'], false],
  ] as const)('%s: %s', (_case, viewers, record, leaders, expected) => {
    expect(mayRead(viewers, record, leaders)).toBe(expected);
  });
});
