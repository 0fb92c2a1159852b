import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { byColumnLoader, byIdLoader, Loaders } from '@gesit/platform';
import { ApprovalStepEntity } from './chain/approval-step.entity';
import { OutgoingLetterEntity } from './outgoing/outgoing-letter.entity';

/** Per-request batch loaders for the outgoing-letter fields. */
@Injectable()
export class ApprovalLoaders {
  constructor(private readonly dataSource: DataSource) {}

  stepsOfLetter(loaders: Loaders): DataLoader<string, ApprovalStepEntity[]> {
    return byColumnLoader(loaders, this.dataSource, ApprovalStepEntity, 'letterId', { revision: 'ASC', order: 'ASC' });
  }

  /** The outgoing part of a letter; null for an incoming letter. */
  async outgoing(loaders: Loaders, letterId: string): Promise<OutgoingLetterEntity | null> {
    const [row] = await byColumnLoader(loaders, this.dataSource, OutgoingLetterEntity, 'letterId').load(letterId);
    return row ?? null;
  }

  file(loaders: Loaders): DataLoader<string, StoredFileEntity | null> {
    return byIdLoader(loaders, this.dataSource, StoredFileEntity);
  }
}
