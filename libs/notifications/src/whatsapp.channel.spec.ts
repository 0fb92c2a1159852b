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

  const settings = { template: 'gesit_notifikasi', language: 'id', templateEn: 'gesit_notice', languageEn: 'en_GB' };
  const notification = {
    title: 'Menunggu paraf Anda',
    body: 'Konsep surat menunggu paraf Anda.',
    titleEn: 'Waiting for your initials',
    bodyEn: 'A draft letter is waiting for your initials.',
  } as NotificationEntity;

  it('sends the title and the text to the number, in the configured template and language', () => {
    expect(templateMessage(settings, notification, { phone: '6281234567890', language: 'id' })).toEqual({
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

  it('speaks English to a person who chose it, with the English template; Indonesian when the notice has no English text', () => {
    const english = templateMessage(settings, notification, { phone: '6281234567890', language: 'en' }).template;
    expect(english.name).toBe('gesit_notice');
    expect(english.language).toEqual({ code: 'en_GB' });
    expect(english.components[0].parameters.map((p) => p.text)).toEqual([
      'Waiting for your initials',
      'A draft letter is waiting for your initials.',
    ]);
    const indonesianOnly = { title: 'Akun terkunci', body: null, titleEn: null, bodyEn: null } as NotificationEntity;
    expect(
      templateMessage(settings, indonesianOnly, { phone: '6281234567890', language: 'en' }).template.components[0].parameters.map(
        (p) => p.text,
      ),
    ).toEqual(['Akun terkunci', 'Akun terkunci']);
  });
});
