import { Alert, Button, Card, Checkbox, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Language, NotificationChannel } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { PageLoader } from '../shell/PageLoader';

const Preferences = graphql(`
  query NotificationSettings {
    notificationPreferences {
      kind
      meaning
      channels
      alwaysInApp
    }
    me {
      id
      phone
      language
    }
  }
`);

const SetPreference = graphql(`
  mutation SetNotificationPreference($kind: String!, $channels: [NotificationChannel!]!) {
    setNotificationPreference(kind: $kind, channels: $channels) {
      kind
      channels
      alwaysInApp
    }
  }
`);

const SetPhone = graphql(`
  mutation SetMyPhone($phone: String) {
    setMyPhone(phone: $phone) {
      id
      phone
    }
  }
`);

const SetLanguage = graphql(`
  mutation SetMyLanguage($language: Language!) {
    setMyLanguage(language: $language) {
      id
      language
    }
  }
`);

const CHANNELS: NotificationChannel[] = ['IN_APP', 'EMAIL', 'WHATSAPP'];

/** Which notifications reach the person on which channel; in Gesit always for work to do. And the WhatsApp number. */
export default function NotificationSettingsPage() {
  const { t } = useI18n();
  const [{ data, fetching }, refetch] = useQuery({ query: Preferences, requestPolicy: 'cache-and-network' });
  const [, setPreference] = useMutation(SetPreference);
  const [error, setError] = useState<string | null>(null);
  if (!data) return fetching ? <PageLoader /> : null;

  const toggle = async (kind: string, current: NotificationChannel[], channel: NotificationChannel, on: boolean) => {
    setError(null);
    const channels = on ? [...current, channel] : current.filter((c) => c !== channel);
    const result = await setPreference({ kind, channels });
    if (result.error) setError(errorMessage(result.error));
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Stack>
      <Title order={2}>{t('settings.title')}</Title>
      <PhoneForm phone={data.me.phone ?? ''} />
      <LanguageForm language={data.me.language} />
      <Card withBorder>
        <Title order={3} size="h4">
          {t('settings.channels')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.channelsHint')}
        </Text>
        {error && (
          <Alert color="red" mt="xs" data-testid="settings-error">
            {error}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={560} mt="xs">
          <Table striped aria-label={t('settings.channels')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.kind')}</Table.Th>
                {CHANNELS.map((c) => (
                  <Table.Th key={c}>{t(`settings.channel.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.notificationPreferences.map((p) => (
                <Table.Tr key={p.kind} data-testid="preference-row" data-kind={p.kind}>
                  <Table.Td>
                    <Text size="sm">{p.meaning}</Text>
                  </Table.Td>
                  {CHANNELS.map((c) => {
                    const locked = c === 'IN_APP' && p.alwaysInApp;
                    return (
                      <Table.Td key={c}>
                        <Checkbox
                          aria-label={t('settings.toggle', { channel: t(`settings.channel.${c}`), kind: p.meaning })}
                          checked={p.channels.includes(c)}
                          disabled={locked}
                          title={locked ? t('settings.locked') : undefined}
                          onChange={(e) => toggle(p.kind, p.channels, c, e.currentTarget.checked)}
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" mt="xs">
          {t('settings.locked')}
        </Text>
      </Card>
    </Stack>
  );
}

/** The language of the person's e-mail and WhatsApp notices (the console's own language is switched apart). */
function LanguageForm({ language }: { language: Language }) {
  const { t } = useI18n();
  const [{ fetching, error }, setLanguage] = useMutation(SetLanguage);
  const choose = async (value: string) => {
    const result = await setLanguage({ language: value as Language });
    if (result.data) notifications.show({ message: t('settings.languageSaved'), color: 'green' });
  };
  return (
    <Card withBorder>
      <Text fw={500} size="sm">
        {t('settings.language')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('settings.languageHint')}
      </Text>
      <SegmentedControl
        aria-label={t('settings.language')}
        data-testid="notice-language"
        value={language}
        onChange={choose}
        disabled={fetching}
        data={[
          { value: 'ID', label: t('settings.language.ID') },
          { value: 'EN', label: t('settings.language.EN') },
        ]}
      />
      {error && (
        <Text c="red" size="sm" mt="xs">
          {errorMessage(error)}
        </Text>
      )}
    </Card>
  );
}

function PhoneForm({ phone }: { phone: string }) {
  const { t } = useI18n();
  const [{ fetching, error }, setPhone] = useMutation(SetPhone);
  const [value, setValue] = useState(phone);
  const save = async () => {
    const result = await setPhone({ phone: value.trim() || null });
    if (result.data) {
      setValue(result.data.setMyPhone.phone ?? '');
      notifications.show({ message: t('settings.phoneSaved'), color: 'green' });
    }
  };
  return (
    <Card withBorder>
      <Group align="flex-end">
        <TextInput
          label={t('settings.phone')}
          description={t('settings.phoneHint')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error ? errorMessage(error) : undefined}
          type="tel"
          autoComplete="tel"
          style={{ flex: 1 }}
          maw={420}
        />
        <Button onClick={save} loading={fetching}>
          {t('common.save')}
        </Button>
      </Group>
    </Card>
  );
}
