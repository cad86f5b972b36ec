import { useRef, useState } from 'react';
import type { ImportReport } from '../../../shared/api/profiles';
import { exportProfiles } from './profileCalls';
import { useProfiles } from './profilesStore';
import { FormError } from '../ui/fields';
import { countOf } from '../ui/format';

/** Export every profile (never with secrets) and import an exported file, with a report. */
export function ImportExport() {
  const profiles = useProfiles((s) => s.profiles);
  const importJson = useProfiles((s) => s.importJson);
  const fileInput = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();

  const exportAll = async () => setError(await exportProfiles(profiles.map((p) => p.id)));
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await importJson(await file.text());
    if (fileInput.current) fileInput.current.value = '';
    if (!result.ok) {
      setReport(undefined);
      return setError(result.error.message);
    }
    setError(undefined);
    setReport(result.value);
  };

  return (
    <div className="import-export">
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Profiles file to import"
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      <button
        type="button"
        onClick={() => void exportAll()}
        disabled={profiles.length === 0}
        title="Exports every profile, without passwords"
      >
        Export all
      </button>
      <FormError message={error} />
      {report && (
        <div className="import-report" role="status">
          Imported {countOf(report.imported.length, 'profile')}
          {report.duplicates.length > 0 && (
            <>
              ; skipped {report.duplicates.length} already present ({report.duplicates.join(', ')})
            </>
          )}
          {report.invalid.length > 0 && (
            <ul>
              {report.invalid.map((i) => (
                <li key={i.index}>
                  Entry {i.index + 1}
                  {i.name ? ` “${i.name}”` : ''} is invalid: {i.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
