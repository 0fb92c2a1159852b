import { bootstrapStep } from './bootstrap-step';

describe('bootstrapStep', () => {
  it.each([
    ['users exist', { hasUsers: true, production: false, seedDemo: true, bootstrapAdmin: true }, 'nothing'],
    ['empty, admin settings given', { hasUsers: false, production: true, seedDemo: false, bootstrapAdmin: true }, 'create-admin'],
    ['empty, development with demo', { hasUsers: false, production: false, seedDemo: true, bootstrapAdmin: false }, 'seed-demo'],
    ['empty, development with SEED_DEMO=false', { hasUsers: false, production: false, seedDemo: false, bootstrapAdmin: false }, 'explain'],
    ['empty, production without settings', { hasUsers: false, production: true, seedDemo: false, bootstrapAdmin: false }, 'explain'],
    ['empty, production even with SEED_DEMO=true', { hasUsers: false, production: true, seedDemo: true, bootstrapAdmin: false }, 'explain'],
  ] as const)('%s -> %s', (_case, input, expected) => {
    expect(bootstrapStep(input)).toBe(expected);
  });
});
