import { Injectable } from '@nestjs/common';
import { APPROVAL_EVENTS, type ApprovalEvents, type ApprovalStepOpened } from '@gesit/approvals';
import { CORRESPONDENCE_EVENTS, type CorrespondenceEvents, type DispositionCreated } from '@gesit/correspondence';
import { jobHandlers, QueueProcessor, type QueueProcessorHost, QueueRegistry } from '@gesit/platform';
import { followUpJobs } from './reminder-jobs';

/**
 * New work from correspondence: the follow-ups of every new assignment. Completion and withdrawal need
 * nothing here: the follow-up jobs re-read the assignment and do nothing once it is closed.
 */
@Injectable()
@QueueProcessor({ queue: CORRESPONDENCE_EVENTS.queue, concurrency: 20 })
export class CorrespondenceEventsProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<CorrespondenceEvents>(
    { 'disposition.created': (event) => this.dispositionCreated(event) },
    { ignoreOthers: true },
  );

  constructor(private readonly queues: QueueRegistry) {}

  private async dispositionCreated({ assignments }: DispositionCreated): Promise<unknown> {
    await this.queues.addNow(
      ...assignments.flatMap((a) =>
        followUpJobs({ kind: 'assignment', id: a.id, dueAt: new Date(a.dueAt), dueSoonAt: a.dueSoonAt ? new Date(a.dueSoonAt) : null }),
      ),
    );
    return { scheduled: assignments.length };
  }
}

/** New work from approval chains: the follow-ups of every step that becomes someone's turn. */
@Injectable()
@QueueProcessor({ queue: APPROVAL_EVENTS.queue, concurrency: 20 })
export class ApprovalEventsProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<ApprovalEvents>({ 'approval.step.opened': (event) => this.stepOpened(event) }, { ignoreOthers: true });

  constructor(private readonly queues: QueueRegistry) {}

  private async stepOpened(step: ApprovalStepOpened): Promise<unknown> {
    if (!step.dueAt) return { scheduled: 0 };
    const dueSoonAt = step.dueSoonAt ? new Date(step.dueSoonAt) : null;
    await this.queues.addNow(...followUpJobs({ kind: 'step', id: step.stepId, dueAt: new Date(step.dueAt), dueSoonAt }));
    return { scheduled: 1 };
  }
}
