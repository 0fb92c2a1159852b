import '@mantine/dropzone/styles.css';
import { Alert, Grid, SegmentedControl, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import type { LetterContentInput } from '../gql/graphql';
import { uploadFile } from '../graphql/client';
import { useI18n } from '../i18n/i18n';
import { DraftTemplates } from './drafting.graphql';

/** What the drafter writes: a letter composed on the unit's template, or a PDF made elsewhere. */
export interface DraftContent {
  mode: 'compose' | 'upload';
  templateId: string | null;
  attachmentsNote: string;
  addressee: string;
  addresseePlace: string;
  body: string;
  carbonCopies: string[];
  file: { id: string; filename: string } | null;
}

export const emptyContent: DraftContent = {
  mode: 'compose',
  templateId: null,
  attachmentsNote: '',
  addressee: '',
  addresseePlace: '',
  body: '',
  carbonCopies: [],
  file: null,
};

/** The API's input for the content: composed content or the uploaded draft's id, never both. */
export function contentInput(value: DraftContent): { content?: LetterContentInput; draftFileId?: string } {
  if (value.mode === 'upload') return { draftFileId: value.file?.id };
  return {
    content: {
      templateId: value.templateId ?? '',
      addressee: value.addressee.trim(),
      addresseePlace: value.addresseePlace.trim() || undefined,
      attachmentsNote: value.attachmentsNote.trim() || undefined,
      body: value.body,
      carbonCopies: value.carbonCopies,
    },
  };
}

export function contentReady(value: DraftContent): boolean {
  return value.mode === 'upload' ? Boolean(value.file) : Boolean(value.templateId && value.addressee.trim() && value.body.trim());
}

export function ContentEditor({ value, onChange }: { value: DraftContent; onChange(next: DraftContent): void }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: DraftTemplates });
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const set = (patch: Partial<DraftContent>) => onChange({ ...value, ...patch });
  const templates = data?.letterTemplates ?? [];
  const nearest = templates[0]?.id;
  // The nearest template (the unit's own, else the one above it) is the one a drafter means.
  useEffect(() => {
    if (value.mode === 'compose' && !value.templateId && nearest) onChange({ ...value, templateId: nearest });
  }, [value, nearest, onChange]);
  return (
    <Stack>
      <SegmentedControl
        value={value.mode}
        onChange={(mode) => set({ mode: mode as DraftContent['mode'] })}
        data={[
          { value: 'compose', label: t('drafting.mode.compose') },
          { value: 'upload', label: t('drafting.mode.upload') },
        ]}
        maw={480}
      />
      {value.mode === 'compose' ? (
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('drafting.template')}
              data={templates.map((tpl) => ({ value: tpl.id, label: `${tpl.name} (${tpl.unit.name}, ${tpl.paperSize})` }))}
              value={value.templateId}
              onChange={(templateId) => set({ templateId })}
              allowDeselect={false}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('drafting.attachments')}
              description={t('drafting.attachmentsHint')}
              value={value.attachmentsNote}
              onChange={(e) => set({ attachmentsNote: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('drafting.addressee')}
              description={t('drafting.addresseeHint')}
              value={value.addressee}
              onChange={(e) => set({ addressee: e.currentTarget.value })}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('drafting.addresseePlace')}
              value={value.addresseePlace}
              onChange={(e) => set({ addresseePlace: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('drafting.body')}
              description={t('drafting.bodyHint')}
              value={value.body}
              onChange={(e) => set({ body: e.currentTarget.value })}
              autosize
              minRows={8}
              required
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TagsInput
              label={t('drafting.carbonCopies')}
              description={t('drafting.carbonCopiesHint')}
              value={value.carbonCopies}
              onChange={(carbonCopies) => set({ carbonCopies })}
            />
          </Grid.Col>
        </Grid>
      ) : (
        <Stack>
          {uploadError && (
            <Alert color="red" role="alert">
              {uploadError}
            </Alert>
          )}
          <Dropzone
            onDrop={async (files) => {
              setUploadError(null);
              setUploading(true);
              try {
                const stored = await uploadFile(files[0]);
                onChange({ ...value, file: { id: stored.id, filename: stored.filename } });
              } catch (e) {
                setUploadError((e as Error).message);
              } finally {
                setUploading(false);
              }
            }}
            accept={['application/pdf']}
            maxFiles={1}
            multiple={false}
            loading={uploading}
            aria-label={t('drafting.drop')}
            data-testid="draft-dropzone"
          >
            <Stack align="center" gap={4} mih={90} justify="center" style={{ pointerEvents: 'none' }}>
              <Text fw={600}>{value.file ? t('register.uploaded', { name: value.file.filename }) : t('drafting.drop')}</Text>
            </Stack>
          </Dropzone>
          <Alert color="blue" data-testid="placeholder-hint">
            {t('drafting.placeholders')}
          </Alert>
        </Stack>
      )}
    </Stack>
  );
}
