// The session setting every replscope connection starts with, so that escaped values mean what they say (pure).

/**
 * Removes NO_BACKSLASH_ESCAPES from the session's sql_mode and keeps the rest. mysql2 escapes quotes with a
 * backslash; under that mode a backslash is a plain character, so `\'` would end the string (SQL injection).
 */
export const SAFE_SQL_MODE = "SET SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',NO_BACKSLASH_ESCAPES,', ','))";
