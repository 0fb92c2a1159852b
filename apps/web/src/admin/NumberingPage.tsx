import { Alert, Button, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { UnitsDocument } from './units.graphql';

const SetFormat = graphql(`
  mutation SetOutgoingNumberFormat($unitId: ID!, $format: String!) {
    setOutgoingNumberFormat(unitId: $unitId, format: $format) {
      unitId
      format
      updatedAt
    }
  }
`);

/** How a unit numbers its outgoing letters (sub-units without their own follow it). */
export default function NumberingPage() {
  const { t, dateTime } = useI18n();
  const [{ data: units }] = useQuery({ query: UnitsDocument });
  const [{ data, fetching, error }, save] = useMutation(SetFormat);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [format, setFormat] = useState('{seq:4}/{unitCode}/{classification}/{monthRoman}/{year}');
  return (
    <Stack maw={640}>
      <Title order={2}>{t('admin.numbering.title')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {data && !error && (
        <Alert color="green" role="status">
          {data.setOutgoingNumberFormat.format} · {dateTime(data.setOutgoingNumberFormat.updatedAt)}
        </Alert>
      )}
      <Select
        label={t('common.unit')}
        data={(units?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={unitId}
        onChange={setUnitId}
        searchable
        required
      />
      <TextInput
        label={t('admin.numbering.format')}
        value={format}
        onChange={(e) => setFormat(e.currentTarget.value)}
        required
        ff="monospace"
      />
      <Text size="xs" c="dimmed">
        {t('admin.numbering.hint')}
      </Text>
      <Button
        loading={fetching}
        disabled={!unitId || !format}
        onClick={async () => {
          const result = await save({ unitId: unitId ?? '', format });
          if (!result.error) notifications.show({ color: 'green', message: t('common.saved') });
        }}
      >
        {t('common.save')}
      </Button>
    </Stack>
  );
}
