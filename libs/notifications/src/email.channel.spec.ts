import { emailText } from './email.channel';
import type { Recipient } from './notification-channel.port';
import type { NotificationEntity } from './notification.entity';

describe('notification e-mails', () => {
  const notification = {
    title: 'Disposisi baru: 005/12/2026',
    body: 'Tindak lanjuti, batas 3 Desember 2026 16.00 WIB',
    titleEn: 'New disposition: 005/12/2026',
    bodyEn: 'Follow up, due 3 December 2026 16:00 WIB',
  } as NotificationEntity;
  const recipient = (language: Recipient['language']): Recipient => ({
    id: 'u',
    name: 'Agus Setiawan',
    email: 'agus@example.go.id',
    phone: null,
    language,
  });

  it('writes in Indonesian to a person who has not chosen English', () => {
    const text = emailText(notification, recipient('id'), 'https://gesit.example.go.id');
    expect(text).toMatch(/^Yth\. Agus Setiawan,\n\nDisposisi baru: 005\/12\/2026\n\nTindak lanjuti, batas 3 Desember 2026 16\.00 WIB\n/);
    expect(text).toContain('Silakan buka Gesit (https://gesit.example.go.id)');
  });

  it('writes in English, frame and notice, to a person who chose English', () => {
    const text = emailText(notification, recipient('en'), 'https://gesit.example.go.id');
    expect(text).toMatch(/^Dear Agus Setiawan,\n\nNew disposition: 005\/12\/2026\n\nFollow up, due 3 December 2026 16:00 WIB\n/);
    expect(text).toContain('Open Gesit (https://gesit.example.go.id) to see the details and follow up.');
    expect(text).not.toMatch(/Silakan|Yth\.|Disposisi/);
  });
});
