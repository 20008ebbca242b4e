import type { Migration } from './migration';

/**
 * FNV-1a 64-bit checksum of a migration's statements, hex encoded; stored with each applied
 * version so an edited migration is reported by `migrationStatus()`. Pure JS so `./kysely`
 * needs no Node built-ins.
 *
 * @internal
 */
export function migrationChecksum(migration: Migration): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (const char of migration.statements.join('\n;\n')) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}
