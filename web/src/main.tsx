import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/index.tsx';
import { SessionProvider } from './session.tsx';
import { App } from './App.tsx';
import './styles.css';

// A page restored from the back/forward cache would show what it held before a logout;
// load it afresh instead, so the server decides again what may be shown.
window.addEventListener('pageshow', (e) => {
  if (e.persisted) window.location.reload();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
