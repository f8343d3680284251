// A labelled select whose label is its own element (so the accessible name is the label, not the options' text).
import type { SelectHTMLAttributes } from "react";

const SELECT = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Props: the select's own attributes plus an id, a label and the field's errors. */
export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  id: string;
  label: string;
  errors?: string[];
}

/** One labelled select with its error messages. */
export function SelectField({ id, label, errors, children, ...select }: SelectFieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <select id={id} className={SELECT} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined} {...select}>{children}</select>
      {errors?.length ? <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">{errors.join(" ")}</p> : null}
    </div>
  );
}
