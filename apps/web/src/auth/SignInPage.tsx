import {
  Alert,
  Anchor,
  Button,
  Center,
  Code,
  Group,
  Image,
  List,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { toDataURL } from 'qrcode';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { AuthFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { setSession } from './session';

graphql(`
  fragment AuthFields on AuthPayload {
    accessToken
    refreshToken
    mfaRequired
    mfaChallengeToken
    mfaEnrolmentRequired
  }
`);

const Login = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...AuthFields
    }
  }
`);

const VerifyMfa = graphql(`
  mutation VerifyMfa($input: VerifyMfaInput!) {
    verifyMfa(input: $input) {
      ...AuthFields
    }
  }
`);

const BeginEnrolment = graphql(`
  mutation BeginTotpEnrollment {
    beginTotpEnrollment {
      otpauthUrl
      secret
    }
  }
`);

const ConfirmEnrolment = graphql(`
  mutation ConfirmTotpEnrollment($code: String!) {
    confirmTotpEnrollment(code: $code) {
      recoveryCodes
    }
  }
`);

type Step =
  | { kind: 'password' }
  | { kind: 'mfa'; challengeToken: string }
  | { kind: 'enrol'; token: string; secret: string; qr: string }
  | { kind: 'recovery'; codes: string[] };

const withToken = (token: string) => ({ fetchOptions: { headers: { authorization: `Bearer ${token}` } } });

export function SignInPage() {
  const { t, lang, setLang } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<string | null>(null);
  const [, login] = useMutation(Login);
  const [, verify] = useMutation(VerifyMfa);
  const [, begin] = useMutation(BeginEnrolment);
  const [, confirm] = useMutation(ConfirmEnrolment);
  const [busy, setBusy] = useState(false);
  const credentials = useForm({ initialValues: { identifier: '', password: '' } });
  const codeForm = useForm({ initialValues: { code: '' } });

  async function accept(payload: AuthFieldsFragment): Promise<void> {
    if (payload.mfaEnrolmentRequired && payload.accessToken) {
      const begun = await begin({}, withToken(payload.accessToken));
      if (begun.error || !begun.data) return setError(errorMessage(begun.error));
      const { secret, otpauthUrl } = begun.data.beginTotpEnrollment;
      setStep({ kind: 'enrol', token: payload.accessToken, secret, qr: await toDataURL(otpauthUrl, { margin: 1, width: 220 }) });
    } else if (payload.mfaRequired && payload.mfaChallengeToken) {
      setStep({ kind: 'mfa', challengeToken: payload.mfaChallengeToken });
    } else if (payload.accessToken) {
      setSession({ accessToken: payload.accessToken, refreshToken: payload.refreshToken ?? null });
    }
  }

  async function run(action: () => Promise<void>): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
    codeForm.reset();
  }

  const signIn = () =>
    run(async () => {
      const result = await login({ input: credentials.values });
      if (result.error || !result.data) return setError(errorMessage(result.error));
      await accept(result.data.login);
    });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440} component="main">
        <Stack>
          <Group justify="space-between">
            <div>
              <Title order={1} size="h2">
                {t('app.name')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('app.tagline')}
              </Text>
            </div>
            <Anchor component="button" type="button" onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>
              {t('lang.switch')}
            </Anchor>
          </Group>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {step.kind === 'password' && (
            <form onSubmit={credentials.onSubmit(signIn)}>
              <Stack>
                <Title order={2} size="h4">
                  {t('auth.title')}
                </Title>
                <TextInput label={t('auth.identifier')} required autoComplete="username" {...credentials.getInputProps('identifier')} />
                <PasswordInput
                  label={t('auth.password')}
                  required
                  autoComplete="current-password"
                  {...credentials.getInputProps('password')}
                />
                <Button type="submit" loading={busy}>
                  {t('auth.submit')}
                </Button>
              </Stack>
            </form>
          )}
          {step.kind === 'mfa' && (
            <form
              onSubmit={codeForm.onSubmit(() =>
                run(async () => {
                  const result = await verify({ input: { challengeToken: step.challengeToken, code: codeForm.values.code.trim() } });
                  if (result.error || !result.data) return setError(errorMessage(result.error));
                  await accept(result.data.verifyMfa);
                }),
              )}
            >
              <Stack>
                <Title order={2} size="h4">
                  {t('auth.mfa.title')}
                </Title>
                <TextInput label={t('auth.mfa.code')} required autoComplete="one-time-code" autoFocus {...codeForm.getInputProps('code')} />
                <Button type="submit" loading={busy}>
                  {t('auth.mfa.submit')}
                </Button>
              </Stack>
            </form>
          )}
          {step.kind === 'enrol' && (
            <form
              onSubmit={codeForm.onSubmit(() =>
                run(async () => {
                  const result = await confirm({ code: codeForm.values.code.trim() }, withToken(step.token));
                  if (result.error || !result.data) return setError(errorMessage(result.error));
                  setStep({ kind: 'recovery', codes: result.data.confirmTotpEnrollment.recoveryCodes });
                }),
              )}
            >
              <Stack>
                <Title order={2} size="h4">
                  {t('auth.enrol.title')}
                </Title>
                <Text size="sm">{t('auth.enrol.intro')}</Text>
                <Image src={step.qr} alt="QR" w={220} h={220} mx="auto" />
                <Text size="sm">
                  {t('auth.enrol.secret')}: <Code data-testid="totp-secret">{step.secret}</Code>
                </Text>
                <TextInput label={t('auth.enrol.code')} required autoComplete="one-time-code" {...codeForm.getInputProps('code')} />
                <Button type="submit" loading={busy}>
                  {t('auth.enrol.confirm')}
                </Button>
              </Stack>
            </form>
          )}
          {step.kind === 'recovery' && (
            <Stack>
              <Title order={2} size="h4">
                {t('auth.enrol.recovery')}
              </Title>
              <Text size="sm">{t('auth.enrol.recoveryIntro')}</Text>
              <List data-testid="recovery-codes" spacing={2} ff="monospace">
                {step.codes.map((code) => (
                  <List.Item key={code}>{code}</List.Item>
                ))}
              </List>
              {/* The enrolment token serves nothing else: sign in again, now with the code from the app. */}
              <Button onClick={() => run(signIn)} loading={busy}>
                {t('auth.enrol.done')}
              </Button>
            </Stack>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
