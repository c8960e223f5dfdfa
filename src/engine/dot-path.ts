/**
 * Dot paths into plain data, as `policies.set`, `--vary` and `optimize.vary` write them:
 * `staffing.agents`, `groups.care.shifts.0.agents`, `groups.tier-1.staffingScale`. A path is
 * keys joined by "."; a key is any non-empty text without a dot (names may hold hyphens, list
 * items may be picked by index). What each key means is the override's business
 * (scenario/overrides.ts); this is the one definition of the form, shared by every place that
 * reads a path.
 */

/** The keys of a dot path, or null when it is not one (empty, or an empty key: "a..b", ".a", "a."). */
export function splitDotPath(path: string): string[] | null {
  if (path === '') return null;
  const keys = path.split('.');
  return keys.some((k) => k === '' || k.trim() !== k) ? null : keys;
}
