import {
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { LetterTemplateFieldsFragment, PaperSize } from '../../gql/graphql';
import { uploadFile } from '../../graphql/client';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../shell/errors';
import { UnitsDocument } from '../units.graphql';

graphql(`
  fragment LetterTemplateFields on LetterTemplate {
    id
    name
    letterheadLines
    place
    paperSize
    logoFile {
      id
      filename
      downloadUrl
    }
    unit {
      id
      name
    }
  }
`);

const Templates = graphql(`
  query AdminLetterTemplates($unitId: ID) {
    letterTemplates(unitId: $unitId) {
      ...LetterTemplateFields
    }
  }
`);

const Save = graphql(`
  mutation SaveLetterTemplate($id: ID, $input: LetterTemplateInput!) {
    saveLetterTemplate(id: $id, input: $input) {
      ...LetterTemplateFields
    }
  }
`);

interface Draft {
  id: string | null;
  name: string;
  lines: string;
  place: string;
  paperSize: PaperSize;
  logo: { id: string; filename: string; url?: string } | null;
}

const blank: Draft = { id: null, name: '', lines: '', place: '', paperSize: 'A4', logo: null };

/** Letter templates per unit (kop surat, logo, place, paper); a unit without its own uses the nearest one above it. */
export default function TemplatesPage() {
  const { t } = useI18n();
  const [{ data: units }] = useQuery({ query: UnitsDocument });
  const [unitId, setUnitId] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({
    query: Templates,
    variables: { unitId },
    pause: !unitId,
    requestPolicy: 'cache-and-network',
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  // Each opening of the form starts from what was chosen, even when two openings look alike.
  const [opening, setOpening] = useState(0);
  const open = (next: Draft) => {
    setOpening(opening + 1);
    setDraft(next);
  };
  const templates = unitId ? (data?.letterTemplates ?? []) : [];
  const edit = (tpl: LetterTemplateFieldsFragment) =>
    open({
      id: tpl.unit.id === unitId ? tpl.id : null,
      name: tpl.name,
      lines: tpl.letterheadLines.join('\n'),
      place: tpl.place,
      paperSize: tpl.paperSize,
      logo: tpl.logoFile ? { id: tpl.logoFile.id, filename: tpl.logoFile.filename, url: tpl.logoFile.downloadUrl } : null,
    });
  return (
    <Stack maw={900}>
      <Title order={2}>{t('admin.templates.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('admin.templates.intro')}
      </Text>
      <Select
        label={t('common.unit')}
        data={(units?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={unitId}
        onChange={(id) => {
          setUnitId(id);
          setDraft(null);
        }}
        searchable
        maw={480}
      />
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {unitId && (
        <Table striped>
          <Table.Tbody>
            {templates.map((tpl) => (
              <Table.Tr key={tpl.id} data-testid="template-row">
                <Table.Td>
                  <Text fw={600}>{tpl.name}</Text>
                  <Text size="xs" c="dimmed">
                    {tpl.letterheadLines.join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light">{tpl.paperSize}</Badge>
                    {tpl.unit.id !== unitId && <Badge variant="outline">{t('admin.templates.inherited', { unit: tpl.unit.name })}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => edit(tpl)}>
                    {tpl.unit.id === unitId ? t('admin.templates.edit') : t('admin.templates.copy')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {unitId && templates.length === 0 && data && <Text c="dimmed">{t('admin.templates.none')}</Text>}
      {unitId && !draft && (
        <Group>
          <Button onClick={() => open(blank)}>{t('admin.templates.new')}</Button>
        </Group>
      )}
      {unitId && draft && (
        <TemplateForm
          key={opening}
          unitId={unitId}
          initial={draft}
          onSaved={() => {
            setDraft(null);
            refetch({ requestPolicy: 'network-only' });
          }}
          onCancel={() => setDraft(null)}
        />
      )}
    </Stack>
  );
}

function TemplateForm({ unitId, initial, onSaved, onCancel }: { unitId: string; initial: Draft; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [{ fetching, error }, save] = useMutation(Save);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  return (
    <Card withBorder>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await save({
            id: draft.id,
            input: {
              unitId,
              name: draft.name.trim(),
              letterheadLines: draft.lines
                .split('\n')
                .map((l) => l.trim())
                .filter(Boolean),
              place: draft.place.trim(),
              paperSize: draft.paperSize,
              logoFileId: draft.logo?.id,
            },
          });
          if (result.data) {
            notifications.show({ color: 'green', message: t('admin.templates.saved', { name: result.data.saveLetterTemplate.name }) });
            onSaved();
          }
        }}
      >
        <Stack>
          <Title order={3} size="h4">
            {draft.id ? t('admin.templates.edit') : t('admin.templates.new')}
          </Title>
          {(error || uploadError) && (
            <Alert color="red" role="alert">
              {uploadError ?? errorMessage(error)}
            </Alert>
          )}
          <TextInput label={t('admin.templates.name')} value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} required />
          <Textarea
            label={t('admin.templates.letterhead')}
            description={t('admin.templates.letterheadHint')}
            value={draft.lines}
            onChange={(e) => set({ lines: e.currentTarget.value })}
            autosize
            minRows={3}
            required
          />
          <Group grow>
            <TextInput
              label={t('admin.templates.place')}
              value={draft.place}
              onChange={(e) => set({ place: e.currentTarget.value })}
              required
            />
            <Select
              label={t('admin.templates.paper')}
              data={[
                { value: 'A4', label: t('admin.templates.paper.A4') },
                { value: 'F4', label: t('admin.templates.paper.F4') },
              ]}
              value={draft.paperSize}
              onChange={(value) => set({ paperSize: (value ?? 'A4') as PaperSize })}
              allowDeselect={false}
            />
          </Group>
          <Group>
            {draft.logo?.url && <Image src={draft.logo.url} alt={t('admin.templates.logo')} h={64} w="auto" fit="contain" />}
            <Text size="sm" data-testid="template-logo">
              {draft.logo ? t('admin.templates.logoFile', { name: draft.logo.filename }) : t('admin.templates.noLogo')}
            </Text>
            <FileButton
              accept="image/png,image/jpeg"
              onChange={async (file) => {
                setUploadError(null);
                if (!file) return;
                try {
                  const stored = await uploadFile(file);
                  set({ logo: { id: stored.id, filename: stored.filename, url: URL.createObjectURL(file) } });
                } catch (e) {
                  setUploadError((e as Error).message);
                }
              }}
            >
              {(props) => (
                <Button variant="default" {...props}>
                  {t('admin.templates.uploadLogo')}
                </Button>
              )}
            </FileButton>
            {draft.logo && (
              <Button variant="subtle" color="red" onClick={() => set({ logo: null })}>
                {t('admin.templates.removeLogo')}
              </Button>
            )}
          </Group>
          <Group>
            <Button type="submit" loading={fetching} disabled={!draft.name.trim() || !draft.place.trim() || !draft.lines.trim()}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
