import type { DelegationNotice } from '@gesit/identity';
import { appointeeNoticeText, officialNoticeText } from './delegation-texts';

const notice: DelegationNotice = {
  id: 'd1',
  kind: 'PLH',
  startsAt: new Date('2026-12-01T01:00:00Z'),
  endsAt: new Date('2026-12-03T10:00:00Z'),
  reason: 'Dinas luar',
  official: { id: 'kabid', name: 'Ani Kabid', timeZone: 'Asia/Jakarta' },
  appointee: { id: 'kasi', name: 'Budi Kasi', timeZone: 'Asia/Jayapura' },
  createdBy: { id: 'kadis', name: 'Sari Kadis' },
};

describe('delegation notices', () => {
  it('tells the official who acts for them, who appointed them and when, in their zone', () => {
    const text = officialNoticeText(notice);
    expect(text.title).toBe('Budi Kasi ditunjuk sebagai Plh Anda');
    expect(text.body).toContain('oleh Sari Kadis');
    expect(text.body).toContain('1 Des 2026, 08.00 WIB');
    expect(text.body).toContain('Alasan: Dinas luar.');
  });

  it("tells the appointee whose Plh they are, in the appointee's zone", () => {
    const text = appointeeNoticeText({ ...notice, kind: 'PLT', reason: null });
    expect(text.title).toBe('Anda ditunjuk sebagai Plt Ani Kabid');
    expect(text.body).toContain('1 Des 2026, 10.00 WIT');
    expect(text.body).not.toContain('Alasan');
  });

  it('says "oleh Anda sendiri" to the official who appointed their own Plh, and never shows ids', () => {
    const own = { ...notice, createdBy: { id: 'kabid', name: 'Ani Kabid' } };
    expect(officialNoticeText(own).body).toContain('oleh Anda sendiri');
    for (const text of [officialNoticeText(notice), appointeeNoticeText(notice)]) {
      expect(`${text.title} ${text.body}`).not.toMatch(/\b(kabid|kasi|kadis|d1)\b/);
    }
  });
});
