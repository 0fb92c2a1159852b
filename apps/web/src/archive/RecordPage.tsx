import { Alert, Anchor, Badge, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { OcrStatus } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { PageLoader } from '../shell/PageLoader';

const PdfViewer = lazy(() => import('../letters/PdfViewer'));

const Record = graphql(`
  query ArchiveRecord($id: ID!) {
    archiveRecord(id: $id) {
      id
      title
      description
      documentDate
      archivedAt
      activeUntil
      inactiveUntil
      destroyedAt
      legalHold
      originality
      pageCount
      phase
      securityLevel
      ocrStatus
      archivedBy {
        id
        name
      }
      classification {
        code
        name
      }
      dossier {
        id
        number
        title
        physicalLocation
      }
      letter {
        id
        number
        subject
      }
      file {
        id
        filename
        contentType
        downloadUrl
      }
      searchableFile {
        id
        filename
        contentType
        downloadUrl
      }
    }
  }
`);

const OCR_COLORS: Record<OcrStatus, string> = { DONE: 'green', PENDING: 'yellow', FAILED: 'red', NOT_NEEDED: 'gray' };

/** One archived record: its metadata, retention dates, OCR state and the document itself. */
export default function RecordPage() {
  const { id = '' } = useParams();
  const { t, date, dateTime } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: Record, variables: { id } });
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (!data) return fetching ? <PageLoader /> : null;
  const record = data.archiveRecord;
  if (!record) return <Alert color="red">{t('archive.record.notFound')}</Alert>;
  const pdf = [record.searchableFile, record.file].find((f) => f?.contentType === 'application/pdf');
  const rows: [string, ReactNode][] = [
    [t('archive.classification'), `${record.classification.code} — ${record.classification.name}`],
    [t('archive.documentDate'), date(record.documentDate)],
    [t('letter.security'), t(`security.${record.securityLevel}`)],
    [t('archive.originality'), t(`archive.originality.${record.originality}`)],
    [t('archive.phase'), t(`archive.phase.${record.phase}`)],
    [t('archive.activeUntil'), date(record.activeUntil)],
    [t('archive.inactiveUntil'), date(record.inactiveUntil)],
    [t('archive.archivedBy'), `${record.archivedBy.name} · ${dateTime(record.archivedAt)}`],
  ];
  if (record.pageCount) rows.push([t('archive.pages'), String(record.pageCount)]);
  if (record.dossier) {
    rows.push([
      t('archive.dossier'),
      <Anchor key="d" component={Link} to={`/archive/dossiers/${record.dossier.id}`}>
        {record.dossier.number} — {record.dossier.title}
      </Anchor>,
    ]);
    if (record.dossier.physicalLocation) rows.push([t('archive.location'), record.dossier.physicalLocation]);
  }
  if (record.letter) {
    rows.push([
      t('archive.letter'),
      <Anchor key="l" component={Link} to={`/letters/${record.letter.id}`}>
        {record.letter.number ?? record.letter.subject}
      </Anchor>,
    ]);
  }
  if (record.description) rows.push([t('archive.description'), record.description]);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{record.title}</Title>
        <Group gap="xs">
          <Badge color={OCR_COLORS[record.ocrStatus]} data-testid="ocr-status" data-ocr={record.ocrStatus}>
            {t(`archive.ocr.${record.ocrStatus}`)}
          </Badge>
          {record.legalHold && <Badge color="orange">{t('archive.legalHold')}</Badge>}
        </Group>
      </Group>
      {record.destroyedAt && <Alert color="gray">{t('archive.record.destroyed', { at: dateTime(record.destroyedAt) })}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <Table data-testid="record-metadata">
              <Table.Tbody>
                {rows.map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th w="40%">{label}</Table.Th>
                    <Table.Td>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {!record.destroyedAt && (
              <Group mt="sm" gap="xs">
                <Anchor href={record.file.downloadUrl} size="sm">
                  {t('archive.record.download', { name: record.file.filename })}
                </Anchor>
                {record.searchableFile && (
                  <Anchor href={record.searchableFile.downloadUrl} size="sm">
                    {t('archive.record.searchable')}
                  </Anchor>
                )}
              </Group>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {pdf && !record.destroyedAt ? (
            <Card withBorder>
              <Suspense fallback={<PageLoader />}>
                <PdfViewer key={pdf.id} url={pdf.downloadUrl} title={pdf.filename} />
              </Suspense>
            </Card>
          ) : (
            <Text c="dimmed">{t('letter.noDocument')}</Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
