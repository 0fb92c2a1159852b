import { Alert, Button, Chip, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { errorMessage } from '../shell/errors';
import { UnitsDocument } from './units.graphql';

const Hours = graphql(`
  query WorkingHours($unitId: ID) {
    workingHours(unitId: $unitId) {
      start
      end
      weekdays
    }
  }
`);

const SetHours = graphql(`
  mutation SetWorkingHours($input: SetWorkingHoursInput!) {
    setWorkingHours(input: $input) {
      start
      end
      weekdays
    }
  }
`);

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** The working days and hours SLA arithmetic counts in: the organisation's, or one unit's own. */
export default function WorkingHoursPage() {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [{ data: units }] = useQuery({ query: UnitsDocument });
  const [{ data }] = useQuery({ query: Hours, variables: { unitId }, requestPolicy: 'network-only' });
  const [{ fetching }, save] = useMutation(SetHours);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [weekdays, setWeekdays] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!data) return;
    setStart(data.workingHours.start);
    setEnd(data.workingHours.end);
    setWeekdays(data.workingHours.weekdays.map(String));
  }, [data]);

  return (
    <Stack maw={640}>
      <Title order={2}>{t('admin.hours.title')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Select
        label={t('common.unit')}
        placeholder={t('admin.hours.default')}
        data={(units?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={unitId}
        onChange={setUnitId}
        clearable
        searchable
      />
      <Group grow>
        <TextInput label={t('admin.hours.start')} value={start} onChange={(e) => setStart(e.currentTarget.value)} placeholder="07:30" />
        <TextInput label={t('admin.hours.end')} value={end} onChange={(e) => setEnd(e.currentTarget.value)} placeholder="16:00" />
      </Group>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('admin.hours.weekdays')}
        </Text>
        <Chip.Group multiple value={weekdays} onChange={setWeekdays}>
          <Group gap="xs">
            {DAYS.map((d) => (
              <Chip key={d} value={String(d)}>
                {t(`weekday.${d}` as MessageKey)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <Button
        loading={fetching}
        onClick={async () => {
          const result = await save({ input: { unitId: unitId ?? undefined, start, end, weekdays: weekdays.map(Number).sort() } });
          setError(result.error ? errorMessage(result.error) : null);
          if (!result.error) notifications.show({ color: 'green', message: t('common.saved') });
        }}
      >
        {t('common.save')}
      </Button>
    </Stack>
  );
}
