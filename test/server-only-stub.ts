// Lets server-only modules load under vitest (outside the React server bundle).
export {};
