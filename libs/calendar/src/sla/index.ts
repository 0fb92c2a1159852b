export { slaState, SlaState } from './sla-state';
export { SlaPlanner, type SlaPlan } from './sla-planner.service';
export { followUpPoints, type FollowUpPoint } from './follow-up-points';
