import { Suspense, useEffect, useMemo } from 'react';
import { features } from './routes.ts';
import { matchPath, navigate, ParamsProvider, useLocation } from './router.tsx';
import { loginPath, MFA_ENROL_PATH, MFA_LOGIN_PATH, PASSWORD_CHANGE_PATH, useSession } from './session.tsx';
import type { RouteDef } from './features/types.ts';
import { routeAllowed } from './features/access.ts';
import { Shell } from './shell/Shell.tsx';
import { Loading, Page } from './components/ui.tsx';
import { useT } from './i18n/index.tsx';
import { Link } from './router.tsx';

const allRoutes: RouteDef[] = features.flatMap((f) => f.routes ?? []);

function resolve(pathname: string): { route: RouteDef; params: Record<string, string> } | undefined {
  // Static segments beat parameters: '/admin/users/new' before '/admin/users/:id'.
  let best: { route: RouteDef; params: Record<string, string>; score: number } | undefined;
  for (const route of allRoutes) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    const score = route.path.split('/').filter((s) => s && !s.startsWith(':')).length;
    if (!best || score > best.score) best = { route, params, score };
  }
  return best;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

export function App() {
  const loc = useLocation();
  const { status, user } = useSession();
  const found = useMemo(() => resolve(loc.pathname), [loc.pathname]);

  let body;
  if (!found) body = <NotFound />;
  else {
    const { route, params } = found;
    const Component = route.component;
    const isPublic = route.access.kind === 'public';
    if (!isPublic && status === 'loading') body = <Loading />;
    else if (!isPublic && status === 'mfa') body = <Redirect to={MFA_LOGIN_PATH} />;
    else if (!isPublic && status !== 'authenticated') body = <Redirect to={loginPath({ next: loc.href })} />;
    else if (!isPublic && user?.passwordTemporary && !route.allowTemporaryPassword) body = <Redirect to={PASSWORD_CHANGE_PATH} />;
    else if (!isPublic && user?.mfaEnrolmentRequired && !route.allowMfaEnrolment) body = <Redirect to={`${MFA_ENROL_PATH}?required=1`} />;
    else if (!routeAllowed(user?.role, route.access)) body = <Forbidden />;
    else
      body = (
        <ParamsProvider params={params}>
          <Component key={loc.pathname} />
        </ParamsProvider>
      );
  }
  return (
    <Shell>
      <Suspense fallback={<Loading />}>{body}</Suspense>
    </Shell>
  );
}

function NotFound() {
  const { t } = useT();
  return (
    <Page title={t('common.not_found.title')}>
      <p>{t('common.not_found.body')}</p>
      <p>
        <Link to="/">{t('common.go_home')}</Link>
      </p>
    </Page>
  );
}

function Forbidden() {
  const { t } = useT();
  return (
    <Page title={t('common.forbidden.title')}>
      <p>{t('common.forbidden.body')}</p>
      <p>
        <Link to="/">{t('common.go_home')}</Link>
      </p>
    </Page>
  );
}
