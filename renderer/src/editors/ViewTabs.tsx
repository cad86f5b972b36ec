import { VIEWS, type ViewKind } from './valueViews';

/** Text / JSON / Hex: how the value is shown; a view that cannot show it says why. */
export function ViewTabs({
  view,
  unavailable,
  onChange,
}: {
  view: ViewKind;
  unavailable(kind: ViewKind): string | undefined;
  onChange(view: ViewKind): void;
}) {
  return (
    <div className="segmented view-tabs" role="tablist" aria-label="View as">
      {VIEWS.map(({ kind, label }) => {
        const why = unavailable(kind);
        return (
          <button
            key={kind}
            type="button"
            role="tab"
            aria-selected={view === kind}
            className={view === kind ? 'on' : ''}
            disabled={!!why}
            title={why}
            onClick={() => onChange(kind)}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
