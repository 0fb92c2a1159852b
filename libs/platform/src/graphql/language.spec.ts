import { requestLanguage } from './language';

describe('requestLanguage', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['en;q=0.5, id;q=0.8', 'id'],
    ['fr, en;q=0.3', 'en'],
    ['fr, de', 'id'],
    ['en;q=0', 'id'],
    [['en-GB', 'id'], 'en'],
  ])('%p → %p', (header, expected) => {
    expect(requestLanguage({ 'accept-language': header as string | string[] | undefined })).toBe(expected);
  });
});
