import { thrownText } from '@gesit/platform/testing';
import { AppError } from '@gesit/platform';
import { distinctIds, optionalText, requiredText } from './registration.rules';

describe('registration rules', () => {
  it('trims required text and names the field when missing', () => {
    expect(requiredText('  Undangan  ', 'subject')).toBe('Undangan');
    expect(thrownText(() => requiredText('   ', 'subject'))).toMatch('subject is required.');
    expect(thrownText(() => requiredText('x'.repeat(11), 'number', 10))).toMatch('number is longer than 10 characters.');
  });

  it('keeps optional text null when blank', () => {
    expect(optionalText('  ', 'note')).toBeNull();
    expect(optionalText(' ok ', 'note')).toBe('ok');
  });

  it('refuses empty and repeated id lists', () => {
    expect(distinctIds(['a', 'b'], 'addresseeIds')).toEqual(['a', 'b']);
    expect(() => distinctIds([], 'addresseeIds')).toThrow(AppError);
    expect(thrownText(() => distinctIds(['a', 'a'], 'addresseeIds'))).toMatch('addresseeIds lists the same id twice.');
  });
});
