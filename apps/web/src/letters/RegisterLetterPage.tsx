import '@mantine/dates/styles.css';
import '@mantine/dropzone/styles.css';
import { Alert, Anchor, Button, Grid, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput, DateTimePicker } from '@mantine/dates';
import { Dropzone } from '@mantine/dropzone';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useClient, useMutation } from 'urql';
import { graphql } from '../gql';
import type { LetterKind, SecurityLevel, Urgency } from '../gql/graphql';
import { uploadFile } from '../graphql/client';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { PeoplePicker } from '../shell/PeoplePicker';
import { ClassificationInput } from './ClassificationInput';

const SameNumber = graphql(`
  query SameNumber($filter: LetterFilter) {
    letters(filter: $filter, first: 10) {
      edges {
        node {
          id
          number
          senderName
          agendaNumber
        }
      }
    }
  }
`);

const Register = graphql(`
  mutation RegisterIncomingLetter($input: RegisterIncomingLetterInput!) {
    registerIncomingLetter(input: $input) {
      id
      agendaNumber
      subject
    }
  }
`);

const KINDS: LetterKind[] = ['OFFICIAL_LETTER', 'MEMO', 'INVITATION', 'CIRCULAR', 'DECREE', 'ASSIGNMENT_LETTER', 'REPORT', 'OTHER'];
const SECURITY: SecurityLevel[] = ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];
const URGENCY: Urgency[] = ['NORMAL', 'URGENT', 'VERY_URGENT'];

const normalise = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

export default function RegisterLetterPage() {
  const { t } = useI18n();
  const client = useClient();
  const [{ fetching }, register] = useMutation(Register);
  const [file, setFile] = useState<{ id: string; filename: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<{ agenda: string } | null>(null);
  const [done, setDone] = useState<{ id: string; agendaNumber: string | null } | null>(null);
  const form = useForm({
    initialValues: {
      number: '',
      letterDate: null as string | null,
      receivedAt: null as string | null,
      senderName: '',
      subject: '',
      kind: 'OFFICIAL_LETTER',
      classificationCode: '',
      securityLevel: 'PUBLIC',
      urgency: 'NORMAL',
      addresseeIds: [] as string[],
    },
    validate: {
      number: (v) => (v.trim() ? null : t('letter.number')),
      senderName: (v) => (v.trim() ? null : t('letter.sender')),
      subject: (v) => (v.trim() ? null : t('letter.subject')),
      letterDate: (v) => (v ? null : t('letter.date')),
      classificationCode: (v) => (v.trim() ? null : t('letter.classification')),
      addresseeIds: (v) => (v.length ? null : t('register.addressees')),
    },
  });

  const onDrop = async (files: File[]) => {
    setError(null);
    setUploading(true);
    try {
      setFile(await uploadFile(files[0]));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setUploading(false);
    }
  };

  const save = async () => {
    if (!file) return setError(t('register.needFile'));
    const v = form.values;
    const result = await register({
      input: {
        number: v.number.trim(),
        letterDate: v.letterDate as string,
        receivedAt: v.receivedAt ? new Date(v.receivedAt).toISOString() : undefined,
        senderName: v.senderName.trim(),
        subject: v.subject.trim(),
        kind: v.kind as LetterKind,
        classificationCode: v.classificationCode.trim(),
        securityLevel: v.securityLevel as SecurityLevel,
        urgency: v.urgency as Urgency,
        addresseeIds: v.addresseeIds,
        fileIds: [file.id],
      },
    });
    setDuplicate(null);
    if (result.error || !result.data) return setError(errorMessage(result.error));
    setDone({ id: result.data.registerIncomingLetter.id, agendaNumber: result.data.registerIncomingLetter.agendaNumber ?? null });
  };

  // Before saving: a letter with the same number from the same sender is most likely the same letter again.
  const check = async () => {
    setError(null);
    if (!file) return setError(t('register.needFile'));
    const found = await client
      .query(SameNumber, { filter: { search: form.values.number.trim(), direction: 'INCOMING' } }, { requestPolicy: 'network-only' })
      .toPromise();
    const same = found.data?.letters.edges.find(
      (e) =>
        normalise(e.node.number) === normalise(form.values.number) && normalise(e.node.senderName) === normalise(form.values.senderName),
    );
    if (same) setDuplicate({ agenda: same.node.agendaNumber ?? '—' });
    else await save();
  };

  if (done) {
    return (
      <Stack maw={640}>
        <Title order={2}>{t('register.title')}</Title>
        <Alert color="green" role="status" data-testid="registered">
          {t('register.done', { agenda: done.agendaNumber ?? '—' })}
        </Alert>
        <Group>
          <Button component={Link} to={`/letters/${done.id}`}>
            {t('register.open')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setDone(null);
              setFile(null);
              form.reset();
            }}
          >
            {t('register.another')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack maw={900}>
      <Title order={2}>{t('register.title')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Dropzone
        onDrop={onDrop}
        accept={['application/pdf']}
        maxFiles={1}
        multiple={false}
        loading={uploading}
        aria-label={t('register.drop')}
        data-testid="dropzone"
      >
        <Stack align="center" gap={4} mih={100} justify="center" style={{ pointerEvents: 'none' }}>
          <Text fw={600}>{file ? t('register.uploaded', { name: file.filename }) : t('register.drop')}</Text>
          <Text size="sm" c="dimmed">
            {t('register.dropHint')}
          </Text>
        </Stack>
      </Dropzone>
      <form onSubmit={form.onSubmit(check)}>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('letter.number')} required {...form.getInputProps('number')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <DateInput label={t('letter.date')} required valueFormat="D MMMM YYYY" {...form.getInputProps('letterDate')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <DateTimePicker label={t('letter.received')} valueFormat="D MMMM YYYY, HH.mm" clearable {...form.getInputProps('receivedAt')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('letter.sender')} required {...form.getInputProps('senderName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('letter.subject')} required {...form.getInputProps('subject')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <Select
              label={t('letter.kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <ClassificationInput
              label={t('letter.classification')}
              required
              value={form.values.classificationCode}
              onChange={(value) => form.setFieldValue('classificationCode', value)}
              error={form.errors.classificationCode as string | undefined}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <Select
              label={t('letter.security')}
              data={SECURITY.map((s) => ({ value: s, label: t(`security.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('securityLevel')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <Select
              label={t('letter.urgency')}
              data={URGENCY.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
              allowDeselect={false}
              {...form.getInputProps('urgency')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <PeoplePicker
              label={t('register.addressees')}
              roles={['LEADER']}
              value={form.values.addresseeIds}
              onChange={(ids) => form.setFieldValue('addresseeIds', ids)}
              required
              error={form.errors.addresseeIds as string | undefined}
            />
          </Grid.Col>
        </Grid>
        <Button type="submit" mt="md" loading={fetching}>
          {t('register.submit')}
        </Button>
      </form>
      <Modal opened={duplicate !== null} onClose={() => setDuplicate(null)} title={t('register.duplicateTitle')}>
        <Stack>
          <Text data-testid="duplicate-warning">
            {t('register.duplicateBody', { number: form.values.number, sender: form.values.senderName, agenda: duplicate?.agenda ?? '' })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDuplicate(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={save} loading={fetching}>
              {t('register.duplicateGo')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Anchor component={Link} to="/registry" size="sm">
        {t('nav.registry')}
      </Anchor>
    </Stack>
  );
}
