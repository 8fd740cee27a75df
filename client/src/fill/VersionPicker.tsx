import { useT } from '../i18n/useT.ts';
import type { FillVersion, VersionInfo } from './fillApi.ts';

interface Props {
  versions: readonly VersionInfo[];
  value: FillVersion;
  disabled: boolean;
  onChange(version: FillVersion): void;
}

/** Which text to fill: a published version (the latest by default) or the live draft, marked as such. */
export function VersionPicker({ versions, value, disabled, onChange }: Props) {
  const t = useT();
  return (
    <div className="cw-fill-version">
      <label htmlFor="fill-version">{t('fill.version')}</label>
      <select
        id="fill-version"
        data-testid="fill-version"
        value={String(value)}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === 'draft' ? 'draft' : Number(e.target.value))}
      >
        {versions.map((v, i) => (
          <option key={v.version} value={String(v.version)}>
            {t(i === 0 ? 'fill.versionLatest' : 'fill.versionOption', { n: v.version, message: v.message })}
          </option>
        ))}
        <option value="draft">{t('fill.draftOption')}</option>
      </select>
      {versions.length === 0 ? <p className="muted">{t('fill.noVersions')}</p> : null}
    </div>
  );
}
