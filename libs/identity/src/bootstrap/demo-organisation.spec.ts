import { parseNip } from '../users/nip';
import { checkPasswordPolicy, normaliseEmail } from '../users/user-rules';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNITS } from './demo-organisation';

describe('the demo organisation', () => {
  it.each(DEMO_PEOPLE.map((p) => [p.name, p] as const))('%s has a valid NIP, e-mail and the demo password', (_name, person) => {
    expect(parseNip(person.nip).nip).toBe(person.nip);
    expect(normaliseEmail(person.email)).toBe(person.email);
    expect(() => checkPasswordPolicy(DEMO_PASSWORD, person)).not.toThrow();
  });

  it('has a head, a secretary, two heads of division, staff under each, a clerk and an admin', () => {
    const roles = DEMO_PEOPLE.flatMap((p) => p.roles);
    expect(roles.filter((r) => r === 'LEADER')).toHaveLength(4);
    expect(roles).toEqual(expect.arrayContaining(['STAFF', 'CLERK', 'ADMIN']));
    for (const leader of ['sekretaris', 'kabid-ikp', 'kabid-aptika']) {
      expect(DEMO_PEOPLE.some((p) => p.superior === leader && p.roles.includes('STAFF' as never))).toBe(true);
    }
  });

  it('refers only to units and positions it defines, superiors before their staff', () => {
    const units = new Set(DEMO_UNITS.map((u) => u.code));
    const seen = new Set<string>();
    for (const person of DEMO_PEOPLE) {
      expect(units.has(person.unitCode)).toBe(true);
      if (person.superior) expect(seen.has(person.superior)).toBe(true);
      seen.add(person.key);
    }
    expect(new Set(DEMO_PEOPLE.map((p) => p.nip)).size).toBe(DEMO_PEOPLE.length);
  });
});
