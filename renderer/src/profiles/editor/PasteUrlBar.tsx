import { useState, type FormEvent } from 'react';
import type { ProfileDraft } from '../../../../shared/api/profiles';
import { profileCall } from '../profileCalls';

/**
 * Paste redis://, rediss:// or redis-sentinel:// to fill the form. While core parses the URL
 * `onApplying(true)` lets the form lock its fields: what the user types meanwhile would be
 * overwritten by (or run into) the fill. The fill and the unlock land in one render.
 */
export function PasteUrlBar({
  onDraft,
  onApplying,
  autoFocus,
}: {
  onDraft(draft: ProfileDraft): void;
  onApplying(applying: boolean): void;
  autoFocus?: boolean;
}) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onApplying(true);
    const result = await profileCall('profiles.parseUrl', { url });
    onApplying(false);
    if (!result.ok) return setError(result.error.message);
    setError(undefined);
    setUrl('');
    onDraft(result.value);
  };
  return (
    <form className="paste-url" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor="pf-url">Paste a connection URL</label>
        <div className="inline">
          <input
            id="pf-url"
            value={url}
            autoFocus={autoFocus}
            spellCheck={false}
            placeholder="redis://user:pass@host:6379/0 · rediss://… · redis-sentinel://host1:26379,host2:26379#mymaster"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'pf-url-error' : undefined}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button type="submit" disabled={!url.trim()}>
            Fill the form
          </button>
        </div>
        {error && (
          <p className="field-error" id="pf-url-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
