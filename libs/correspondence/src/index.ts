export * from './classification';
export * from './numbering/number-format';
