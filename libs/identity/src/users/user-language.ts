import { registerEnumType } from '@nestjs/graphql';

/** The language a person reads Gesit's e-mail and WhatsApp notices in; its values are the platform's `Language`. */
export enum UserLanguage {
  ID = 'id',
  EN = 'en',
}

registerEnumType(UserLanguage, {
  name: 'Language',
  valuesMap: {
    ID: { description: 'Bahasa Indonesia (the default)' },
    EN: { description: 'English' },
  },
});
