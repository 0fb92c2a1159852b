import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../auth/auth';
import { graphql } from '../gql';
import type { DisposalKind, DisposalProposalFieldsFragment, DisposalStatus } from '../gql/graphql';
import { uploadFile } from '../graphql/client';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { PeoplePicker } from '../shell/PeoplePicker';
import { PdfButton } from './PdfButton';

const Candidates = graphql(`
  query DisposalCandidates($kind: DisposalKind!) {
    disposalCandidates(kind: $kind, first: 100) {
      edges {
        node {
          id
          number
          title
          closedAt
          inactiveUntil
          recordCount
          physicalLocation
          classification {
            code
            name
          }
        }
      }
    }
  }
`);

graphql(`
  fragment DisposalProposalFields on DisposalProposal {
    id
    kind
    status
    proposedAt
    executedAt
    appraisalNote
    decisionNote
    proposedBy {
      id
      name
    }
    decidedBy {
      id
      name
    }
    committee {
      id
      name
    }
    dossiers {
      id
      number
      title
      phase
    }
    listFile {
      id
      filename
      downloadUrl
    }
    minutesFile {
      id
      filename
      downloadUrl
    }
    packageFile {
      id
      filename
      downloadUrl
    }
    approvalLetterFile {
      id
      filename
      downloadUrl
    }
  }
`);

const Proposals = graphql(`
  query DisposalProposals {
    disposalProposals {
      ...DisposalProposalFields
    }
  }
`);

const Propose = graphql(`
  mutation ProposeDisposal($input: ProposeDisposalInput!) {
    proposeDisposal(input: $input) {
      ...DisposalProposalFields
    }
  }
`);

const Appraise = graphql(`
  mutation AppraiseDisposal($proposalId: ID!, $note: String!) {
    appraiseDisposal(proposalId: $proposalId, note: $note) {
      ...DisposalProposalFields
    }
  }
`);

const Decide = graphql(`
  mutation DecideDisposal($proposalId: ID!, $approve: Boolean!, $note: String, $approvalLetterFileId: ID) {
    decideDisposal(proposalId: $proposalId, approve: $approve, note: $note, approvalLetterFileId: $approvalLetterFileId) {
      ...DisposalProposalFields
    }
  }
`);

const Execute = graphql(`
  mutation ExecuteDisposal($proposalId: ID!) {
    executeDisposal(proposalId: $proposalId) {
      ...DisposalProposalFields
    }
  }
`);

const STATUS_COLORS: Record<DisposalStatus, string> = {
  PROPOSED: 'blue',
  APPRAISED: 'violet',
  APPROVED: 'teal',
  REJECTED: 'red',
  EXECUTED: 'green',
};

/** Disposal (penyusutan): candidates past retention, proposal, the committee's appraisal, the head's decision, execution. */
export default function DisposalPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [{ data, error }, refetch] = useQuery({ query: Proposals, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Stack>
      <Title order={2}>{t('archive.disposal.title')}</Title>
      {me.roles.includes('CLERK') && <ProposeForm onProposed={reload} />}
      <Title order={3} size="h4">
        {t('archive.disposal.proposals')}
      </Title>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {data?.disposalProposals.map((p) => (
        <ProposalCard key={p.id} proposal={p} onChanged={reload} />
      ))}
      {data && data.disposalProposals.length === 0 && <Text c="dimmed">{t('archive.disposal.noProposals')}</Text>}
    </Stack>
  );
}

function ProposeForm({ onProposed }: { onProposed(): void }) {
  const { t, date } = useI18n();
  const [kind, setKind] = useState<DisposalKind>('DESTROY');
  const [chosen, setChosen] = useState<string[]>([]);
  const [committee, setCommittee] = useState<string[]>([]);
  const [{ data }, refetch] = useQuery({ query: Candidates, variables: { kind }, requestPolicy: 'cache-and-network' });
  const [{ fetching, error }, propose] = useMutation(Propose);
  const candidates = data?.disposalCandidates.edges.map((e) => e.node) ?? [];
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('archive.disposal.candidates')}
          </Title>
          <SegmentedControl
            value={kind}
            onChange={(value) => {
              setKind(value as DisposalKind);
              setChosen([]);
            }}
            data={[
              { value: 'DESTROY', label: t('archive.disposal.kind.DESTROY') },
              { value: 'TRANSFER', label: t('archive.disposal.kind.TRANSFER') },
            ]}
          />
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Table striped>
          <Table.Tbody>
            {candidates.map((d) => (
              <Table.Tr key={d.id} data-testid="disposal-candidate">
                <Table.Td w={40}>
                  <Checkbox
                    aria-label={`${d.number} — ${d.title}`}
                    checked={chosen.includes(d.id)}
                    onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, d.id] : chosen.filter((id) => id !== d.id))}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {d.number} — {d.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.classification.code} — {d.classification.name} · {t('archive.inactiveUntil')} {date(d.inactiveUntil)} ·{' '}
                    {t('archive.disposal.recordCount', { n: d.recordCount })}
                    {d.physicalLocation && ` · ${d.physicalLocation}`}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data && candidates.length === 0 && <Text c="dimmed">{t('archive.disposal.noCandidates')}</Text>}
        <PeoplePicker label={t('archive.disposal.committee')} value={committee} onChange={setCommittee} required />
        <Group>
          <Button
            disabled={!chosen.length || !committee.length}
            loading={fetching}
            onClick={async () => {
              const result = await propose({ input: { kind, dossierIds: chosen, committeeIds: committee } });
              if (result.data) {
                notifications.show({ color: 'green', message: t('archive.disposal.proposed') });
                setChosen([]);
                refetch({ requestPolicy: 'network-only' });
                onProposed();
              }
            }}
          >
            {t('archive.disposal.propose')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ProposalCard({ proposal: p, onChanged }: { proposal: DisposalProposalFieldsFragment; onChanged(): void }) {
  const { t, dateTime } = useI18n();
  const { me } = useAuth();
  const [note, setNote] = useState('');
  const [letter, setLetter] = useState<{ id: string } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [appraiseState, appraise] = useMutation(Appraise);
  const [decideState, decide] = useMutation(Decide);
  const [executeState, execute] = useMutation(Execute);
  const failure = appraiseState.error ?? decideState.error ?? executeState.error;
  const busy = appraiseState.fetching || decideState.fetching || executeState.fetching;
  const done = (result: { error?: unknown }) => {
    if (!result.error) {
      setNote('');
      notifications.show({ color: 'green', message: t('common.saved') });
      onChanged();
    }
  };
  const inCommittee = p.committee.some((c) => c.id === me.id);
  const isLeader = me.roles.includes('LEADER');
  const isClerk = me.roles.includes('CLERK');
  return (
    <Card withBorder data-testid="disposal-proposal" data-status={p.status}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {t(`archive.disposal.kind.${p.kind}`)}: {p.dossiers.map((d) => `${d.number} — ${d.title}`).join('; ')}
          </Text>
          <Badge color={STATUS_COLORS[p.status]}>{t(`archive.disposal.status.${p.status}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('archive.disposal.proposedBy', { name: p.proposedBy.name, at: dateTime(p.proposedAt) })} ·{' '}
          {t('archive.disposal.committeeNames', { names: p.committee.map((c) => c.name).join(', ') })}
        </Text>
        {p.appraisalNote && <Text size="sm">{t('archive.disposal.appraisal', { note: p.appraisalNote })}</Text>}
        {p.decidedBy && <Text size="sm">{t('archive.disposal.decision', { name: p.decidedBy.name, note: p.decisionNote ?? '—' })}</Text>}
        {p.executedAt && <Text size="sm">{t('archive.disposal.executedAt', { at: dateTime(p.executedAt) })}</Text>}
        <Group gap="xs">
          {p.listFile && <PdfButton file={p.listFile} label={t(`archive.disposal.list.${p.kind}`)} />}
          {p.approvalLetterFile && <PdfButton file={p.approvalLetterFile} label={t('archive.disposal.approvalLetter')} />}
          {p.minutesFile && <PdfButton file={p.minutesFile} label={t('archive.disposal.minutes')} />}
          {p.packageFile && (
            <Button component="a" href={p.packageFile.downloadUrl} size="compact-sm" variant="light">
              {t('archive.disposal.package')}
            </Button>
          )}
        </Group>
        {failure && (
          <Alert color="red" role="alert">
            {errorMessage(failure)}
          </Alert>
        )}
        {p.status === 'PROPOSED' && inCommittee && (
          <>
            <Textarea label={t('archive.disposal.appraisalNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize />
            <Group>
              <Button
                loading={busy}
                disabled={!note.trim()}
                onClick={async () => done(await appraise({ proposalId: p.id, note: note.trim() }))}
              >
                {t('archive.disposal.appraise')}
              </Button>
            </Group>
          </>
        )}
        {p.status === 'APPRAISED' && isLeader && (
          <>
            <Textarea label={t('archive.disposal.decisionNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize />
            <FileInput
              label={t('archive.disposal.approvalLetterUpload')}
              description={t('archive.disposal.approvalLetterHint')}
              accept="application/pdf"
              clearable
              error={uploadError}
              onChange={async (file) => {
                setLetter(null);
                setUploadError(null);
                if (!file) return;
                try {
                  setLetter(await uploadFile(file));
                } catch (e) {
                  setUploadError((e as Error).message);
                }
              }}
            />
            <Group>
              <Button
                color="green"
                loading={busy}
                onClick={async () =>
                  done(await decide({ proposalId: p.id, approve: true, note: note.trim() || undefined, approvalLetterFileId: letter?.id }))
                }
              >
                {t('archive.disposal.approve')}
              </Button>
              <Button
                color="red"
                variant="light"
                loading={busy}
                onClick={async () => done(await decide({ proposalId: p.id, approve: false, note: note.trim() || undefined }))}
              >
                {t('archive.disposal.reject')}
              </Button>
            </Group>
          </>
        )}
        {p.status === 'APPROVED' && isClerk && (
          <Group>
            <Button color="red" loading={busy} onClick={async () => done(await execute({ proposalId: p.id }))}>
              {t(`archive.disposal.execute.${p.kind}`)}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
