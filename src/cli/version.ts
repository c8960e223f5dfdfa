import { readFileSync } from 'node:fs';

/** The package's version (`ccsim --version`, and stamped in shard files), from package.json beside src/ and dist/. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
