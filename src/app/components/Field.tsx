/** A labelled control with its validation messages (SPEC 15: shown next to the field). */
import type { ReactNode } from 'react';

export function Field(props: { id: string; label: string; errors?: readonly string[]; hint?: string; children: ReactNode }) {
  const { id, label, errors, hint, children } = props;
  return (
    <div className={`field${errors?.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {errors?.map((e) => (
        <p key={e} className="error" id={`${id}-error`} role="alert">
          {e}
        </p>
      ))}
    </div>
  );
}

/** aria-describedby for a control with a hint and/or errors. */
export function describedBy(id: string, errors?: readonly string[], hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
