import { useTranslation } from 'react-i18next';
import { TTL_UNITS, type TtlUnit } from './ttlInput';

/** The unit of a TTL being typed (seconds, milliseconds…), with its (visually hidden) label. */
export function TtlUnitSelect(p: {
  id: string;
  label: string;
  value: TtlUnit;
  disabled?: boolean;
  onChange(unit: TtlUnit): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={p.id} className="visually-hidden">
        {p.label}
      </label>
      <select id={p.id} value={p.value} disabled={p.disabled} onChange={(e) => p.onChange(e.target.value as TtlUnit)}>
        {TTL_UNITS.map((u) => (
          <option key={u.value} value={u.value}>
            {t(`ttl.units.${u.value}`)}
          </option>
        ))}
      </select>
    </>
  );
}
