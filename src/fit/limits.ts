/**
 * What `ccsim fit` accepts. A log is read whole into memory — its text (2 bytes a character) and
 * a record per call (~300 bytes) — so its size is checked before reading: 256 MiB is about 2.5
 * million rows of the bank's width (~1.3 GB of heap), a year of a 300-agent centre. A bigger log
 * is refused with the limit named; split it by period.
 */
export const FIT_LIMITS = {
  /** Bytes of a log file. */
  logBytes: 256 * 2 ** 20,
  /** Bytes of a column-mapping file. */
  mappingBytes: 2 ** 20,
  /** Calendar days a log may span (the scenario horizon's limit). */
  days: 3650,
} as const;
