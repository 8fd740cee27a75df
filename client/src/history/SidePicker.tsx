import { useT } from '../i18n/useT.ts';
import type { DiffSide } from '../routing/parseRoute.ts';
import type { VersionInfo } from './historyApi.ts';

interface SidePickerProps {
  label: string;
  value: DiffSide;
  versions: readonly VersionInfo[];
  onChange(side: DiffSide): void;
  testId: string;
}

/** A select of one diff side: the draft or any published version (newest first). */
export function SidePicker({ label, value, versions, onChange, testId }: SidePickerProps) {
  const t = useT();
  const known = value === 'draft' || versions.some((v) => v.version === value);
  return (
    <label className="cw-side-picker">
      <span>{label}</span>
      <select
        data-testid={testId}
        value={String(value)}
        onChange={(e) => onChange(e.target.value === 'draft' ? 'draft' : Number(e.target.value))}
      >
        <option value="draft">{t('history.draft')}</option>
        {/* A side the list does not (yet) have still shows as chosen. */}
        {!known && <option value={String(value)}>{t('history.versionN', { n: value })}</option>}
        {versions.map((v) => (
          <option key={v.version} value={String(v.version)}>
            {t('history.versionN', { n: v.version })} — {v.message}
          </option>
        ))}
      </select>
    </label>
  );
}
