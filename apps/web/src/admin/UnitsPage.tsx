import { Alert, Badge, Button, Card, Grid, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { AdminUnitsQuery } from '../gql/graphql';
import { zoneName } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { UnitsDocument } from './units.graphql';

const CreateUnit = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      id
    }
  }
`);

const CreatePosition = graphql(`
  mutation CreatePosition($input: CreatePositionInput!) {
    createPosition(input: $input) {
      id
    }
  }
`);

type Unit = AdminUnitsQuery['units'][number];
const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

/** The organisation chart: units as a tree, each with its positions and who holds them; add units and positions. */
export default function UnitsPage() {
  const { t } = useI18n();
  const [{ data }, refetch] = useQuery({ query: UnitsDocument, requestPolicy: 'cache-and-network' });
  const [, createUnit] = useMutation(CreateUnit);
  const [, createPosition] = useMutation(CreatePosition);
  const [unit, setUnit] = useState({ code: '', name: '', parentId: null as string | null, timezone: null as string | null });
  const [position, setPosition] = useState({ unitId: null as string | null, title: '', superiorId: null as string | null });
  const [error, setError] = useState<string | null>(null);
  const units = data?.units ?? [];
  const unitOptions = units.map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` }));
  const positionOptions = units.flatMap((u) => u.positions.map((p) => ({ value: p.id, label: `${p.title} (${u.code})` })));
  const done = (result: { error?: Error }) => {
    if (result.error) return setError(errorMessage(result.error));
    setError(null);
    notifications.show({ color: 'green', message: t('common.saved') });
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Stack>
      <Title order={2}>{t('admin.units.title')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Card withBorder data-testid="org-chart">
        <UnitTree units={units} parentId={null} />
      </Card>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">
              {t('admin.units.create')}
            </Title>
            <Stack gap="xs">
              <TextInput
                label={t('common.code')}
                value={unit.code}
                onChange={(e) => setUnit({ ...unit, code: e.currentTarget.value })}
                required
              />
              <TextInput
                label={t('common.name')}
                value={unit.name}
                onChange={(e) => setUnit({ ...unit, name: e.currentTarget.value })}
                required
              />
              <Select
                label={t('admin.units.parent')}
                data={unitOptions}
                value={unit.parentId}
                onChange={(v) => setUnit({ ...unit, parentId: v })}
                searchable
                clearable
              />
              <Select
                label={t('admin.units.timezone')}
                data={ZONES.map((z) => ({ value: z, label: `${zoneName(z)} (${z})` }))}
                value={unit.timezone}
                onChange={(v) => setUnit({ ...unit, timezone: v })}
                clearable
              />
              <Button
                onClick={async () =>
                  done(
                    await createUnit({
                      input: {
                        code: unit.code,
                        name: unit.name,
                        parentId: unit.parentId ?? undefined,
                        timezone: unit.timezone ?? undefined,
                      },
                    }),
                  )
                }
                disabled={!unit.code || !unit.name}
              >
                {t('admin.units.create')}
              </Button>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">
              {t('admin.positions.create')}
            </Title>
            <Stack gap="xs">
              <Select
                label={t('common.unit')}
                data={unitOptions}
                value={position.unitId}
                onChange={(v) => setPosition({ ...position, unitId: v })}
                searchable
                required
              />
              <TextInput
                label={t('admin.positions.title')}
                value={position.title}
                onChange={(e) => setPosition({ ...position, title: e.currentTarget.value })}
                required
              />
              <Select
                label={t('admin.positions.superior')}
                data={positionOptions}
                value={position.superiorId}
                onChange={(v) => setPosition({ ...position, superiorId: v })}
                searchable
                clearable
              />
              <Button
                onClick={async () =>
                  done(
                    await createPosition({
                      input: { unitId: position.unitId ?? '', title: position.title, superiorId: position.superiorId ?? undefined },
                    }),
                  )
                }
                disabled={!position.unitId || !position.title}
              >
                {t('admin.positions.create')}
              </Button>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function UnitTree({ units, parentId }: { units: Unit[]; parentId: string | null }) {
  const { t } = useI18n();
  const level = units.filter((u) => (u.parent?.id ?? null) === parentId);
  if (level.length === 0) return null;
  return (
    <List listStyleType="none" withPadding={parentId !== null} spacing="sm">
      {level.map((u) => (
        <List.Item key={u.id}>
          <Text fw={600}>
            {u.name}{' '}
            <Badge variant="light" size="sm">
              {u.code}
            </Badge>{' '}
            <Badge variant="outline" size="sm">
              {zoneName(u.timezone)}
            </Badge>
          </Text>
          {u.positions.map((p) => (
            <Text key={p.id} size="sm" ml="md">
              {p.title}:{' '}
              {p.holder?.name ?? (
                <Text span c="dimmed">
                  {t('admin.positions.vacant')}
                </Text>
              )}
            </Text>
          ))}
          <UnitTree units={units} parentId={u.id} />
        </List.Item>
      ))}
    </List>
  );
}
