import { thrownText } from '@gesit/platform/testing';
import { AppError } from '@gesit/platform';
import { actingContextFor } from './access-rules';

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
    expect(thrownText(() => actingContextFor('plh', 'kadis', []))).toMatch(/active Plh\/Plt delegation/);
  });
});
