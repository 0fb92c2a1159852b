import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider as UrqlProvider } from 'urql';
import { App } from './App';
import { client } from './graphql/client';
import { I18nProvider } from './i18n/i18n';
import { theme } from './shell/theme';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <UrqlProvider value={client}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </UrqlProvider>
    </MantineProvider>
  </StrictMode>,
);
