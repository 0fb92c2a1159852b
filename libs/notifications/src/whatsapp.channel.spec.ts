import type { NotificationEntity } from './notification.entity';
import { templateMessage, templateParameter } from './whatsapp.channel';

describe('WhatsApp template messages', () => {
  it.each([
    ['plain text stays', 'Disposisi baru', 'Disposisi baru'],
    ['new lines and tabs become spaces', 'Baris satu\n\nBaris\tdua', 'Baris satu Baris dua'],
    ['long runs of spaces are shortened', 'a      b', 'a   b'],
    ['too long is cut with an ellipsis', 'x'.repeat(1200), `${'x'.repeat(999)}…`],
  ])('%s', (_case, text, parameter) => {
    expect(templateParameter(text)).toBe(parameter);
  });

  it('sends the title and the text to the number, in the configured template and language', () => {
    const notification = { title: 'Menunggu paraf Anda', body: 'Konsep surat menunggu paraf Anda.' } as NotificationEntity;
    expect(templateMessage({ template: 'gesit_notifikasi', language: 'id' }, notification, '6281234567890')).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      type: 'template',
      template: {
        name: 'gesit_notifikasi',
        language: { code: 'id' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Menunggu paraf Anda' },
              { type: 'text', text: 'Konsep surat menunggu paraf Anda.' },
            ],
          },
        ],
      },
    });
  });
});
