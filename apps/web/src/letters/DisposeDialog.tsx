import '@mantine/dates/styles.css';
import { Button, Checkbox, Modal, MultiSelect, Stack, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { DispositionInstruction } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { PeoplePicker } from '../shell/PeoplePicker';
import { Dispose, DispositionCandidates } from './letter.graphql';

const INSTRUCTIONS: DispositionInstruction[] = [
  'FOLLOW_UP',
  'STUDY',
  'PREPARE_REPLY',
  'FOR_INFORMATION',
  'ATTEND',
  'COORDINATE',
  'DISCUSS_WITH_ME',
  'GIVE_ADVICE',
  'PROCESS_PER_REGULATION',
  'FILE',
];

interface Props {
  letterId: string;
  subject: string;
  assignmentId: string;
  opened: boolean;
  onClose(done: boolean): void;
}

/** Dispose (forward) one's assignment down the chain of command, to people the API offers. */
export function DisposeDialog({ letterId, subject, assignmentId, opened, onClose }: Props) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: DispositionCandidates, variables: { assignmentId }, pause: !opened });
  const [{ fetching }, dispose] = useMutation(Dispose);
  const [assigneeIds, setAssignees] = useState<string[]>([]);
  const [instructions, setInstructions] = useState<string[]>(['FOLLOW_UP']);
  const [note, setNote] = useState('');
  const [dueAt, setDueAt] = useState<string | null>(null);
  const [closeWhenDone, setCloseWhenDone] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async () => {
    setError(undefined);
    const result = await dispose({
      input: {
        letterId,
        parentAssignmentId: assignmentId,
        assigneeIds,
        instructions: instructions as DispositionInstruction[],
        note: note || undefined,
        dueAt: dueAt ? new Date(dueAt).toISOString() : undefined,
        closeWhenDone,
      },
    });
    if (result.error) return setError(errorMessage(result.error));
    notifications.show({ color: 'green', message: t('dispose.sent') });
    setAssignees([]);
    setNote('');
    onClose(true);
  };

  return (
    <Modal
      opened={opened}
      onClose={() => onClose(false)}
      title={t('dispose.title', { subject })}
      size="lg"
      fullScreen={window.innerWidth < 600}
    >
      <Stack>
        <PeoplePicker
          label={t('dispose.recipients')}
          value={assigneeIds}
          onChange={setAssignees}
          candidates={data?.dispositionCandidates ?? []}
          required
          error={error}
        />
        <MultiSelect
          label={t('dispose.instructions')}
          data={INSTRUCTIONS.map((i) => ({ value: i, label: t(`instruction.${i}`) }))}
          value={instructions}
          onChange={setInstructions}
          required
        />
        <Textarea label={t('dispose.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <DateTimePicker label={t('dispose.dueAt')} value={dueAt} onChange={setDueAt} clearable valueFormat="D MMMM YYYY, HH.mm" />
        <Checkbox label={t('dispose.closeWhenDone')} checked={closeWhenDone} onChange={(e) => setCloseWhenDone(e.currentTarget.checked)} />
        <Button onClick={submit} loading={fetching} disabled={assigneeIds.length === 0 || instructions.length === 0}>
          {t('dispose.submit')}
        </Button>
      </Stack>
    </Modal>
  );
}
