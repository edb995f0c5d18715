import { useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { navigate } from '../../router.tsx';
import { Page } from '../../components/ui.tsx';
import { requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import { invalidateStructure, useStructure, type Station } from './structure.ts';
import { emptyStation, StationForm, stationBody, type StationDraft } from './StationForm.tsx';

export default function NewStationPage() {
  const { t } = useT();
  const { structure } = useStructure();
  const [draft, setDraft] = useState<StationDraft>(emptyStation);
  const create = useAction(async () => {
    requireFields(draft as unknown as Record<string, unknown>, ['subdivisionId', 'code', 'name', 'nameHi']);
    const s = await api.post<Station>('/org/stations', stationBody(draft, true));
    invalidateStructure();
    navigate(`/org/stations/${s.id}?created=1`, { replace: true });
  });
  return (
    <Page title={t('org.stations.new')}>
      <div className="card">
        <StationForm
          draft={draft}
          onChange={setDraft}
          structure={structure}
          create
          error={create.error}
          busy={create.busy}
          onSubmit={() => void create.run()}
        />
      </div>
    </Page>
  );
}
