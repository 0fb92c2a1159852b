export * from './working-time';
