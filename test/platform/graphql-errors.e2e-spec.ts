import { errorCode, startTestApi, TestApi } from '../harness/app';
import { adminToken } from '../harness/identity';

describe('GraphQL errors a client can act on', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await adminToken(api);
  });

  afterAll(() => api.close());

  it.each([
    ['an unknown field', '{ noSuchField }', 'GRAPHQL_VALIDATION_FAILED', /noSuchField/],
    ['broken syntax', '{ __typename', 'GRAPHQL_VALIDATION_FAILED', /Syntax Error/],
    ['an over-deep query', `{ units { ${'children { '.repeat(12)}id${' }'.repeat(12)} } }`, 'GRAPHQL_VALIDATION_FAILED', /depth|deep/i],
  ])('answers %s with 400 and a message naming the problem', async (_case, query, code, message) => {
    const res = await api.gql(query, {}, admin);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe(code);
    expect(res.errors![0].message).toMatch(message);
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT', async () => {
    const res = await api.gql('query($year: Int!) { holidays(year: $year) { date } }', { year: null }, admin);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('$year');
  });

  it.each([
    [
      'an impossible calendar date',
      'mutation($d: Date!) { addHoliday(input: { date: $d, name: "X", kind: NATIONAL }) { id } }',
      { d: '2031-02-30' },
      /2031-02-30/,
    ],
    ['an unreadable instant', 'query($s: DateTime!) { computeDueAt(start: $s, workingHours: 8) }', { s: 'besok pagi' }, /\$s/],
    [
      'an unknown enum value',
      'mutation($u: Urgency!) { setSlaPolicy(input: { urgency: $u, workingHours: 8 }) { urgency } }',
      { u: 'KILAT' },
      /KILAT/,
    ],
  ])('answers %s in variables with BAD_USER_INPUT naming the value', async (_case, query, variables, message) => {
    const res = await api.gql(query, variables, admin);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
  });

  it('answers a rule broken during execution with 200, the code and the path', async () => {
    const res = await api.gql('query { holidays(year: 3) { date } }', {}, admin);
    expect(res.status).toBe(200);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].path).toEqual(['holidays']);
  });
});
