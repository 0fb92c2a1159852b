import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { PageLoader } from '../shell/PageLoader';

const DossierQuery = graphql(`
  query Dossier($id: ID!) {
    dossier(id: $id) {
      id
      number
      title
      description
      physicalLocation
      phase
      openedAt
      closedAt
      activeUntil
      inactiveUntil
      legalHold
      readOnly
      recordCount
      periodFrom
      periodTo
      classification {
        code
        name
      }
      unit {
        id
        name
      }
      records(first: 100) {
        edges {
          node {
            id
            title
            documentDate
            securityLevel
            ocrStatus
          }
        }
      }
    }
  }
`);

const Close = graphql(`
  mutation CloseDossier($id: ID!) {
    closeDossier(id: $id) {
      id
      closedAt
      activeUntil
      inactiveUntil
      phase
    }
  }
`);

const Hold = graphql(`
  mutation SetLegalHold($dossierId: ID!, $hold: Boolean!, $reason: String!) {
    setLegalHold(dossierId: $dossierId, hold: $hold, reason: $reason) {
      id
      legalHold
    }
  }
`);

/** One dossier: what it holds, where the paper lies, its retention, and closing it. */
export default function DossierPage() {
  const { id = '' } = useParams();
  const { t, date, dateTime } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: DossierQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [closeState, close] = useMutation(Close);
  const [holdState, hold] = useMutation(Hold);
  const [confirming, confirm] = useDisclosure();
  const [holding, holdDialog] = useDisclosure();
  const [reason, setReason] = useState('');
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (!data) return <PageLoader />;
  const dossier = data.dossier;
  if (!dossier) return <Alert color="red">{t('archive.dossier.notFound')}</Alert>;
  const failure = closeState.error ?? holdState.error;
  const rows: [string, string][] = [
    [t('archive.classification'), `${dossier.classification.code} — ${dossier.classification.name}`],
    [t('common.unit'), dossier.unit.name],
    [t('archive.location'), dossier.physicalLocation ?? '—'],
    [t('archive.dossier.opened'), dateTime(dossier.openedAt)],
    [t('archive.dossier.closedAt'), dossier.closedAt ? dateTime(dossier.closedAt) : t('archive.dossier.open')],
    [t('archive.activeUntil'), date(dossier.activeUntil) || '—'],
    [t('archive.inactiveUntil'), date(dossier.inactiveUntil) || '—'],
    [t('archive.phase'), t(`archive.phase.${dossier.phase}`)],
    [t('archive.description'), dossier.description ?? '—'],
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>
          {dossier.number} — {dossier.title}
        </Title>
        <Group gap="xs">
          <Badge variant="outline" color={dossier.closedAt ? 'gray' : 'teal'} data-testid="dossier-state">
            {t(dossier.closedAt ? 'archive.dossier.closed' : 'archive.dossier.open')}
          </Badge>
          {dossier.legalHold && <Badge color="orange">{t('archive.legalHold')}</Badge>}
        </Group>
      </Group>
      {failure && (
        <Alert color="red" role="alert">
          {errorMessage(failure)}
        </Alert>
      )}
      <Card withBorder>
        <Table data-testid="dossier-metadata">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w="30%">{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!dossier.readOnly && (
          <Group mt="sm">
            {!dossier.closedAt && (
              <Button color="orange" onClick={confirm.open}>
                {t('archive.dossier.close')}
              </Button>
            )}
            <Button variant="default" onClick={holdDialog.open}>
              {t(dossier.legalHold ? 'archive.hold.release' : 'archive.hold.set')}
            </Button>
          </Group>
        )}
      </Card>
      <Title order={3} size="h4">
        {t('archive.dossier.records')} ({dossier.recordCount})
      </Title>
      <Table striped>
        <Table.Tbody>
          {dossier.records.edges.map(({ node }) => (
            <Table.Tr key={node.id} data-testid="dossier-record">
              <Table.Td>
                <Anchor component={Link} to={`/archive/records/${node.id}`}>
                  {node.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{date(node.documentDate)}</Table.Td>
              <Table.Td>{t(`security.${node.securityLevel}`)}</Table.Td>
              <Table.Td>{t(`archive.ocr.${node.ocrStatus}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {dossier.records.edges.length === 0 && <Text c="dimmed">{t('archive.dossier.empty')}</Text>}
      <Modal opened={confirming} onClose={confirm.close} title={t('archive.dossier.close')}>
        <Stack>
          <Text>{t('archive.dossier.closeConfirm', { number: dossier.number })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={closeState.fetching}
              onClick={async () => {
                const result = await close({ id: dossier.id });
                confirm.close();
                reload();
                if (!result.error)
                  notifications.show({ color: 'green', message: t('archive.dossier.closedNotice', { number: dossier.number }) });
              }}
            >
              {t('archive.dossier.closeGo')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={holding} onClose={holdDialog.close} title={t(dossier.legalHold ? 'archive.hold.release' : 'archive.hold.set')}>
        <Stack>
          <Textarea label={t('archive.hold.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
          <Button
            loading={holdState.fetching}
            disabled={!reason.trim()}
            onClick={async () => {
              await hold({ dossierId: dossier.id, hold: !dossier.legalHold, reason: reason.trim() });
              holdDialog.close();
              setReason('');
              reload();
            }}
          >
            {t('common.save')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
