import { Injectable } from '@nestjs/common';
import { APPROVAL_EVENTS, type ApprovalEvents, type ApprovalStepOpened } from '@gesit/approvals';
import { CORRESPONDENCE_EVENTS, type CorrespondenceEvents, type DispositionCreated } from '@gesit/correspondence';
import { jobHandlers, QueueProcessor, type QueueProcessorHost, QueueRegistry } from '@gesit/platform';
import { WorkNoticesService } from '../work-notices/work-notices.service';
import { followUpJobs } from './reminder-jobs';

/**
 * New work from correspondence: the assignees are told, and the follow-ups of every new assignment are
 * scheduled. A withdrawal tells the assignees; its follow-up jobs re-read the assignment and do nothing.
 */
@Injectable()
@QueueProcessor({ queue: CORRESPONDENCE_EVENTS.queue, concurrency: 20 })
export class CorrespondenceEventsProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<CorrespondenceEvents>(
    {
      'disposition.created': (event) => this.dispositionCreated(event),
      'disposition.withdrawn': async (event) => ({ notified: await this.notices.dispositionWithdrawn(event) }),
    },
    { ignoreOthers: true },
  );

  constructor(
    private readonly queues: QueueRegistry,
    private readonly notices: WorkNoticesService,
  ) {}

  private async dispositionCreated(event: DispositionCreated): Promise<unknown> {
    const { assignments } = event;
    // The follow-ups first: they are due at set times, and a retry of the notice adds them again harmlessly.
    await this.queues.addNow(
      ...assignments.flatMap((a) =>
        followUpJobs({ kind: 'assignment', id: a.id, dueAt: new Date(a.dueAt), dueSoonAt: a.dueSoonAt ? new Date(a.dueSoonAt) : null }),
      ),
    );
    const notified = await this.notices.dispositionCreated(event);
    return { scheduled: assignments.length, notified };
  }
}

/** New work from approval chains: the approver is told and the step's follow-ups scheduled; the drafter hears of decisions and the signature. */
@Injectable()
@QueueProcessor({ queue: APPROVAL_EVENTS.queue, concurrency: 20 })
export class ApprovalEventsProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<ApprovalEvents>({
    'approval.step.opened': (event) => this.stepOpened(event),
    'approval.returned': async (event) => ({ notified: await this.notices.stepDecided('returned', event) }),
    'approval.rejected': async (event) => ({ notified: await this.notices.stepDecided('rejected', event) }),
    'letter.signed': async (event) => ({ notified: await this.notices.letterSigned(event) }),
  });

  constructor(
    private readonly queues: QueueRegistry,
    private readonly notices: WorkNoticesService,
  ) {}

  private async stepOpened(step: ApprovalStepOpened): Promise<unknown> {
    if (step.dueAt) {
      const dueSoonAt = step.dueSoonAt ? new Date(step.dueSoonAt) : null;
      await this.queues.addNow(...followUpJobs({ kind: 'step', id: step.stepId, dueAt: new Date(step.dueAt), dueSoonAt }));
    }
    const notified = await this.notices.stepOpened(step);
    if (!step.dueAt) return { scheduled: 0, notified };
    return { scheduled: 1, notified };
  }
}
