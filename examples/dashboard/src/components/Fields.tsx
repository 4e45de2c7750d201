import type { ReactNode } from 'react';

/** A definition list of label → value rows, for the detail pages. */
export function Fields({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <dl className="fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
