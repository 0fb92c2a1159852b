import { Alert, Anchor, Badge, Button, Card, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useSubscription } from 'urql';
import { graphql } from '../gql';
import type { ArchiveImportFieldsFragment, ImportStatus } from '../gql/graphql';
import { uploadFile } from '../graphql/client';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';

graphql(`
  fragment ArchiveImportFields on ArchiveImport {
    id
    dryRun
    status
    total
    processed
    failed
    skipped
    finishedAt
    errorsCsv
    errors {
      row
      message
    }
  }
`);

const Start = graphql(`
  mutation StartArchiveImport($input: StartArchiveImportInput!) {
    startArchiveImport(input: $input) {
      ...ArchiveImportFields
    }
  }
`);

const Cancel = graphql(`
  mutation CancelArchiveImport($id: ID!) {
    cancelArchiveImport(id: $id) {
      ...ArchiveImportFields
    }
  }
`);

const ProgressFeed = graphql(`
  subscription ArchiveImportProgress($id: ID!) {
    archiveImportProgress(id: $id) {
      ...ArchiveImportFields
    }
  }
`);

const OPEN: ImportStatus[] = ['QUEUED', 'RUNNING', 'VALIDATING'];
const STATUS_COLORS: Record<ImportStatus, string> = {
  QUEUED: 'gray',
  VALIDATING: 'blue',
  VALIDATED: 'teal',
  RUNNING: 'blue',
  DONE: 'green',
  FAILED: 'red',
  CANCELLED: 'orange',
};

type Upload = { id: string; filename: string };

/** The import wizard: a ZIP of scans and its CSV manifest, checked first (dry run), then imported with live progress. */
export default function ImportPage() {
  const { t } = useI18n();
  const [bundle, setBundle] = useState<Upload | null>(null);
  const [manifest, setManifest] = useState<Upload | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [check, setCheck] = useState<ArchiveImportFieldsFragment | null>(null);
  const [run, setRun] = useState<ArchiveImportFieldsFragment | null>(null);
  const [startState, start] = useMutation(Start);
  const [cancelState, cancel] = useMutation(Cancel);

  const upload = async (file: File | null, set: (u: Upload | null) => void) => {
    set(null);
    setCheck(null);
    setRun(null);
    setUploadError(null);
    if (!file) return;
    setUploading(true);
    try {
      set(await uploadFile(file));
    } catch (e) {
      setUploadError((e as Error).message);
    } finally {
      setUploading(false);
    }
  };

  const begin = async (dryRun: boolean) => {
    if (!bundle || !manifest) return;
    const result = await start({ input: { bundleFileId: bundle.id, manifestFileId: manifest.id, dryRun } });
    const started = result.data?.startArchiveImport;
    if (started) (dryRun ? setCheck : setRun)(started);
  };

  const checked = check?.status === 'VALIDATED';
  const failure = startState.error ?? cancelState.error;
  return (
    <Stack maw={960}>
      <Title order={2}>{t('archive.import.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('archive.import.intro')}
      </Text>
      {(uploadError || failure) && (
        <Alert color="red" role="alert">
          {uploadError ?? errorMessage(failure)}
        </Alert>
      )}
      <Card withBorder>
        <Stack>
          <Title order={3} size="h5">
            {t('archive.import.step1')}
          </Title>
          <Group grow align="flex-start">
            <FileInput
              label={t('archive.import.bundle')}
              accept="application/zip,.zip"
              onChange={(file) => upload(file, setBundle)}
              disabled={uploading}
              clearable
            />
            <FileInput
              label={t('archive.import.manifest')}
              description={t('archive.import.manifestHint')}
              accept="text/csv,.csv"
              onChange={(file) => upload(file, setManifest)}
              disabled={uploading}
              clearable
            />
          </Group>
          <Group>
            <Button onClick={() => begin(true)} disabled={!bundle || !manifest || uploading} loading={startState.fetching && !check}>
              {t('archive.import.dryRun')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {check && <ImportState key={check.id} initial={check} onChange={setCheck} title={t('archive.import.step2')} />}
      {checked && !run && (
        <Card withBorder>
          <Stack>
            <Text>{t('archive.import.ready', { n: check.total - check.failed })}</Text>
            <Group>
              <Button color="green" onClick={() => begin(false)} loading={startState.fetching}>
                {t('archive.import.run')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {run && (
        <ImportState
          key={run.id}
          initial={run}
          onChange={setRun}
          title={t('archive.import.step3')}
          onCancel={() => cancel({ id: run.id })}
          cancelling={cancelState.fetching}
        />
      )}
    </Stack>
  );
}

/** An import as the worker reports it, live: progress bar, counts, and the rows it refused. */
function ImportState({
  initial,
  title,
  onChange,
  onCancel,
  cancelling,
}: {
  initial: ArchiveImportFieldsFragment;
  title: string;
  onChange(state: ArchiveImportFieldsFragment): void;
  onCancel?(): void;
  cancelling?: boolean;
}) {
  const { t } = useI18n();
  const [{ data, error }] = useSubscription({ query: ProgressFeed, variables: { id: initial.id } });
  const state = data?.archiveImportProgress ?? initial;
  useEffect(() => {
    if (data) onChange(data.archiveImportProgress);
  }, [data, onChange]);
  const open = OPEN.includes(state.status);
  const percent = state.total ? Math.round((state.processed / state.total) * 100) : open ? 0 : 100;
  const csvHref = useMemo(
    () => (state.errors.length ? `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${state.errorsCsv}`)}` : null),
    [state.errors.length, state.errorsCsv],
  );
  return (
    <Card withBorder data-testid={state.dryRun ? 'import-check' : 'import-run'} data-status={state.status}>
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {title}
          </Title>
          <Badge color={STATUS_COLORS[state.status]}>{t(`archive.import.status.${state.status}`)}</Badge>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Progress value={percent} animated={open} size="lg" aria-label={t('archive.import.progress')} data-testid="import-progress" />
        <Text size="sm" data-testid="import-counts">
          {t('archive.import.counts', {
            processed: state.processed,
            total: state.total,
            failed: state.failed,
            skipped: state.skipped,
          })}
        </Text>
        {open && onCancel && (
          <Group>
            <Button color="orange" variant="light" onClick={onCancel} loading={cancelling}>
              {t('archive.import.cancel')}
            </Button>
          </Group>
        )}
        {state.errors.length > 0 && (
          <>
            <Table striped data-testid="import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>{t('archive.import.row')}</Table.Th>
                  <Table.Th>{t('archive.import.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.errors.map((e, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{e.row || t('archive.import.wholeFile')}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {csvHref && (
              <Anchor href={csvHref} download={`kesalahan-impor-${state.id}.csv`} size="sm" data-testid="errors-csv">
                {t('archive.import.errorsCsv')}
              </Anchor>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
