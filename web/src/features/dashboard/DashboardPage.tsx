import { useT, localName } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { Link } from '../../router.tsx';
import { ErrorAlert, Loading, Page } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { allowed } from '../access.ts';
import { can } from '../../policy.ts';
import { countDefs, humanize, quickLinksFor } from './registry.ts';

interface Dashboard {
  role: string;
  scope: { level: string; stationId?: string; subdivisionId?: string; districtId?: string; stateCode: string };
  asOf: string;
  counts: Record<string, unknown>;
}

interface Named {
  id: string;
  name: string;
  nameHi?: string | null;
}
interface Structure {
  state: { name: string; nameHi: string } | null;
  districts: Named[];
  subdivisions: Named[];
  stations: Named[];
}

/**
 * The landing screen of every role: counts for the user's jurisdiction, each a card (linking to
 * its list when the user may open it), then the role's quick links. Modules add counts on the
 * server (dashboardContributors) and name them in their feature's `counts`; an unnamed count
 * still shows, with a label made from its key.
 */
export default function DashboardPage() {
  const { t, lang } = useT();
  const { user, meta } = useSession();
  const dash = useFetch<Dashboard>('/dashboard');
  const structure = useFetch<Structure>(user && can(user.role, 'org.read') ? '/org/structure' : null);
  if (!user) return null;

  const defs = countDefs();
  const label = (k: string) => {
    if (defs[k]) return t(defs[k].labelKey);
    const key = `dashboard.count.${k}`;
    const s = t(key);
    return s === key ? humanize(k) : s;
  };

  const place = (() => {
    const d = dash.data?.scope;
    if (!d) return '';
    const s = structure.data;
    const find = (list: Named[] | undefined, id?: string) =>
      localName(
        lang,
        list?.find((x) => x.id === id),
      );
    switch (d.level) {
      case 'station':
        return find(s?.stations, d.stationId) || t('dashboard.scope.station');
      case 'subdivision':
        return find(s?.subdivisions, d.subdivisionId) || t('dashboard.scope.subdivision');
      case 'district':
        return find(s?.districts, d.districtId) || t('dashboard.scope.district');
      case 'state':
        return (meta && (lang === 'hi' ? meta.stateNameHi : meta.stateName)) || t('dashboard.scope.state');
      default:
        return t('dashboard.scope.self');
    }
  })();

  const counts = Object.entries(dash.data?.counts ?? {})
    .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    .sort(([a], [b]) => (defs[a]?.order ?? 500) - (defs[b]?.order ?? 500));
  const links = quickLinksFor(user.role);

  return (
    <Page title={t('dashboard.title')}>
      <p className="lead">
        {t('dashboard.greeting', { name: localName(lang, user) })} <span className="muted">{t(`role.${user.role}`)}</span>
      </p>
      {dash.data && (
        <p className="muted">
          {t('dashboard.jurisdiction', { place })} · {t('dashboard.as_of', { time: formatDateTime(dash.data.asOf, lang) })}
        </p>
      )}
      <ErrorAlert error={dash.error} />
      {dash.loading && !dash.data ? (
        <Loading />
      ) : (
        <section aria-labelledby="counts-title">
          <h2 id="counts-title" className="sr-only">
            {t('dashboard.counts_title')}
          </h2>
          {counts.length === 0 ? (
            <p>{t('dashboard.no_counts')}</p>
          ) : (
            <ul className="cards" data-testid="count-cards">
              {counts.map(([k, n]) => {
                const def = defs[k];
                const go = def?.to && allowed(user.role, def) ? def.to : undefined;
                const body = (
                  <>
                    <span className="card-number">{formatNumber(n, lang)}</span>
                    <span className="card-label">{label(k)}</span>
                  </>
                );
                return (
                  <li key={k} className="count-card" data-count={k}>
                    {go ? (
                      <Link to={go} className="card-link">
                        {body}
                      </Link>
                    ) : (
                      <div className="card-static">{body}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="links-title" className="quick-links">
        <h2 id="links-title">{t('dashboard.quick_links')}</h2>
        <p className="muted">{t(`dashboard.role_intro.${user.role}`)}</p>
        {links.length === 0 ? (
          <p>{t('dashboard.no_links')}</p>
        ) : (
          <ul className="link-grid">
            {links.map((l) => (
              <li key={l.to}>
                <Link to={l.to} className="link-card">
                  <span className="link-title">{t(l.labelKey)}</span>
                  {l.descriptionKey && <span className="link-desc">{t(l.descriptionKey)}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
