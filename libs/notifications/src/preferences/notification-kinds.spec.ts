import { checkPreference, effectiveChannels, NotificationChannelKind as C } from './notification-kinds';

describe('notification channels per kind', () => {
  it.each([
    ['nothing chosen: in Gesit and by e-mail', 'letter.signed', null, [C.IN_APP, C.EMAIL]],
    ['a choice is kept, in a fixed order', 'letter.signed', [C.WHATSAPP, C.EMAIL], [C.EMAIL, C.WHATSAPP]],
    ['everything off for news', 'letter.signed', [], []],
    ['work to do stays in Gesit', 'disposition.received', [C.WHATSAPP], [C.IN_APP, C.WHATSAPP]],
    ['work to do with nothing else', 'approval.waiting', [], [C.IN_APP]],
    ['a kind unknown to the catalogue (older rows) gets the default', 'REMINDER', null, [C.IN_APP, C.EMAIL]],
    ['a channel no longer known is dropped', 'letter.signed', ['SMS', 'EMAIL'], [C.EMAIL]],
  ])('%s', (_case, kind, chosen, channels) => {
    expect(effectiveChannels(kind, chosen as string[] | null)).toEqual(channels);
  });

  it('stores a choice without duplicates and with IN_APP for work', () => {
    expect(checkPreference('approval.returned', [C.EMAIL, C.EMAIL])).toEqual([C.IN_APP, C.EMAIL]);
    expect(checkPreference('assignment.withdrawn', [])).toEqual([]);
  });

  it('refuses an unknown kind in Indonesian, listing the known ones', () => {
    expect(() => checkPreference('disposisi', [C.EMAIL])).toThrow(/Jenis notifikasi "disposisi" tidak dikenal.*disposition\.received/);
  });
});
