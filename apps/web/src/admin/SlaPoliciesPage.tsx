import { Alert, Button, NumberInput, Stack, Table, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { SlaPoliciesQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';

const Policies = graphql(`
  query SlaPolicies {
    slaPolicies {
      urgency
      workingHours
      remindAtFraction
      escalateEveryWorkingHours
    }
  }
`);

const SetPolicy = graphql(`
  mutation SetSlaPolicy($input: SetSlaPolicyInput!) {
    setSlaPolicy(input: $input) {
      urgency
      workingHours
      remindAtFraction
      escalateEveryWorkingHours
    }
  }
`);

type Policy = SlaPoliciesQuery['slaPolicies'][number];

/** How long each urgency may take in working hours, when to remind and how often to escalate. */
export default function SlaPoliciesPage() {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: Policies });
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={2}>{t('admin.sla.title')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('letter.urgency')}</Table.Th>
              <Table.Th>{t('admin.sla.workingHours')}</Table.Th>
              <Table.Th>{t('admin.sla.remindAt')}</Table.Th>
              <Table.Th>{t('admin.sla.escalate')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.slaPolicies ?? []).map((p) => (
              <PolicyRow key={p.urgency} policy={p} onError={setError} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function PolicyRow({ policy, onError }: { policy: Policy; onError(message: string | null): void }) {
  const { t } = useI18n();
  const [{ fetching }, save] = useMutation(SetPolicy);
  const [value, setValue] = useState(policy);
  const label = t(`urgency.${policy.urgency}`);
  return (
    <Table.Tr data-testid="sla-policy-row">
      <Table.Td>{label}</Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${t('admin.sla.workingHours')} — ${label}`}
          value={value.workingHours}
          min={1}
          onChange={(v) => setValue({ ...value, workingHours: Number(v) })}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${t('admin.sla.remindAt')} — ${label}`}
          value={value.remindAtFraction}
          min={0.05}
          max={0.95}
          step={0.05}
          decimalScale={2}
          onChange={(v) => setValue({ ...value, remindAtFraction: Number(v) })}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${t('admin.sla.escalate')} — ${label}`}
          value={value.escalateEveryWorkingHours}
          min={1}
          onChange={(v) => setValue({ ...value, escalateEveryWorkingHours: Number(v) })}
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          loading={fetching}
          onClick={async () => {
            const result = await save({ input: value });
            onError(result.error ? errorMessage(result.error) : null);
            if (!result.error) notifications.show({ color: 'green', message: t('common.saved') });
          }}
        >
          {t('common.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
