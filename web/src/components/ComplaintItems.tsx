import { useT } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import type { Attachment } from '../features/citizen/types.ts';
import { formatBytes } from '../features/citizen/upload.ts';

/**
 * What a complaint lists under its description, each under its heading and only when there is
 * any: the property with its value, and the files sent with it, to download (with their type for
 * the police, `showType`). The citizen's page and the station's page word the headings their way.
 */
export function ComplaintItems({
  properties,
  attachments,
  headings,
  showType = false,
}: {
  properties: { description: string; value: number }[];
  attachments: Attachment[];
  headings: { property: string; attachments: string };
  showType?: boolean;
}) {
  const { lang } = useT();
  return (
    <>
      {properties.length > 0 && (
        <>
          <h3>{headings.property}</h3>
          <ul>
            {properties.map((p, i) => (
              <li key={i}>
                {p.description} — ₹{formatNumber(p.value, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      {attachments.length > 0 && (
        <>
          <h3>{headings.attachments}</h3>
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url} download>
                  {a.name}
                </a>{' '}
                <span className="muted">
                  ({showType && `${a.mime}, `}
                  {formatBytes(a.sizeBytes)})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
