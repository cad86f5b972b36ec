import { useId, useState } from 'react';

/** A SCAN MATCH filter: applied on Enter (each change is a new scan), cleared with Escape. */
export function ValueFilter({ label, onApply }: { label: string; onApply(match: string): void }) {
  const id = useId();
  const [text, setText] = useState('');
  return (
    <form
      className="value-filter"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(text);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        value={text}
        placeholder={`${label}: glob pattern, Enter`}
        title="A SCAN MATCH pattern: * any text, ? one character, [abc] one of; Escape clears"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
            onApply('');
          }
        }}
      />
    </form>
  );
}
