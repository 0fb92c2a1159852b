import { Inject, Injectable, Logger } from '@nestjs/common';
import { NOTIFICATION_EMITTER, type NotificationEmitter } from '@gesit/notifications';

/** One topic per import: its `archiveImportProgress` subscribers, in whichever API process holds them. */
export const importProgressTopic = (importId: string): string => `archive-import-progress/${importId}`;

/**
 * Tells an import's subscribers that it changed, through the Redis emitter the notifications use. The
 * message carries only the id: subscribers read the row, so a lost message is repaired by the next one.
 */
@Injectable()
export class ImportProgress {
  private readonly logger = new Logger(ImportProgress.name);

  constructor(@Inject(NOTIFICATION_EMITTER) private readonly emitter: NotificationEmitter) {}

  changed(importId: string): Promise<void> {
    return new Promise((resolve) =>
      this.emitter.emit({ topic: importProgressTopic(importId), payload: { id: importId } }, (error) => {
        // Progress is shown, not kept: the import goes on, and the row holds the truth.
        if (error) this.logger.warn(`progress of import ${importId} not published: ${error.message}`);
        resolve();
      }),
    );
  }
}
