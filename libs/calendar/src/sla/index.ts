export { slaState, SlaState } from './sla-state';
