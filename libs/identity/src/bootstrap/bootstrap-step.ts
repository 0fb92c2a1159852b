export type BootstrapStep = 'nothing' | 'create-admin' | 'seed-demo' | 'explain';

/**
 * What to do at start-up: only an empty user table needs anything. Settings for a first ADMIN win;
 * the demo organisation is for development only and never seeded in production.
 */
export function bootstrapStep(input: {
  hasUsers: boolean;
  production: boolean;
  seedDemo: boolean;
  bootstrapAdmin: boolean;
}): BootstrapStep {
  if (input.hasUsers) return 'nothing';
  if (input.bootstrapAdmin) return 'create-admin';
  if (!input.production && input.seedDemo) return 'seed-demo';
  return 'explain';
}
