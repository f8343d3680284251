// Shared button styles.
import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-sky-700 text-white hover:bg-sky-800 disabled:bg-sky-400",
  secondary: "border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-400",
};

/** A button in one of the app's variants. */
export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return <button className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-wait ${VARIANTS[variant]} ${className}`} {...props} />;
}
