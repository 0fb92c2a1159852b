import { DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/id';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

// Date fields accept what they show ("30 November 2026"), in the console's language.
dayjs.extend(customParseFormat);

export function DatesSetup({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <DatesProvider settings={{ locale: lang === 'id' ? 'id' : 'en', firstDayOfWeek: 1, consistentWeeks: true }}>{children}</DatesProvider>
  );
}
