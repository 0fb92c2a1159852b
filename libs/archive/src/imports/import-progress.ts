import { Inject, Injectable, Logger } from '@nestjs/common';
import { NOTIFICATION_EMITTER, type NotificationEmitter } from '@gesit/notifications';
import { AppConfig } from '@gesit/platform';

/** One topic per import: its `archiveImportProgress` subscribers, in whichever API process holds them; under the queues' prefix. */
export const importProgressTopic = (prefix: string, importId: string): string => `${prefix}:archive-import-progress/${importId}`;

/**
 * Tells an import's subscribers that it changed, through the Redis emitter the notifications use. The
 * message carries only the id: subscribers read the row, so a lost message is repaired by the next one.
 */
@Injectable()
export class ImportProgress {
  private readonly logger = new Logger(ImportProgress.name);

  constructor(
    @Inject(NOTIFICATION_EMITTER) private readonly emitter: NotificationEmitter,
    private readonly config: AppConfig,
  ) {}

  changed(importId: string): Promise<void> {
    return new Promise((resolve) =>
      this.emitter.emit({ topic: importProgressTopic(this.config.queuePrefix, importId), payload: { id: importId } }, (error) => {
        // Progress is shown, not kept: the import goes on, and the row holds the truth.
        if (error) this.logger.warn(`progress of import ${importId} not published: ${error.message}`);
        resolve();
      }),
    );
  }
}
