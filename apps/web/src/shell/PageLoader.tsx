import { Center, Loader } from '@mantine/core';
import { useI18n } from '../i18n/i18n';

export function PageLoader() {
  const { t } = useI18n();
  return (
    <Center p="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
