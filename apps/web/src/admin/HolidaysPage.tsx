import '@mantine/dates/styles.css';
import { Alert, Button, Card, FileInput, Grid, NumberInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { HolidayKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { UnitsDocument } from './units.graphql';

const Holidays = graphql(`
  query Holidays($year: Int!) {
    holidays(year: $year) {
      id
      date
      name
      kind
      unit {
        id
        name
      }
    }
  }
`);

const Add = graphql(`
  mutation AddHoliday($input: AddHolidayInput!) {
    addHoliday(input: $input) {
      id
    }
  }
`);

const Remove = graphql(`
  mutation RemoveHoliday($id: ID!) {
    removeHoliday(id: $id)
  }
`);

const Import = graphql(`
  mutation ImportHolidays($json: String!) {
    importHolidays(json: $json)
  }
`);

const KINDS: HolidayKind[] = ['NATIONAL', 'COLLECTIVE_LEAVE', 'REGIONAL'];

/** National holidays, cuti bersama and regional holidays of a year; import a year's decree from its JSON. */
export default function HolidaysPage() {
  const { t, date } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const [{ data }, refetch] = useQuery({ query: Holidays, variables: { year }, requestPolicy: 'cache-and-network' });
  const [{ data: units }] = useQuery({ query: UnitsDocument });
  const [, add] = useMutation(Add);
  const [, remove] = useMutation(Remove);
  const [, importYear] = useMutation(Import);
  const [form, setForm] = useState({ date: null as string | null, name: '', kind: 'NATIONAL', unitId: null as string | null });
  const [error, setError] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const check = (result: { error?: Error }) => {
    setError(result.error ? errorMessage(result.error) : null);
    reload();
    return !result.error;
  };

  return (
    <Stack>
      <Title order={2}>{t('admin.holidays.title')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <NumberInput
        label={t('admin.holidays.year')}
        value={year}
        onChange={(v) => setYear(Number(v) || year)}
        min={2000}
        max={2100}
        w={140}
      />
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.holidays.date')}</Table.Th>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('admin.holidays.kind')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.holidays ?? []).map((h) => (
              <Table.Tr key={h.id} data-testid="holiday-row">
                <Table.Td>{date(h.date)}</Table.Td>
                <Table.Td>{h.name}</Table.Td>
                <Table.Td>
                  {t(`admin.holidays.kind.${h.kind}`)}
                  {h.unit && ` — ${h.unit.name}`}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" color="red" onClick={async () => check(await remove({ id: h.id }))}>
                    {t('admin.holidays.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">
              {t('admin.holidays.add')}
            </Title>
            <Stack gap="xs">
              <DateInput
                label={t('admin.holidays.date')}
                value={form.date}
                onChange={(v) => setForm({ ...form, date: v })}
                valueFormat="D MMMM YYYY"
                required
              />
              <TextInput
                label={t('common.name')}
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                required
              />
              <Select
                label={t('admin.holidays.kind')}
                data={KINDS.map((k) => ({ value: k, label: t(`admin.holidays.kind.${k}`) }))}
                value={form.kind}
                onChange={(v) => setForm({ ...form, kind: v ?? 'NATIONAL' })}
                allowDeselect={false}
              />
              {form.kind === 'REGIONAL' && (
                <Select
                  label={t('common.unit')}
                  data={(units?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
                  value={form.unitId}
                  onChange={(v) => setForm({ ...form, unitId: v })}
                  searchable
                  required
                />
              )}
              <Button
                disabled={!form.date || !form.name}
                onClick={async () => {
                  const ok = check(
                    await add({
                      input: {
                        date: form.date as string,
                        name: form.name,
                        kind: form.kind as HolidayKind,
                        unitId: form.unitId ?? undefined,
                      },
                    }),
                  );
                  if (ok) setForm({ ...form, name: '', date: null });
                }}
              >
                {t('admin.holidays.add')}
              </Button>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <FileInput
              label={t('admin.holidays.import')}
              accept="application/json,.json"
              clearable
              onChange={async (file) => {
                if (!file) return;
                const result = await importYear({ json: await file.text() });
                if (check(result))
                  notifications.show({ color: 'green', message: t('admin.holidays.imported', { n: result.data?.importHolidays ?? 0 }) });
              }}
            />
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
