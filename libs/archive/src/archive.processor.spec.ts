import type { Job } from 'bullmq';
import type { AppConfig } from '@gesit/platform';
import { ArchiveProcessor } from './archive.processor';
import type { ImportRunnerService } from './imports/import-runner.service';
import type { OcrSweepService } from './ocr/ocr-sweep.service';
import type { RetentionService } from './retention/retention.service';

describe('ArchiveProcessor: an import whose job keeps failing', () => {
  const failing = () => {
    const imports = { run: jest.fn().mockRejectedValue(new Error('ENOENT: storage')), giveUp: jest.fn().mockResolvedValue('FAILED') };
    const processor = new ArchiveProcessor(
      imports as unknown as ImportRunnerService,
      {} as RetentionService,
      {} as OcrSweepService,
      {} as AppConfig,
    );
    const attempt = (attemptsMade: number) =>
      processor.process({ name: 'archive.import.run', data: { importId: 'i1' }, attemptsMade, opts: { attempts: 3 } } as unknown as Job);
    return { imports, attempt };
  };

  it('is left to retry while attempts remain', async () => {
    const { imports, attempt } = failing();
    await expect(attempt(0)).rejects.toThrow('ENOENT');
    await expect(attempt(1)).rejects.toThrow('ENOENT');
    expect(imports.giveUp).not.toHaveBeenCalled();
  });

  it('ends FAILED on its last attempt, so the clerk does not watch a busy import forever', async () => {
    const { imports, attempt } = failing();
    await expect(attempt(2)).rejects.toThrow('ENOENT');
    expect(imports.giveUp).toHaveBeenCalledWith('i1');
  });
});
