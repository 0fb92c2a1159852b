import { registerEnumType } from '@nestjs/graphql';

export enum DispositionInstruction {
  FOLLOW_UP = 'FOLLOW_UP',
  STUDY = 'STUDY',
  PREPARE_REPLY = 'PREPARE_REPLY',
  GIVE_ADVICE = 'GIVE_ADVICE',
  FOR_INFORMATION = 'FOR_INFORMATION',
  ATTEND = 'ATTEND',
  COORDINATE = 'COORDINATE',
  DISCUSS_WITH_ME = 'DISCUSS_WITH_ME',
  PROCESS_PER_REGULATION = 'PROCESS_PER_REGULATION',
  FILE = 'FILE',
}

export enum AssignmentStatus {
  UNREAD = 'UNREAD',
  READ = 'READ',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}

registerEnumType(DispositionInstruction, { name: 'DispositionInstruction' });
registerEnumType(AssignmentStatus, { name: 'AssignmentStatus' });
